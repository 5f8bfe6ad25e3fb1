/**
 * The dashboards' CSV downloads (`GET /api/journeys/<id>/{stages,trend,funnel}.csv`), one handler
 * shape: a member who may read the dashboard and reviews, the journey's id in the path, the
 * dashboard's filters as query parameters (lib/dashboard/stages-csv.ts readStagesCsvQuery: stage,
 * link, touchpoint, from/to, range; none = all time, every link). Signed out: 401; another
 * business's journey, an unknown or malformed id, or a role without the permission: the same 404;
 * a bad filter: 400.
 */
import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { inTenant, type TenantDb } from '@/lib/core/tenancy';
import type { StageStatsFilter } from './stage-stats';
import { readStagesCsvQuery } from './stages-csv';

const noStore = { 'Cache-Control': 'no-store' };
const notFound = () => NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });

/** A route handler that loads the data for the filter inside the business and answers it as a CSV file. */
export function journeyCsvRoute<T>(
  load: (db: TenantDb, filter: StageStatsFilter) => Promise<T>,
  csv: (data: T, now: Date) => { body: string; fileName: string },
) {
  return async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const { id } = await params;
    const session = await getSession();
    if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
    const role = session.tenant?.role;
    if (!session.tenant || !role || !can(role, 'dashboard.read') || !can(role, 'reviews.read') || !isUuid(id)) return notFound();
    const filter = readStagesCsvQuery(id, new URL(req.url).searchParams);
    if (!filter) return NextResponse.json({ error: 'invalid_filter' }, { status: 400, headers: noStore });
    try {
      const data = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => load(db, filter));
      const { body, fileName } = csv(data, new Date());
      return new NextResponse(body, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${fileName}"`,
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (err) {
      if (err instanceof NotFoundError) return notFound();
      throw err;
    }
  };
}
