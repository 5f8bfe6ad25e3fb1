// GET /r/<slug>/logo?v=<version> — the business's logo for its public review page, made small
// (WebP) and cached for good under its version. See lib/reviews/page/serve.ts getReviewLogo.
import { getReviewLogo } from '@/lib/reviews/page/serve';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return getReviewLogo(req, (await params).slug);
}
