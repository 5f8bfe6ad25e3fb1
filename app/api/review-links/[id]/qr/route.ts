// GET /api/review-links/<id>/qr?format=png|svg[&download=1] — the review link's QR code (its short /r/<slug> URL), for members who may read reviews.
import { NextResponse } from 'next/server';
import QRCode from 'qrcode';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { publicUrl } from '@/lib/links/public-url';
import { getReviewLink } from '@/lib/reviews/links';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };
// Unknown, malformed, another business's, or not allowed: all answered alike.
const notFound = () => NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });

// Medium error correction survives a smudged or folded poster; a quiet zone of 4 modules is the standard's.
const options = { errorCorrectionLevel: 'M', margin: 4 } as const;

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(req.url).searchParams;
  const format = search.get('format') === 'svg' ? 'svg' : search.get('format') === 'png' || search.get('format') === null ? 'png' : null;
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
  if (!session.tenant || !can(session.tenant.role, 'reviews.read') || !isUuid(id)) return notFound();
  if (!format) return NextResponse.json({ error: 'bad_format' }, { status: 400, headers: noStore });
  let slug: string;
  try {
    ({ slug } = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => getReviewLink(db, id)));
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
  const url = await publicUrl(`/r/${slug}`);
  const headers: Record<string, string> = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  if (search.get('download') === '1') headers['Content-Disposition'] = `attachment; filename="qr-ulasan-${slug}.${format}"`;
  if (format === 'svg') {
    const svg = await QRCode.toString(url, { ...options, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
    return new NextResponse(svg, { headers: { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  }
  // 1024 px: sharp on an A4 print, still small (a few KB).
  const png = await QRCode.toBuffer(url, { ...options, type: 'png', width: 1024 });
  return new NextResponse(new Uint8Array(png), { headers: { ...headers, 'Content-Type': 'image/png' } });
}
