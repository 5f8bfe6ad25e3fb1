// GET /t/<slug> — a business's public testimonial page: its featured reviews with the honesty line,
// plain HTML from lib/reviews/page/testimonials.ts (no framework runtime, no script, no cookies).
import { getTestimonialPage } from '@/lib/reviews/page/testimonials';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return getTestimonialPage(req, (await params).slug, { embed: false });
}
