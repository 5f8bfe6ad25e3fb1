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
import { renderNotice, renderReviewForm, renderThanks, type ReviewPageLink } from '@/lib/reviews/page/render';
import { MIN_FILL_MS, isOurToken, newFormToken, spamReason } from '@/lib/reviews/page/token';

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

  it('stays small: the whole form page well under 14 KB compressed', async () => {
    const { gzipSync } = await import('node:zlib');
    const html = renderReviewForm('id', link, { token: newFormToken() });
    expect(gzipSync(html).length).toBeLessThan(14 * 1024);
    expect(reviewPageJs.length).toBeLessThan(8 * 1024);
  });
});
