// GET /api/journeys/<id>/stages.csv?<filters> — the journey's per-stage dashboard table as a CSV file
// (lib/dashboard/stages-csv.ts), for members who may read reviews. Filters as query parameters:
// stage, link, touchpoint, from/to (local days, YYYY-MM-DD), range (7d/30d/90d/12m/all); none = all
// time, every link. A dotted folder name is an ordinary app-router segment (like app/rss.xml).
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { buildStagesCsv, readStagesCsvQuery, stagesCsvFileName } from '@/lib/dashboard/stages-csv';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };
// Unknown, malformed, another business's, or not allowed: all answered alike.
const notFound = () => NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
  if (!session.tenant || !can(session.tenant.role, 'reviews.read') || !isUuid(id)) return notFound();
  const filter = readStagesCsvQuery(id, new URL(req.url).searchParams);
  if (!filter) return NextResponse.json({ error: 'invalid_filter' }, { status: 400, headers: noStore });
  try {
    const stats = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => stageStats(db, filter));
    return new NextResponse(buildStagesCsv(stats), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${stagesCsvFileName(new Date(), stats.timeZone)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
}
