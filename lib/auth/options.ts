/**
 * next-auth v4: password sign-in (Credentials), JWT sessions carrying the user, its session
 * version, its server-side session id (`sid`, lib/auth/sessions.ts) and the active business.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticate, recordSignOut, SignInError } from '@/lib/accounts/accounts';
import { env } from '@/lib/core/env';
import { ipFromForwardedFor } from '@/lib/core/request';
import { anyPassword, signInEmail } from '@/lib/core/validation';
import { resolveCallback } from './callback';
import { assertSessionActive, createUserSession, revokeUserSession, SESSION_MAX_AGE_S, SessionRefusedError } from './sessions';

const credentials = z.object({ email: signInEmail, password: anyPassword });

declare module 'next-auth' {
  interface User {
    sv: number;
    sid: string;
    /** The business the session starts in (the account's first); none for an account without one. */
    tid?: string | null;
  }
  interface Session {
    uid: string;
    sv: number;
    tid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    tid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  // Cookies are HttpOnly and SameSite=Lax (next-auth's defaults), and Secure whenever the app is
  // served over https, which lib/env requires in production (plain http only on localhost).
  useSecureCookies: env.NEXTAUTH_URL?.startsWith('https://') ?? false,
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new Error('invalid');
        const fwd = req.headers?.['x-forwarded-for'];
        const ip = ipFromForwardedFor(Array.isArray(fwd) ? fwd.join(',') : fwd);
        try {
          const user = await authenticate(parsed.data.email, parsed.data.password, ip);
          const session = await createUserSession(user.id);
          return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid: session.sessionId, tid: session.tenantId };
        } catch (err) {
          // The message reaches the sign-in form, which translates it.
          if (err instanceof SignInError) throw new Error(err.reason === 'locked' ? `locked:${err.retryAt?.getTime() ?? ''}` : 'invalid');
          console.error('sign-in failed unexpectedly', err);
          throw new Error('unavailable');
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        // Just signed in: authorize recorded the session.
        token.uid = user.id;
        token.sv = user.sv;
        token.sid = user.sid;
        // Chosen from the start, so each request reads this one membership (lib/auth/session.ts).
        if (user.tid) token.tid = user.tid;
        else delete token.tid;
        return token;
      }
      // Switching business: the choice is checked against the memberships on every request.
      if (trigger === 'update' && typeof session?.tenantId === 'string') token.tid = session.tenantId;
      // Every other read of the session — /api/auth/session, and getServerSession behind every
      // page (lib/auth/session.ts) — checks it is still live on the server (and loads, in the same
      // query, the user and the chosen business for the request). A refused one throws: next-auth
      // v4 then answers as for no session ({} from the route, null from getServerSession) and
      // clears the cookie. (Returning null only ends sessions from v5 on.)
      await assertSessionActive(token);
      return token;
    },
    // Only ever a path on this site (lib/auth/callback.ts); next-auth's default accepts any URL
    // that starts with "/", and throws on one it cannot parse.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${resolveCallback(url, baseUrl) ?? '/dashboard'}`;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid ?? '', sv: token.sv ?? 0, tid: token.tid };
    },
  },
  events: {
    // Ends the session on the server, so a copy of the cookie is worthless from now on.
    async signOut({ token }) {
      if (!token?.uid) return;
      if (!(await revokeUserSession(token))) return; // already over: nothing to sign out of
      await recordSignOut(token.uid).catch((err) => console.error('audit of sign-out failed', err));
    },
  },
  logger: {
    error(code, metadata) {
      // A refused session is an answer, not a failure (see the jwt callback).
      if (metadata instanceof SessionRefusedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
