/**
 * Bad bytes get a clear answer, never a 500 (issue 7, item 4): text no database column can hold
 * (NUL, other control characters, lone surrogates), a body over the size limit, and a path whose
 * percent-encoding does not decode.
 */
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config.js';
import { isSafeText, unsafeTextPaths } from '@/lib/core/bad-bytes';
import { BODY_LIMIT_BYTES, BODY_LIMIT_LABEL, formDataBytes } from '@/lib/core/body-limit';
import { parseJourneyFile } from '@/lib/journeys/exchange';
import { JOURNEY_FORMAT } from '@/lib/journeys/model';
import { guardRequest, isMalformedPath } from '@/lib/http/request-guards';

describe('isSafeText', () => {
  it('accepts ordinary text, including tabs, line breaks, emoji and Indonesian', () => {
    for (const s of ['', 'Pak Budi', 'baris 1\nbaris 2\r\nbaris 3\tkolom', 'Kopi ☕ 🚗', 'Café “Senja”', '\u00a0\u200b']) expect(isSafeText(s), JSON.stringify(s)).toBe(true);
  });

  it('refuses NUL and the other control characters, DEL, and lone surrogates', () => {
    for (const s of ['Pak\u0000Budi', '\u0000', 'a\u0001', 'bell\u0007', 'vt\u000b', 'ff\u000c', 'esc\u001b[31m', 'del\u007f', 'half \ud83d', '\udc00 half']) {
      expect(isSafeText(s), JSON.stringify(s)).toBe(false);
    }
  });
});

