// GET /api/journeys/<id>/stages.csv?<filters> — the journey's per-stage dashboard table as a CSV file
// (lib/dashboard/stages-csv.ts), for members who may read the dashboard and reviews. Filters as
// query parameters: stage, link, touchpoint, from/to (local days, YYYY-MM-DD), range
// (7d/30d/90d/12m/all); none = all time, every link (lib/dashboard/csv-route.ts). A dotted folder
// name is an ordinary app-router segment (like app/rss.xml).
import { journeyCsvRoute } from '@/lib/dashboard/csv-route';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { buildStagesCsv, stagesCsvFileName } from '@/lib/dashboard/stages-csv';

export const dynamic = 'force-dynamic';

export const GET = journeyCsvRoute(stageStats, (stats, now) => ({ body: buildStagesCsv(stats), fileName: stagesCsvFileName(now, stats.timeZone) }));
