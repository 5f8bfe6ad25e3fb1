/**
 * The public testimonial page (/t/<slug>) and its embed (/t/<slug>/embed) as plain server HTML,
 * like the review page (./render.ts, ./serve.ts): no framework runtime, no script at all, inline
 * CSS allowed by its hash, no cookies, Referrer-Policy no-referrer. Every text comes from
 * locales/<lang>/testimonials.json; everything the owner or a customer wrote is escaped.
 *
 * GET /t/<slug>         the slug's business from the routing table (a miss counts against the
 *                       address: `guardedLookup`), then ONE transaction in that business: its
 *                       featured reviews and the honesty figures. Unknown slug 404; a failure on our
 *                       side 503 with Retry-After, never a bare 500. Language: ?lang=, then the
 *                       business's default, then the browser's (`pickLocale`).
 * GET /t/<slug>/embed   the same, compact, for an <iframe> on the owner's own website: its policy
 *                       allows any site to frame it (`frame-ancestors *`); its links open the full
 *                       page in a new tab.
 *
 * A business suspended by a platform admin: both answer 503 with Retry-After, "temporarily unavailable".
 */
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { env } from '@/lib/core/env';
import { ipFromForwardedFor } from '@/lib/core/request';
import { inTenant } from '@/lib/core/tenancy';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { i18nFor } from '@/lib/i18n/instance';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { locales, type Locale } from '@/lib/shared/locales';
import { TESTIMONIAL_EMBED_LIMIT, TESTIMONIAL_PAGE_LIMIT } from '../testimonial-model';
import { loadTestimonialPage, routeTestimonialSlug, type TestimonialPageData } from '../testimonials';
import { pickLocale } from './locale';
import { escapeHtml } from './render';

