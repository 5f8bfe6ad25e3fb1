// GET /api/health/ready — route traffic here only while this answers 200 (database up, not shedding load).
import { readiness } from '@/lib/http/health';

export const dynamic = 'force-dynamic';

export const GET = readiness;
