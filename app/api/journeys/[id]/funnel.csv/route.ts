// GET /api/journeys/<id>/funnel.csv?<filters> — the journey's funnel beside each stage's
// satisfaction as a CSV file (lib/dashboard/funnel.ts buildFunnelCsv), for members who may read the
// dashboard and reviews. Filters as for stages.csv: stage, link, touchpoint, from/to, range; the
// funnel takes the calendar months overlapping the period (none: every month recorded), the review
// figures the period itself. A dotted folder name is an ordinary app-router segment.
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { buildFunnelCsv, funnelCsvFileName, funnelFor } from '@/lib/dashboard/funnel';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { readStagesCsvQuery } from '@/lib/dashboard/stages-csv';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };
// Unknown, malformed, another business's, or not allowed: all answered alike.
const notFound = () => NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
  const role = session.tenant?.role;
  if (!session.tenant || !role || !can(role, 'dashboard.read') || !can(role, 'reviews.read') || !isUuid(id)) return notFound();
  const filter = readStagesCsvQuery(id, new URL(req.url).searchParams);
  if (!filter) return NextResponse.json({ error: 'invalid_filter' }, { status: 400, headers: noStore });
  try {
    const [funnel, stats] = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => Promise.all([funnelFor(db, filter), stageStats(db, filter)]));
    return new NextResponse(buildFunnelCsv(funnel, stats), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${funnelCsvFileName(new Date(), funnel.timeZone)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
}
