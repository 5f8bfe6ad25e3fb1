// GET /api/health — liveness for load balancers and tests: 200 only when the database answers.
import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getConnection } from '@/db/client';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const { db, kind } = await getConnection();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000)),
    ]);
    return NextResponse.json({ ok: true, db: kind }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('health check failed:', err instanceof Error ? err.message : err);
    return NextResponse.json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
