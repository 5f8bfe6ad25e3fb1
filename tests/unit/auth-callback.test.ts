/**
 * Where a browser may be sent after signing in (issue 7, item 1). A callback is resolved the way
 * a browser resolves it (WHATWG URL parser: tabs and newlines dropped, `\` read as `/`) against the
 * app's own origin; anything that lands elsewhere is replaced, and what comes back is a plain path.
 */
import { describe, expect, it } from 'vitest';
import { afterSignInPath, resolveCallback } from '@/lib/auth/callback';

const origin = 'https://jejak.example';

/** What a browser makes of the path we hand it (router.push, or a Location header). */
function browserLandsOn(path: string) {
  return new URL(path, origin);
}

describe('a callback that stays on this site', () => {
  it.each([
    ['/journeys/abc', '/journeys/abc'],
    ['/journeys/abc?tab=map#stage-2', '/journeys/abc?tab=map#stage-2'],
    ['/invite/0b5e1c00-0000-4000-8000-000000000001/AbC', '/invite/0b5e1c00-0000-4000-8000-000000000001/AbC'],
    // next-auth's proxy sends the full address of the page that asked for a sign-in.
    ['https://jejak.example/personas?x=1', '/personas?x=1'],
    ['https://JEJAK.example:443/team', '/team'],
    // Tabs and newlines are dropped by browsers; here they drop inside our own path, harmlessly.
    ['/dash\r\nboard', '/dashboard'],
    ['/team/../personas', '/personas'],
  ])('%j is kept as %j', (value, expected) => {
    expect(afterSignInPath(value, origin)).toBe(expected);
    expect(resolveCallback(value, origin)).toBe(expected);
  });

  it('takes the first value when the parameter is repeated', () => {
    expect(afterSignInPath(['/personas', 'https://evil.example/'], origin)).toBe('/personas');
  });
});

describe('a callback that would leave the site is replaced by /dashboard', () => {
  it.each([
    // The reported ones: %09 is a tab, %5C a backslash (Next hands the page the decoded value).
    '/\t/evil.example',
    '/\t\\evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\t/\t/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    ' //evil.example',
    '\t//evil.example',
    'https://evil.example/dashboard',
    'https://jejak.example.evil.example/',
    'https://jejak.example@evil.example/',
    'http://jejak.example/dashboard', // another scheme is another origin
    'https://jejak.example:8443/dashboard',
    'http:evil.example',
    'javascript:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    // Dot segments can leave a path that starts with two slashes: `//evil.example` to a browser.
    '/.//evil.example',
    '/a/../..//evil.example',
    '/%2e/%2e//evil.example',
  ])('%j', (value) => {
    expect(resolveCallback(value, origin)).toBeNull();
    expect(afterSignInPath(value, origin)).toBe('/dashboard');
  });

  it.each([undefined, null, '', 42, {}, []])('and so is a missing or odd value: %j', (value) => {
    expect(afterSignInPath(value, origin)).toBe('/dashboard');
  });

  it('and so is one too long to be a real address (5,000 characters)', () => {
    expect(afterSignInPath(`/${'x'.repeat(5000)}`, origin)).toBe('/dashboard');
  });
});

describe('after signing in, a callback never leads back to signing in', () => {
  it.each([
    '/sign-in',
    '/sign-in/',
    '/sign-in?callbackUrl=%2Fsign-in',
    '/sign-up',
    '/%73ign-in',
    'https://jejak.example/sign-in?callbackUrl=/personas',
    '/api/auth/signin',
    '/api/auth/signout',
  ])('%j', (value) => {
    expect(afterSignInPath(value, origin)).toBe('/dashboard');
  });

  it('but other redirects (next-auth sending a signed-out browser to /sign-in) may name those pages', () => {
    expect(resolveCallback('/sign-in', origin)).toBe('/sign-in');
    expect(resolveCallback('https://jejak.example/sign-in', origin)).toBe('/sign-in');
  });
});

describe('whatever comes in, what goes out', () => {
  const nasty = [
    '/\t/evil.example',
    '/\t\\evil.example',
    '/.//evil.example',
    '/x\r\nSet-Cookie: a=b',
    '/%0d%0aSet-Cookie:%20a=b',
    '/ü/päth?q=ä b#h ä',
    '/x\u0000y',
    '/\u2028/evil.example',
    '/\uff0fevil.example',
    'https://jejak.example//evil.example',
    '/?//evil.example',
    '/#//evil.example',
  ];

  it.each(nasty)('%j: is a plain path on this site, safe in a Location header', (value) => {
    const path = afterSignInPath(value, origin);
    // One leading slash, then only printable ASCII: no CR/LF, no spaces, no backslash.
    expect(path).toMatch(/^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/);
    expect(browserLandsOn(path).origin).toBe(origin);
  });

  it('resolving twice gives the same path', () => {
    for (const value of nasty) {
      const once = afterSignInPath(value, origin);
      expect(afterSignInPath(once, origin), JSON.stringify(value)).toBe(once);
    }
  });

  it('works with an origin given with a path or trailing slash (NEXTAUTH_URL)', () => {
    expect(afterSignInPath('https://jejak.example/journeys', 'https://jejak.example/')).toBe('/journeys');
    expect(afterSignInPath('/\t/evil.example', 'https://jejak.example/app/')).toBe('/dashboard');
  });
});
