/**
 * The UI language of a request (lib/i18n/server.ts getLocale; issue 11, item 10): the user's
 * choice (the language cookie, else the profile of whoever is signed in), else on a first visit
 * the browser's Accept-Language, else Indonesian. The e2e check: e2e/first-visit.spec.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const request = vi.hoisted(() => ({
  cookie: undefined as string | undefined,
  acceptLanguage: null as string | null,
  session: null as null | { user: { locale: 'id' | 'en' } },
}));

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'jejak_locale' && request.cookie !== undefined ? { name, value: request.cookie } : undefined) }),
  headers: async () => new Headers(request.acceptLanguage === null ? {} : { 'accept-language': request.acceptLanguage }),
}));
vi.mock('@/lib/auth/session', () => ({ getSession: async () => request.session }));

const { getLocale } = await import('@/lib/i18n/server');

beforeEach(() => {
  request.cookie = undefined;
  request.acceptLanguage = null;
  request.session = null;
});

describe('a first visit', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en-GB', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    // Old Android browsers still say `in` for Indonesian.
    ['in-ID', 'id'],
    ['fr-FR,en;q=0.5,id;q=0.7', 'id'],
    ['fr-FR,de;q=0.8', 'id'],
  ])('with Accept-Language %j reads %s', async (header, expected) => {
    request.acceptLanguage = header;
    expect(await getLocale()).toBe(expected);
  });

  it('without Accept-Language reads Indonesian', async () => {
    expect(await getLocale()).toBe('id');
  });
});

describe('once the user has chosen', () => {
  it('the language cookie wins over the browser', async () => {
    request.acceptLanguage = 'en-US,en;q=0.9';
    request.cookie = 'id';
    expect(await getLocale()).toBe('id');
    request.acceptLanguage = 'id-ID';
    request.cookie = 'en';
    expect(await getLocale()).toBe('en');
  });

  it('a signed-in user without the cookie gets the language of their profile, not the browser’s', async () => {
    request.acceptLanguage = 'en-US,en;q=0.9';
    request.session = { user: { locale: 'id' } };
    expect(await getLocale()).toBe('id');
  });

  it('a cookie with another value is ignored', async () => {
    request.acceptLanguage = 'en-US';
    request.cookie = 'fr';
    expect(await getLocale()).toBe('en');
  });
});
