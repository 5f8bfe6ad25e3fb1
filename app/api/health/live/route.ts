// GET /api/health/live — the process is alive (no database, never queued): restart only when this fails.
import { liveness } from '@/lib/http/health';

export const dynamic = 'force-dynamic';

export function GET() {
  return liveness();
}
