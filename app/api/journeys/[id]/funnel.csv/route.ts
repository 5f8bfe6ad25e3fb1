// GET /api/journeys/<id>/funnel.csv?<filters> — the journey's funnel beside each stage's
// satisfaction as a CSV file (lib/dashboard/funnel.ts buildFunnelCsv), for members who may read the
// dashboard and reviews. Filters as for stages.csv (lib/dashboard/csv-route.ts); the funnel takes the
// calendar months overlapping the period (none: every month recorded), the review figures the
// period itself.
import { journeyCsvRoute } from '@/lib/dashboard/csv-route';
import { buildFunnelCsv, funnelCsvFileName, funnelFor } from '@/lib/dashboard/funnel';
import { stageStats } from '@/lib/dashboard/stage-stats';

export const dynamic = 'force-dynamic';

export const GET = journeyCsvRoute(
  (db, filter) => Promise.all([funnelFor(db, filter), stageStats(db, filter)]),
  ([funnel, stats], now) => ({ body: buildFunnelCsv(funnel, stats), fileName: funnelCsvFileName(now, funnel.timeZone) }),
);
