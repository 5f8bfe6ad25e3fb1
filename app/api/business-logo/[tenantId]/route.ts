// GET /api/business-logo/<tenantId>?v=<version> — a business's logo as an image, for its members.
// Served from here rather than inlined as a data URL so the header does not carry it on every page.
import { NextResponse } from 'next/server';
import { getSession } from '@/lib/auth/session';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { decodeImage } from '@/lib/images/images';
import { getMemberLogo } from '@/lib/team/team';

export const dynamic = 'force-dynamic';

// A body, not an empty 404: browsers treat an empty error response as a network failure.
const notFound = () =>
  new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_req: Request, { params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const session = await getSession();
  if (!session || !isUuid(tenantId)) return notFound();
  // Only a business the user belongs to (checked in the same query); any other id answers like a missing one.
  const logo = decodeImage(await inTenant({ tenantId, userId: session.user.id }, getMemberLogo));
  if (!logo) return notFound();
  return new NextResponse(new Uint8Array(logo.bytes), {
    headers: {
      'Content-Type': logo.type,
      'Content-Length': String(logo.bytes.length),
      // The URL carries the logo's version, so a new logo gets a new URL.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