describe('unsafeTextPaths', () => {
  it('walks objects and arrays deeply and names where each bad string is', () => {
    const value = {
      name: 'ok',
      journeyId: '0b5e1c00-0000-4000-8000-000000000201',
      map: { revision: 3, stages: [{ name: 'Datang', lanes: { actions: ['baik', 'Telepon\u0000'] } }, { name: 'Bayar\u0001' }] },
    };
    expect(unsafeTextPaths(value)).toEqual([
      ['map', 'stages', 0, 'lanes', 'actions', 1],
      ['map', 'stages', 1, 'name'],
    ]);
  });

  it('checks object keys too, and leaves files, numbers and nulls alone', () => {
    const file = new File([new Uint8Array([0, 0, 0])], 'foto\u0000.jpg', { type: 'image/jpeg' });
    expect(unsafeTextPaths({ photo: file, n: 0, x: null, b: true })).toEqual([]);
    expect(unsafeTextPaths({ ['k\u0000']: 'v' })).toEqual([['k\u0000']]);
  });

  it('stops after a handful of findings (a hostile file may hold thousands)', () => {
    expect(unsafeTextPaths(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('parseJourneyFile', () => {
  const valid = { format: JOURNEY_FORMAT, version: 1, name: 'Servis mobil', stages: [{ name: 'Kesadaran', key: 'awareness' }] };

  it('names where a NUL (escaped as \\u0000 in the JSON) sits, instead of passing it to the database', () => {
    const text = JSON.stringify({ ...valid, stages: [{ name: 'Kesadaran' }, { name: 'Pem\u0000belian', lanes: { actions: ['ok', 'ta\u0000nya'] } }] });
    expect(text).toContain('\\u0000');
    expect(parseJourneyFile(text)).toEqual({
      ok: false,
      problems: [
        { path: 'stages.1.name', key: 'validation.unsafe_text' },
        { path: 'stages.1.lanes.actions.1', key: 'validation.unsafe_text' },
      ],
    });
  });

  it('refuses a lone surrogate (jsonb refuses it) and a control character in the persona', () => {
    const text = JSON.stringify({ ...valid, name: 'Servis \ud83d', persona: { name: 'Pak\u001bBudi' } });
    expect(parseJourneyFile(text)).toMatchObject({ ok: false, problems: [{ path: 'name' }, { path: 'persona.name' }] });
  });

  it('otherwise answers as the format check does', () => {
    expect(parseJourneyFile(JSON.stringify(valid))).toMatchObject({ ok: true, doc: { name: 'Servis mobil' } });
    expect(parseJourneyFile('{')).toEqual({ ok: false, problems: [{ path: '', key: 'validation.import_json' }] });
  });
});

describe('the body size limit', () => {
  it('is 1 MB, the same number in next.config.js and in the messages', () => {
    expect(BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(BODY_LIMIT_LABEL).toBe('1 MB');
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe('1mb');
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe('1mb');
  });

  it('estimates what a form will weigh on the wire: text as UTF-8, files by their size', () => {
    const fd = new FormData();
    fd.set('name', 'Kopi ☕');
    fd.set('photo', new File([new Uint8Array(300 * 1024)], 'foto.jpg', { type: 'image/jpeg' }));
    const bytes = formDataBytes(fd);
    expect(bytes).toBeGreaterThanOrEqual(300 * 1024 + 'Kopi ☕'.length + 2);
    expect(bytes).toBeLessThan(300 * 1024 + 1024);
    fd.set('photo', new File([new Uint8Array(BODY_LIMIT_BYTES)], 'besar.jpg'));
    expect(formDataBytes(fd)).toBeGreaterThan(BODY_LIMIT_BYTES);
  });
});

describe('guardRequest (called first by proxy.ts)', () => {
  const post = (path: string, bytes: number, headers: Record<string, string> = {}) =>
    new NextRequest(`http://127.0.0.1:3000${path}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----x', 'content-length': String(bytes), ...headers },
    });

  it('finds segments whose percent-encoding does not decode, or decodes to a control character', () => {
    for (const p of ['/personas/%ff', '/share/%ff/%fe', '/api/journeys/%ff/export', '/personas/%', '/personas/%zz', '/journeys/%E0%A4%A', '/personas/%00', '/share/a%0Ab/c']) {
      expect(isMalformedPath(p), p).toBe(true);
    }
    for (const p of ['/', '/personas', '/personas/0b5e1c00-0000-4000-8000-000000000101', '/caf%C3%A9', '/a%20b', '/share/x/DemoBengkelMajuJaya-PetaServis01']) {
      expect(isMalformedPath(p), p).toBe(false);
    }
  });

  it('answers a page with such a path with a not-found page (404) in the visitor’s language, and an API route with a JSON 404', async () => {
    const page = guardRequest(new NextRequest('http://127.0.0.1:3000/share/%ff/%fe'));
    expect(page?.status).toBe(404);
    expect(page?.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page!.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<h1 style="font-size: 1.5rem">Halaman tidak ditemukan</h1>');
    const en = await guardRequest(new NextRequest('http://127.0.0.1:3000/personas/%ff', { headers: { cookie: 'jejak_locale=en' } }))!.text();
    expect(en).toContain('Page not found');
    const api = guardRequest(new NextRequest('http://127.0.0.1:3000/api/journeys/%ff/export'));
    expect(api?.status).toBe(404);
    expect(await api?.json()).toEqual({ error: 'not_found' });
  });

  it('lets ordinary requests through untouched', () => {
    expect(guardRequest(new NextRequest('http://127.0.0.1:3000/personas/0b5e1c00-0000-4000-8000-000000000101?archived=%00'))).toBeUndefined();
    expect(guardRequest(post('/personas/new', 250 * 1024))).toBeUndefined();
    expect(guardRequest(post('/personas/new', BODY_LIMIT_BYTES))).toBeUndefined();
  });

  it('answers a form post over the limit with a 413 page in the visitor’s language that states the limit', async () => {
    const id = guardRequest(post('/personas/new', 20 * 1024 * 1024, { referer: 'http://127.0.0.1:3000/personas/new' }));
    expect(id?.status).toBe(413);
    expect(id?.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await id!.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('1 MB');
    expect(html).toContain('href="/personas/new"');
    const en = await guardRequest(post('/personas/new', 20 * 1024 * 1024, { cookie: 'jejak_locale=en' }))!.text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('larger than 1 MB');
  });

  it('links back only to a page of this site', async () => {
    const html = await guardRequest(post('/personas/new', 2 * BODY_LIMIT_BYTES, { referer: 'https://evil.example/phish' }))!.text();
    expect(html).not.toContain('evil.example');
  });

  it('answers a server action sent by fetch (JavaScript) and an API call with a 413 too, never letting Next answer 500', async () => {
    const action = guardRequest(post('/personas/new', 2 * BODY_LIMIT_BYTES, { 'next-action': '7f00aa' }));
    expect(action?.status).toBe(413);
    expect(action?.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await action!.text()).toContain('1 MB');
    const api = guardRequest(post('/api/auth/callback/credentials', 2 * BODY_LIMIT_BYTES));
    expect(api?.status).toBe(413);
    expect(await api!.json()).toEqual({ error: 'too_large', limit: BODY_LIMIT_BYTES });
  });
});

describe('the messages', () => {
  it('exist in both languages and state the limit', async () => {
    for (const locale of ['id', 'en'] as const) {
      const common = (await import(`@/locales/${locale}/common.json`)) as { default: { validation: Record<string, string> } };
      expect(common.default.validation.unsafe_text).toBeTruthy();
      expect(common.default.validation.form_too_large).toContain('{{limit}}');
    }
  });
});
