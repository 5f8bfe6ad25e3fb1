// GET /api/journeys/<id>/trend.csv?<filters> — the journey's review trend (reviews and average stars
// per day, week or month) as a CSV file (lib/dashboard/trend-csv.ts), for members who may read
// reviews. The same filters as the dashboard and stages.csv: stage, link, touchpoint, from/to (local
// days, YYYY-MM-DD), range (7d/30d/90d/12m/all); none = all time, every link.
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant } from '@/lib/core/tenancy';
import { readStagesCsvQuery } from '@/lib/dashboard/stages-csv';
import { reviewTrend } from '@/lib/dashboard/trend';
import { buildTrendCsv, trendCsvFileName } from '@/lib/dashboard/trend-csv';

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
    const trend = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => reviewTrend(db, filter));
    return new NextResponse(buildTrendCsv(trend), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${trendCsvFileName(new Date(), trend.timeZone)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
}
