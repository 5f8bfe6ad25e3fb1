/** next-auth v4: password sign-in (Credentials), JWT sessions carrying the user, its session version and active business. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticate, recordSignOut, SignInError } from '@/lib/accounts';
import { env } from '@/lib/env';
import { ipFromForwardedFor } from '@/lib/request';
import { anyPassword } from '@/lib/validation';

const credentials = z.object({ email: z.string().trim().min(1).max(254), password: anyPassword });

declare module 'next-auth' {
  interface User {
    sv: number;
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
    tid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 14 * 24 * 60 * 60 },
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
          return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
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
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sv;
        delete token.tid;
      }
      // Switching business: the choice is checked against the memberships on every request.
      if (trigger === 'update' && typeof session?.tenantId === 'string') token.tid = session.tenantId;
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid ?? '', sv: token.sv ?? 0, tid: token.tid };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid) await recordSignOut(token.uid).catch((err) => console.error('audit of sign-out failed', err));
    },
  },
};
