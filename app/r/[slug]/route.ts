// GET/POST /r/<slug> — the public review page: plain HTML from lib/reviews/page (no framework
// runtime on the customer's phone), a form that works without JavaScript. See lib/reviews/page/serve.ts.
import { getReviewPage, postReview } from '@/lib/reviews/page/serve';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(req: Request, { params }: Context): Promise<Response> {
  return getReviewPage(req, (await params).slug);
}

export async function POST(req: Request, { params }: Context): Promise<Response> {
  return postReview(req, (await params).slug);
}
