// GET /r/<slug>/thanks — where the review form's POST sends the customer (303) after the review is
// committed: the owner's thank-you and the offers every customer gets. See lib/reviews/page/serve.ts.
import { getThanksPage } from '@/lib/reviews/page/serve';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return getThanksPage(req, (await params).slug);
}
