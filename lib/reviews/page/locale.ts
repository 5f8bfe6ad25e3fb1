/**
 * A public page's language (the review page, the testimonial page): `?lang=id|en` (the page's own
 * switch), else the business's default language when it chose one, else the browser's
 * Accept-Language (the first of id or en it prefers), else Indonesian. No cookie: the pages set
 * none, and the switch keeps `?lang=` in every link and form they render.
 */
import type { Locale } from '@/lib/shared/locales';

export function pickLocale(
  lang: string | null | undefined,
  acceptLanguage: string | null | undefined,
  businessDefault: Locale | null = null,
): { locale: Locale; explicit: boolean } {
  if (lang === 'id' || lang === 'en') return { locale: lang, explicit: true };
  return { locale: businessDefault ?? fromAcceptLanguage(acceptLanguage) ?? 'id', explicit: false };
}

/** The first of Indonesian or English in the header's order of preference (q), or null. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { primary } of ranked) {
    // `in` is Indonesian's old ISO 639 code, still sent by some Android browsers.
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return null;
}
