// GET /api/journeys/<id>/export — the journey as a downloadable JSON file (docs/journey-format.md), for members who may read it.
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { attachmentHeader } from '@/lib/journeys/exchange';
import { exportJourney } from '@/lib/journeys/queries';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };
// Unknown, malformed, another business's, or not allowed: all answered alike.
const notFound = () => NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
  if (!session.tenant || !can(session.tenant.role, 'journeys.read') || !isUuid(id)) return notFound();
  try {
    const doc = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => exportJourney(db, id));
    return new NextResponse(`${JSON.stringify(doc, null, 2)}\n`, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': attachmentHeader(doc.name),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
}
