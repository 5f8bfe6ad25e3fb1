/**
 * next-auth's route parses a body sent as application/json with JSON.parse and answered one that is
 * not JSON with a 500, and a GET of the password callback with a 500 (both found by `npm run bench`'s
 * fuzz): the route answers them 400 and 405 before next-auth.
 */
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';

const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

describe('the next-auth route', () => {
  for (const body of ['{', 'not json', '{"csrfToken": }', '\u0000']) {
    it(`answers 400 to an application/json body that is not JSON (${JSON.stringify(body)})`, async () => {
      const req = new Request('http://localhost/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const res = await POST(req, ctx('callback', 'credentials'));
      expect(res.status).toBe(400);
    });
  }

  it('answers 405 to a GET of the password callback (next-auth answered it 500)', async () => {
    const res = await GET(new Request('http://localhost/api/auth/callback/credentials'), ctx('callback', 'credentials'));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
