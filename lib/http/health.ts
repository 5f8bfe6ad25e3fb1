import 'server-only';
import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getConnection } from '@/db/client';
import { processGate, retryAfterSeconds } from './gate';

const noStore = { 'Cache-Control': 'no-store' };

/** Alive: the process answers. No database, never queued (scripts/server.ts lets it skip the line). */
export function liveness(): NextResponse {
  return NextResponse.json({ ok: true }, { headers: noStore });
}

/**
 * Ready for more traffic: the database answers within 3 s and the server is not shedding load.
 * A balancer should route by this and restart by liveness, so a busy instance is rested, not killed.
 */
export async function readiness(): Promise<NextResponse> {
  const gate = processGate();
  if (gate?.saturated) {
    const retry = retryAfterSeconds(gate.stats);
    return NextResponse.json({ ok: false, busy: true }, { status: 503, headers: { ...noStore, 'Retry-After': String(retry) } });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { db, kind } = await getConnection();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database timeout')), 3000);
      }),
    ]);
    return NextResponse.json({ ok: true, db: kind }, { headers: noStore });
  } catch (err) {
    console.error('readiness check failed:', err instanceof Error ? err.message : err);
    return NextResponse.json({ ok: false }, { status: 503, headers: { ...noStore, 'Retry-After': '5' } });
  } finally {
    clearTimeout(timer);
  }
}
