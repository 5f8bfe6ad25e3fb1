/**
 * The public review page's pure parts: language choice, the strict form-body reader, the signed
 * render time and spam reasons, the HTML (escaping, kept values, messages, accessibility hooks)
 * and the CSP that allows exactly its inline style and script.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reviewPageCsp, reviewPageCss, reviewPageJs } from '@/lib/reviews/page/assets';
import { parseUrlEncoded } from '@/lib/reviews/page/form-body';
import { fromAcceptLanguage, pickLocale } from '@/lib/reviews/page/locale';
import { COUNTER_RESET_SECONDS, renderNotice, renderReviewForm, renderThanks, type ReviewPageLink } from '@/lib/reviews/page/render';
import { MIN_FILL_MS, counterKey, isCounterKey, isOurToken, newFormToken, spamReason } from '@/lib/reviews/page/token';

const link: ReviewPageLink = {
  slug: 'demo-bengkel',
  title: 'Bagaimana servis <hari> ini?',
  thankYou: 'Matur nuwun & sampai jumpa',
  askNps: true,
  askComment: true,
  askContact: true,
  askTestimonial: true,
  googleMapsUrl: 'https://maps.app.goo.gl/abc',
  businessName: 'Bengkel "Maju" Jaya',
};

const bytes = (s: string) => new TextEncoder().encode(s);
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('review page language', () => {
  it('takes ?lang first, then Accept-Language (by q), then Indonesian', () => {
    expect(pickLocale('en', 'id')).toEqual({ locale: 'en', explicit: true });
    expect(pickLocale('fr', 'en-US,en;q=0.9')).toEqual({ locale: 'en', explicit: false });
    expect(pickLocale(null, null)).toEqual({ locale: 'id', explicit: false });
    // The business's chosen language comes before the browser's; the page's own switch before both.
    expect(pickLocale(null, 'en-US,en;q=0.9', 'id')).toEqual({ locale: 'id', explicit: false });
    expect(pickLocale(null, 'id-ID', 'en')).toEqual({ locale: 'en', explicit: false });
    expect(pickLocale('id', 'en', 'en')).toEqual({ locale: 'id', explicit: true });
    expect(pickLocale(null, 'en', null)).toEqual({ locale: 'en', explicit: false });
    expect(fromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.5,id;q=0.8')).toBe('id');
    expect(fromAcceptLanguage('in-ID')).toBe('id');
    expect(fromAcceptLanguage('de,fr')).toBeNull();
    expect(fromAcceptLanguage('en;q=0,id;q=0.1')).toBe('id');
  });
});

describe('review form body', () => {
  it('decodes + and percent escapes, keeps the first value of a name', () => {
    expect(parseUrlEncoded(bytes('comment=Mantap+bgt%21%20%F0%9F%91%8D&stars=5&stars=1&x=%zz'))).toEqual({
      values: expect.objectContaining({ comment: 'Mantap bgt! 👍', stars: '5', x: '%zz' }) as unknown,
      badEncoding: false,
    });
  });

  it('reports bytes that are not UTF-8 instead of replacing them silently', () => {
    const parsed = parseUrlEncoded(bytes('comment=ok%C3%28&stars=4'));
    expect(parsed.badEncoding).toBe(true);
    expect(parsed.values.comment).toBe('ok\uFFFD(');
    expect(parseUrlEncoded(new Uint8Array([0x61, 0x3d, 0xff])).badEncoding).toBe(true);
    // A NUL is valid UTF-8: it reaches the schema, which refuses it with a message.
    expect(parseUrlEncoded(bytes('comment=a%00b'))).toMatchObject({ values: { comment: 'a\u0000b' }, badEncoding: false });
  });

  it('is not fooled by __proto__', () => {
    const parsed = parseUrlEncoded(bytes('__proto__=x&stars=3'));
    expect(parsed.values.stars).toBe('3');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('review form token', () => {
  it('signs the key and render time; another key, time or signature is not ours', () => {
    const tok = newFormToken(1_000_000);
    expect(isOurToken(tok.key, tok.renderedAt, tok.sig)).toBe(true);
    expect(isOurToken(tok.key, '1000001', tok.sig)).toBe(false);
    expect(isOurToken(newFormToken().key, tok.renderedAt, tok.sig)).toBe(false);
    expect(isOurToken(tok.key, tok.renderedAt, tok.sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
  });

  it('names the spam reason: honeypot, a token not ours, too fast; none for a person', () => {
    const now = 5_000_000;
    const tok = newFormToken(now - MIN_FILL_MS - 1);
    const ok = { key: tok.key, t: tok.renderedAt, sig: tok.sig, website: '' };
    expect(spamReason(ok, now)).toBeNull();
    expect(spamReason({ ...ok, website: 'http://spam' }, now)).toBe('honeypot');
    expect(spamReason({ ...ok, sig: undefined }, now)).toBe('bad_token');
    expect(spamReason({ website: '' }, now)).toBe('bad_token');
    const quick = newFormToken(now - 500);
    expect(spamReason({ key: quick.key, t: quick.renderedAt, sig: quick.sig }, now)).toBe('too_fast');
  });
});

describe('review page HTML', () => {
  const token = { key: '6f1c1c3a-9d55-4a55-8a8a-0a0a0a0a0a0a', renderedAt: '1700000000000', sig: 'x'.repeat(43) };

  it('renders a form that works without script: radio groups in fieldsets, labels, hidden key, honeypot', () => {
    const html = renderReviewForm('id', link, { token });
    expect(html).toMatch(/^<!doctype html><html lang="id">/);
    expect(html).toContain('<form id="rf" method="post" action="/r/demo-bengkel?lang=id" novalidate');
    expect(html.match(/type="radio" name="stars"/g)).toHaveLength(5);
    expect(html.match(/type="radio" name="nps"/g)).toHaveLength(11);
    expect(html).toContain('<legend>Berapa bintang untuk pengalaman Anda?</legend>');
    expect(html).toContain(`name="key" value="${token.key}"`);
    expect(html).toContain('<div class="hp" aria-hidden="true">');
    expect(html).toContain('tabindex="-1"');
    // Owner's and business's words are escaped.
    expect(html).toContain('Bagaimana servis &#60;hari&#62; ini?');
    expect(html).toContain('Bengkel &#34;Maju&#34; Jaya');
    expect(html).not.toContain('<hari>');
    // The switch and every text in the chosen language.
    expect(html).toContain('<a href="?lang=en" hreflang="en" lang="en">English</a>');
    expect(renderReviewForm('en', link, { token })).toContain('<legend>How many stars for your experience?</legend>');
  });

  it('asks only what the link asks', () => {
    const html = renderReviewForm('id', { ...link, askNps: false, askComment: false, askContact: false, askTestimonial: false }, { token });
    for (const name of ['nps', 'comment', 'name', 'whatsapp', 'contactConsent', 'testimonialConsent']) expect(html).not.toContain(`name="${name}"`);
    expect(html.match(/type="radio" name="stars"/g)).toHaveLength(5);
  });

  it('keeps every typed value and shows each message by its field', () => {
    const values = { stars: '4', nps: '9', comment: 'Antri lama </textarea><script>x</script>', name: 'Sari', whatsapp: '0812', contactConsent: '', testimonialConsent: 'on' };
    const html = renderReviewForm('id', link, { token, values, fieldErrors: { whatsapp: 'Nomor salah', contactConsent: 'Centang' } });
    expect(html).toContain('id="f-stars-4" value="4" checked');
    expect(html).toContain('id="f-nps-9" value="9" checked');
    expect(html).toContain('Antri lama &#60;/textarea&#62;&#60;script&#62;x&#60;/script&#62;</textarea>');
    expect(html).toContain('value="Sari"');
    expect(html).toContain('name="testimonialConsent" checked');
    expect(html).not.toContain('name="contactConsent" checked');
    expect(html).toContain('<p class="err" id="e-whatsapp">Nomor salah</p>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<li><a href="#f-whatsapp">Nomor salah</a></li>');
    expect(html).toContain('<li><a href="#f-contactConsent">Centang</a></li>');
  });

  it('thank-you: the owner\'s text, WhatsApp share and the Google Maps link for everyone; no script', () => {
    const html = renderThanks('id', link);
    expect(html).toContain('<p>Matur nuwun &#38; sampai jumpa</p>');
    expect(html).toContain('href="https://wa.me/?text=');
    expect(html).toContain('Kirim lewat WhatsApp');
    expect(html).toContain('href="https://maps.app.goo.gl/abc"');
    expect(html).not.toContain('<script');
    const plain = renderThanks('en', { ...link, thankYou: '', googleMapsUrl: 'javascript:alert(1)' });
    expect(plain).toContain('We have received your review.');
    expect(plain).not.toContain('javascript:');
  });

  it('notices: not found, closed, unavailable', () => {
    expect(renderNotice('id', 'not_found')).toContain('<h1>Tautan ulasan tidak ditemukan</h1>');
    expect(renderNotice('en', 'closed', 'Kopi')).toContain('Kopi no longer takes reviews');
  });
});

describe('review page in counter (kiosk) mode', () => {
  const token = { key: '6f1c1c3a-9d55-4a55-8a8a-0a0a0a0a0a0a', renderedAt: '1700000000000', sig: 'x'.repeat(43) };
  const spares = [newFormToken(1_700_000_000_000), newFormToken(1_700_000_000_000)];

  it('posts and switches language in counter mode, offers no autofill, and carries spare signed tokens', () => {
    const html = renderReviewForm('id', link, { token, counter: { spares } });
    expect(html).toContain('<form id="rf" method="post" action="/r/demo-bengkel?mode=counter&#38;lang=id" novalidate accept-charset="utf-8" autocomplete="off"');
    expect(html).toContain(`data-counter="${COUNTER_RESET_SECONDS}"`);
    expect(html).toContain(`data-spare="${spares.map((s) => `${s.key}.${s.renderedAt}.${s.sig}`).join(' ')}"`);
    for (const s of spares) expect(isOurToken(s.key, s.renderedAt, s.sig)).toBe(true);
    expect(html).toContain(`name="key" value="${token.key}"`);
    expect(html).toContain('id="f-name" name="name" maxlength="80" autocomplete="off"');
    expect(html).toContain('id="f-whatsapp" name="whatsapp" maxlength="32" autocomplete="off"');
    expect(html).not.toContain('given-name');
    expect(html).not.toContain('autocomplete="tel"');
    expect(html).toContain('<a href="?mode=counter&#38;lang=en" hreflang="en" lang="en">English</a>');
    // The in-page thank-you: the owner's words, a countdown and the button; no offers on a shared tablet.
    expect(html).toContain('<div id="rt" hidden><h1 tabindex="-1">Terima kasih!</h1><p>Matur nuwun &#38; sampai jumpa</p>');
    expect(html).toContain(`Formulir untuk pelanggan berikutnya terbuka dalam <span id="rt-n">${COUNTER_RESET_SECONDS}</span> detik.`);
    expect(html).toContain('<button class="btn" type="button" id="rt-next">Pelanggan berikutnya</button>');
    expect(html).toContain('data-m-qn="{n} ulasan menunggu dikirim.');
    expect(html).not.toContain('wa.me');
    expect(html).not.toContain('maps.app.goo.gl');
    const en = renderReviewForm('en', link, { token, counter: { spares } });
    expect(en).toContain('action="/r/demo-bengkel?mode=counter&#38;lang=en"');
    expect(en).toContain('>Next customer</button>');
  });

  it('leaves the ordinary form as it was: autofill, no counter parts', () => {
    // The markup (the inline script, the same in both modes, names the counter's parts).
    const html = renderReviewForm('id', link, { token }).replace(/<script>[\s\S]*<\/script>/, '');
    expect(html).toContain('action="/r/demo-bengkel?lang=id"');
    expect(html).toContain('autocomplete="given-name"');
    for (const part of ['mode=counter', 'data-counter', 'data-spare', 'id="rt"', 'autocomplete="off" data']) expect(html).not.toContain(part);
  });

  it('thank-you without script: no offers, a refresh to a fresh form after a few seconds and a link to it now', () => {
    const html = renderThanks('id', link, { counter: true });
    expect(html).toContain(`<meta http-equiv="refresh" content="${COUNTER_RESET_SECONDS};url=/r/demo-bengkel?mode=counter&#38;lang=id">`);
    expect(html).toContain('<a class="btn" href="/r/demo-bengkel?mode=counter&#38;lang=id">Pelanggan berikutnya</a>');
    expect(html).toContain(`terbuka dalam ${COUNTER_RESET_SECONDS} detik`);
    expect(html).toContain('<p>Matur nuwun &#38; sampai jumpa</p>');
    for (const part of ['wa.me', 'maps.app.goo.gl', 'Kirim lewat WhatsApp', '<script']) expect(html).not.toContain(part);
    expect(renderThanks('en', link, { counter: true })).toContain('content="5;url=/r/demo-bengkel?mode=counter&#38;lang=en"');
    expect(renderThanks('id', link)).not.toContain('http-equiv="refresh"');
  });

  it('keeps the owner’s counter key in every address it renders (form, language switch, next customer)', () => {
    const key = counterKey('0b5e1c00-0000-4000-8000-000000000401');
    expect(isCounterKey('0b5e1c00-0000-4000-8000-000000000401', key)).toBe(true);
    expect(isCounterKey('0b5e1c00-0000-4000-8000-000000000402', key)).toBe(false);
    expect(isCounterKey('0b5e1c00-0000-4000-8000-000000000401', key.slice(0, 21) + (key.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(isCounterKey('0b5e1c00-0000-4000-8000-000000000401', null)).toBe(false);
    const form = renderReviewForm('id', link, { token: newFormToken(), counter: { spares: [], key } });
    expect(form).toContain(`action="/r/demo-bengkel?mode=counter&#38;c=${key}&#38;lang=id"`);
    expect(form).toContain(`href="?mode=counter&#38;c=${key}&#38;lang=en"`);
    expect(renderThanks('id', link, { counter: key })).toContain(`url=/r/demo-bengkel?mode=counter&#38;c=${key}&#38;lang=id"`);
  });
});

describe('review page logo', () => {
  const token = newFormToken();

  it('shows the business logo small, sized up front, named by the business, from the page’s own route', () => {
    const withLogo = { ...link, logoVersion: '1717171717171' };
    const img = '<img src="/r/demo-bengkel/logo?v=1717171717171" width="56" height="56" alt="Bengkel &#34;Maju&#34; Jaya">';
    expect(renderReviewForm('id', withLogo, { token })).toContain(`<p class="biz">${img}Bengkel &#34;Maju&#34; Jaya</p>`);
    expect(renderThanks('id', withLogo)).toContain(img);
    expect(renderThanks('id', withLogo, { counter: true })).toContain(img);
    expect(renderReviewForm('id', { ...link, logoVersion: null }, { token })).not.toContain('<img');
    expect(renderReviewForm('id', link, { token })).not.toContain('<img');
  });

  it('lets the page load images from its own origin only when it shows the logo', () => {
    expect(reviewPageCsp({ https: false, script: true, logo: true })).toContain("img-src 'self' data:");
    expect(reviewPageCsp({ https: false, script: true })).toContain('img-src data:;');
    expect(reviewPageCsp({ https: false, script: true })).not.toContain("'self' data:");
  });
});

describe('review page policy and weight', () => {
  it('allows exactly the inline style and script by hash, and nothing else', () => {
    const csp = reviewPageCsp({ https: false, script: true });
    expect(csp).toContain(`script-src ${sha(reviewPageJs)}`);
    expect(csp).toContain(`style-src ${sha(reviewPageCss)}`);
    for (const d of ["default-src 'none'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "connect-src 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe');
    expect(reviewPageCsp({ https: false, script: false })).toContain("script-src 'none'");
    expect(reviewPageCsp({ https: true, script: false })).toContain('upgrade-insecure-requests');
    const html = renderReviewForm('id', link, { token: newFormToken() });
    expect(html).toContain(`<style>${reviewPageCss}</style>`);
    expect(html).toContain(`<script>${reviewPageJs}</script>`);
  });

  it('stays small: the whole form page well under 14 KB compressed, in counter mode too', async () => {
    const { gzipSync } = await import('node:zlib');
    const html = renderReviewForm('id', link, { token: newFormToken() });
    expect(gzipSync(html).length).toBeLessThan(14 * 1024);
    const spares = Array.from({ length: 10 }, () => newFormToken());
    expect(gzipSync(renderReviewForm('id', { ...link, logoVersion: '1' }, { token: newFormToken(), counter: { spares } })).length).toBeLessThan(14 * 1024);
    // The script as this process compiled it (unminified here): a few KB on the wire.
    expect(gzipSync(reviewPageJs).length).toBeLessThan(4 * 1024);
  });
});