/** Mobile first (390 px, no sideways scrolling), 48 px targets, visible focus, WCAG AA contrast. */
export const testimonialPageCss = [
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e293b;background:#f8fafc;overflow-wrap:anywhere}',
  'main{max-width:40rem;margin:0 auto;padding:.75rem 1rem 2rem}',
  '.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem}',
  '.biz{margin:0;font-weight:700;color:#047857}',
  '.lang{display:flex;gap:.25rem}',
  '.lang a{display:inline-flex;align-items:center;min-height:3rem;min-width:3rem;padding:0 .5rem;color:#1d4ed8}',
  '.lang a[aria-current]{color:#1e293b;font-weight:700;text-decoration:none}',
  'h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}',
  'p{margin:.5rem 0}',
  '.hint{color:#475569;font-size:.9375rem}',
  '.honest{margin:.75rem 0;padding:.75rem 1rem;border-left:4px solid #047857;background:#ecfdf5;font-weight:600}',
  '.tl{list-style:none;margin:1rem 0 0;padding:0;display:grid;gap:.75rem}',
  '.tl li{padding:.75rem 1rem;border:1px solid #cbd5e1;border-radius:.5rem;background:#fff}',
  'figure,blockquote{margin:0}',
  'blockquote p{margin:.25rem 0;white-space:pre-line}',
  'figcaption{color:#475569;font-size:.9375rem}',
  '.st{color:#b45309;font-size:1.25rem;letter-spacing:.1em;line-height:1}',
  '.st .off{color:#94a3b8}',
  '.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  '.empty{padding:1rem;border:1px dashed #94a3b8;border-radius:.5rem;background:#fff}',
  '.more{display:inline-flex;align-items:center;min-height:3rem;color:#1d4ed8;font-weight:600}',
  ':focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
  'footer{margin-top:2rem;color:#475569;font-size:.875rem}',
  '.embed main{padding:.5rem .75rem 1rem}',
  '.embed h1{font-size:1.25rem}',
  '.embed footer{margin-top:1rem}',
].join('');

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const cssHash = sha256(testimonialPageCss);
const https = env.NEXTAUTH_URL?.startsWith('https://') ?? false;

/**
 * The page's own policy (proxy.ts leaves /t/ to it): its inline style and nothing else, no script,
 * no forms. The full page may not be framed; the embed is a read-only widget (no form, no script,
 * no cookie, nothing a click on a framed page could trigger), so any site may frame it.
 */
export function testimonialPageCsp(opts: { https: boolean; embed: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${cssHash}`,
    'img-src data:',
    "form-action 'none'",
    `frame-ancestors ${opts.embed ? '*' : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

type T = (key: string, opts?: Record<string, unknown>) => string;

function translator(locale: Locale): T {
  return i18nFor(locale).getFixedT(locale, 'testimonials') as unknown as T;
}

function languageSwitch(t: T, locale: Locale): string {
  const links = locales
    .map((l) => `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ''}>${escapeHtml(t(`testimonials:language.${l}`))}</a>`)
    .join('');
  return `<nav class="lang" aria-label="${escapeHtml(t('testimonials:language.label'))}">${links}</nav>`;
}

function documentHtml(opts: { locale: Locale; t: T; title: string; business: string | null; body: string; embed: boolean }): string {
  const { locale, t } = opts;
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light"><meta name="theme-color" content="#047857">' +
    `<link rel="icon" href="data:,"><title>${escapeHtml(opts.title)}</title><style>${testimonialPageCss}</style></head>` +
    `<body${opts.embed ? ' class="embed"' : ''}><main><div class="top">${opts.business === null ? '<span></span>' : `<p class="biz">${escapeHtml(opts.business)}</p>`}${languageSwitch(t, locale)}</div>` +
    `${opts.body}<footer><p>${escapeHtml(t('testimonials:page.footer'))}</p></footer></main></body></html>`
  );
}

/** "Menampilkan 12 dari 40 ulasan; rata-rata semua ulasan 4,3 dari 5." — what testimonial walls hide. */
export function honestyLine(locale: Locale, shown: number, total: number, average: number | null): string {
  const t = translator(locale);
  if (total === 0 || average === null) return t('testimonials:page.honesty_none');
  const avg = formatNumber(average, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const params = { shown: formatNumber(shown, locale), total: formatNumber(total, locale), average: avg };
  return total === 1 ? t('testimonials:page.honesty_single', params) : t('testimonials:page.honesty', params);
}

/** The page (or the embed): heading, honesty line, the featured reviews newest first, or a friendly empty state. */
export function renderTestimonialPage(locale: Locale, slug: string, data: TestimonialPageData, opts: { embed: boolean }): string {
  const t = translator(locale);
  const business = data.businessName;
  const shown = data.testimonials;
  const full = `/t/${encodeURIComponent(slug)}?lang=${locale}`;
  // In the embed, links leave the owner's site for the full page, in a new tab.
  const out = opts.embed ? ' target="_blank" rel="noopener"' : '';
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(t('testimonials:page.heading', { business }))}</h1>`);
  parts.push(`<p class="honest" id="honesty">${escapeHtml(honestyLine(locale, shown.length, data.totalReviews, data.averageStars))}</p>`);
  if (!opts.embed) parts.push(`<p class="hint">${escapeHtml(t('testimonials:page.intro', { business }))}</p>`);
  if (shown.length === 0) {
    parts.push(`<p class="empty">${escapeHtml(t('testimonials:page.empty', { business }))}</p>`);
  } else {
    const items = shown
      .map((r) => {
        const stars = `<p class="st"><span aria-hidden="true">${'★'.repeat(r.stars)}<span class="off">${'★'.repeat(5 - r.stars)}</span></span><span class="sr">${escapeHtml(t('testimonials:page.stars', { n: r.stars }))}</span></p>`;
        const comment = r.comment.trim() ? `<blockquote><p>${escapeHtml(r.comment.trim())}</p></blockquote>` : '';
        const who = r.name ?? t('testimonials:page.anonymous');
        const caption = [who, r.stageName, formatDate(r.createdAt, locale, data.timeZone)].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
        return `<li><figure>${stars}${comment}<figcaption>${caption}</figcaption></figure></li>`;
      })
      .join('');
    parts.push(`<ul class="tl" aria-label="${escapeHtml(t('testimonials:page.list_label'))}">${items}</ul>`);
  }
  if (opts.embed) parts.push(`<p><a class="more" href="${escapeHtml(full)}"${out}>${escapeHtml(t('testimonials:page.see_all', { business }))}</a></p>`);
  return documentHtml({ locale, t, title: t('testimonials:page.title', { business }), business, body: parts.join(''), embed: opts.embed });
}

export type TestimonialNotice = 'not_found' | 'unavailable' | 'suspended';

/** A short page: no such testimonial page (404), a failure on our side (503), a business suspended by a platform admin (503). */
export function renderTestimonialNotice(locale: Locale, kind: TestimonialNotice, opts: { embed: boolean }): string {
  const t = translator(locale);
  const title = t(`testimonials:${kind}.title`);
  return documentHtml({ locale, t, title, business: null, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(`testimonials:${kind}.body`))}</p>`, embed: opts.embed });
}

function page(status: number, body: string, opts: { embed: boolean; headers?: Record<string, string> }): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // Featuring or unfeaturing shows at once; no shared cache keeps a review the owner took down.
      'Cache-Control': 'no-store',
      'Content-Security-Policy': testimonialPageCsp({ https, embed: opts.embed }),
      'Referrer-Policy': 'no-referrer',
      ...opts.headers,
    },
  });
}

function requestLocale(req: Request, businessDefault: Locale | null = null): Locale {
  return pickLocale(new URL(req.url).searchParams.get('lang'), req.headers.get('accept-language'), businessDefault).locale;
}

/** GET /t/<slug> and GET /t/<slug>/embed. */
export async function getTestimonialPage(req: Request, rawSlug: string, opts: { embed: boolean }): Promise<Response> {
  let locale = requestLocale(req);
  try {
    const found = await guardedLookup(ipFromForwardedFor(req.headers.get('x-forwarded-for')), () => routeTestimonialSlug(rawSlug));
    if (!found) return page(404, renderTestimonialNotice(locale, 'not_found', opts), opts);
    const data = await inTenant({ tenantId: found.tenantId, userId: '' }, (db) =>
      loadTestimonialPage(db, { limit: opts.embed ? TESTIMONIAL_EMBED_LIMIT : TESTIMONIAL_PAGE_LIMIT }),
    );
    if (!data) return page(404, renderTestimonialNotice(locale, 'not_found', opts), opts);
    locale = requestLocale(req, data.defaultLocale);
    // Suspended by a platform admin: "temporarily unavailable", for as long as the suspension lasts.
    if (data.suspended) return page(503, renderTestimonialNotice(locale, 'suspended', opts), { ...opts, headers: { 'Retry-After': '3600' } });
    return page(200, renderTestimonialPage(locale, found.slug, data, opts), opts);
  } catch (err) {
    console.error(`[testimonial page ${randomUUID().slice(0, 8)}]`, err);
    return page(503, renderTestimonialNotice(locale, 'unavailable', opts), { ...opts, headers: { 'Retry-After': '30' } });
  }
}
