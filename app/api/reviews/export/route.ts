// GET /api/reviews/export?<the inbox's filters> — the filtered review inbox as a CSV file, for members who may read reviews.
import { NextResponse } from 'next/server';
import { paramsOf, readInboxQuery, toFilter } from '@/lib/reviews/inbox-query';
import { can } from '@/lib/auth/permissions';
import { getSession } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { buildReviewsCsv, EXPORT_MAX_ROWS, exportFileName, reviewsForExport } from '@/lib/reviews/export';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

export async function GET(req: Request) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'signed_out' }, { status: 401, headers: noStore });
  if (!session.tenant || !can(session.tenant.role, 'reviews.read')) return NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });
  const tz = session.tenant.timeZone;
  // The same lenient reading as the inbox page: a malformed filter is simply not applied.
  const query = readInboxQuery(paramsOf(new URL(req.url).searchParams));
  const filter = toFilter(query, tz, undefined, EXPORT_MAX_ROWS);
  const rows = await inTenant({ tenantId: session.tenant.tenantId, userId: session.user.id }, (db) => reviewsForExport(db, filter));
  const { t, locale } = await getT('reviews');
  const csv = buildReviewsCsv(rows, { t, locale, timeZone: tz });
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(new Date(), tz)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
