// GET /api/journeys/<id>/trend.csv?<filters> — the journey's review trend (reviews and average stars
// per day, week or month) as a CSV file (lib/dashboard/trend-csv.ts), for members who may read the
// dashboard and reviews. The same filters as the dashboard and stages.csv (lib/dashboard/csv-route.ts).
import { journeyCsvRoute } from '@/lib/dashboard/csv-route';
import { reviewTrend } from '@/lib/dashboard/trend';
import { buildTrendCsv, trendCsvFileName } from '@/lib/dashboard/trend-csv';

export const dynamic = 'force-dynamic';

export const GET = journeyCsvRoute(reviewTrend, (trend, now) => ({ body: buildTrendCsv(trend), fileName: trendCsvFileName(now, trend.timeZone) }));
