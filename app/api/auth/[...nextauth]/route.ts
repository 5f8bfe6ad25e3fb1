// GET|POST /api/auth/* — next-auth: CSRF token, password sign-in callback, session, sign-out.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth parses a body sent as application/json with JSON.parse and answers a body that is not
 * JSON with a 500 (found by `npm run bench`'s fuzz): a malformed request is the client's error, 400.
 */
async function POST(req: Request, ctx: Context): Promise<Response> {
  if (/^application\/json/i.test(req.headers.get('content-type') ?? '')) {
    try {
      await req.clone().json();
    } catch {
      return Response.json({ error: 'bad_request' }, { status: 400 });
    }
  }
  return handler(req, ctx);
}

/**
 * The password provider's callback takes a POST only: next-auth answers a GET of it with a 500
 * ("Callback for provider type credentials not supported", found by the same fuzz). 405 instead.
 */
async function GET(req: Request, ctx: Context): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === 'callback' && nextauth[1] === 'credentials') return new Response(null, { status: 405, headers: { Allow: 'POST' } });
  return handler(req, ctx);
}

export { GET, POST };
