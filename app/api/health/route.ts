// GET /api/health — readiness (the same as /api/health/ready; kept for existing balancers and tests).
import { readiness } from '@/lib/http/health';

export const dynamic = 'force-dynamic';

export const GET = readiness;
