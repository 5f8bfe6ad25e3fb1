/**
 * Bad bytes at sign-in (issue 7, item 4): a NUL in the email or password is an invalid sign-in like
 * any other, not "sign-in is unavailable". PostgreSQL and PGlite refuse a NUL in text, which is
 * what turned it into an unexpected failure: shown here first, on both databases.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getConnection, queryRows } from '@/db/client';
import { authOptions } from '@/lib/auth/options';

type Authorize = (raw: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

function authorize(): Authorize {
  const provider = authOptions.providers.find((p) => p.id === 'credentials') as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

async function answer(raw: Record<string, string>): Promise<string> {
  try {
    await authorize()(raw, { headers: { 'x-forwarded-for': '203.0.113.77' } });
    return 'signed in';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('a NUL at sign-in', () => {
  it('cannot reach the database: the database refuses it in text', async () => {
    const { db } = await getConnection();
    await expect(queryRows(db, sql`select ${'pemilik\u0000@bengkel.test'}::text as t`)).rejects.toThrow();
  });

  it('in the email, or the password, is answered "invalid", as a wrong password is', async () => {
    expect(await answer({ email: 'pemilik\u0000@bengkel.test', password: 'jejak-demo-2026' })).toBe('invalid');
    expect(await answer({ email: 'pemilik@bengkel.test\u0000', password: 'salah-sekali-ya' })).toBe('invalid');
    expect(await answer({ email: 'nobody@contoh.test', password: 'jejak\u0000demo-2026' })).toBe('invalid');
    expect(await answer({ email: '\u001b[31m@contoh.test', password: 'jejak-demo-2026' })).toBe('invalid');
  });
});
