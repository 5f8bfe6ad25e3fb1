/**
 * next-auth's route parses a body sent as application/json with JSON.parse and answered one that is
 * not JSON with a 500 (found by `npm run bench`'s fuzz): the route answers it 400 before next-auth.
 */
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/auth/[...nextauth]/route';

const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

describe('the next-auth route', () => {
  for (const body of ['{', 'not json', '{"csrfToken": }', '\u0000']) {
    it(`answers 400 to an application/json body that is not JSON (${JSON.stringify(body)})`, async () => {
      const req = new Request('http://localhost/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const res = await POST(req, ctx('callback', 'credentials'));
      expect(res.status).toBe(400);
    });
  }
});
