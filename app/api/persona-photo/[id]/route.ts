// GET /api/persona-photo/<personaId>?v=<version> — a persona's photo, for members of its business.
// Served from here rather than inlined as a data URL so list pages stay light on mobile data.
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { getPersonaPhoto } from '@/lib/personas/queries';

export const dynamic = 'force-dynamic';

// A body, not an empty 404: browsers treat an empty error response as a network failure.
const notFound = () =>
  new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  if (!session?.tenant || !can(session.tenant.role, 'journeys.read') || !isUuid(id)) return notFound();
  let photo;
  try {
    // The business is the session's: another business's persona answers like a missing one.
    photo = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => getPersonaPhoto(db, id));
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
  if (!photo) return notFound();
  return new NextResponse(new Uint8Array(photo.bytes), {
    headers: {
      'Content-Type': photo.type,
      'Content-Length': String(photo.bytes.length),
      // The URL carries the persona's version, so a new photo gets a new URL.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
