import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/core/env';

const prod = { NODE_ENV: 'production', NEXTAUTH_SECRET: 's'.repeat(32) };
const problems = (source: Record<string, string>) => {
  const r = parseEnv(source);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('environment', () => {
  it('in development needs nothing', () => {
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('in production needs a secret and the public address, over https (plain http only on this machine)', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'NEXTAUTH_SECRET: is required in production',
      'NEXTAUTH_URL: is required in production (the public https:// address)',
    ]);
    expect(problems({ ...prod, NEXTAUTH_URL: 'http://jejak.example.id' })).toEqual([
      'NEXTAUTH_URL: must be https:// in production (http only for localhost or 127.0.0.1)',
    ]);
    expect(problems({ ...prod, NEXTAUTH_URL: 'https://jejak.example.id' })).toEqual([]);
    expect(problems({ ...prod, NEXTAUTH_URL: 'http://127.0.0.1:3100' })).toEqual([]);
    // A malformed address gets one clear message, not a crash.
    expect(problems({ ...prod, NEXTAUTH_URL: 'jejak.example.id' })).toEqual(['NEXTAUTH_URL: Invalid URL']);
  });

  it('treats empty values as unset and refuses a malformed database URL', () => {
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: '' }).data?.DATABASE_URL).toBeUndefined();
    expect(problems({ NODE_ENV: 'development', DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL: must start with postgres:// or postgresql://']);
  });
});
