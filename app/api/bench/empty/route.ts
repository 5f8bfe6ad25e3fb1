// POST|GET /api/bench/empty — benchmarks only (BENCH_ROUTES=1): an empty route handler, the framework
// ceiling `npm run bench` compares the review intake with (scripts/bench/intake.ts). It reads the body
// as the review form's handler does and answers 204; it touches no database. Without the flag: 404.
import { env } from '@/lib/core/env';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function POST(req: Request): Promise<Response> {
  if (env.BENCH_ROUTES !== '1') return notFound();
  await req.arrayBuffer();
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

export async function GET(): Promise<Response> {
  if (env.BENCH_ROUTES !== '1') return notFound();
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
