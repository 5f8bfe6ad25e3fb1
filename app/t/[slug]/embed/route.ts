// GET /t/<slug>/embed — the testimonial page, compact, for an <iframe> on the owner's own website.
// Unlike every other page it may be framed by any site (`frame-ancestors *`): it is a read-only
// widget with no form, no script and no cookie, so a framing site can make a visitor do nothing
// through it. Its links open the full page in a new tab. See lib/reviews/page/testimonials.ts.
import { getTestimonialPage } from '@/lib/reviews/page/testimonials';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return getTestimonialPage(req, (await params).slug, { embed: true });
}
