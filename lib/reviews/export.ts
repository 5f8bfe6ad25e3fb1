/**
 * The owner's CSV export of the filtered review inbox (opens in Excel and Google Sheets).
 *
 * - UTF-8 with a byte-order mark, so Excel reads the Indonesian and emoji text correctly.
 * - Quoting by csv-stringify: commas, quotes and line breaks in a comment survive the round trip.
 * - CSV injection guard: a text cell starting with =, +, -, @, tab or CR gets a leading apostrophe,
 *   so a spreadsheet shows it as text instead of running it as a formula.
 * - The customer's name and WhatsApp number only with their contact consent, never after erasure.
 */
import { stringify } from 'csv-stringify/sync';
import type { TenantDb } from '../core/tenancy';
import { formatDateTime, type TimeZone } from '../i18n/format';
import type { Locale } from '../i18n/settings';
import { listReviews, type ReviewFilter, type ReviewRow } from './inbox';

/** At most this many rows in one file (the inbox's filters narrow a bigger list). */
export const EXPORT_MAX_ROWS = 5000;
const BATCH = 1000;

/** Every review matching the filter, newest first, up to EXPORT_MAX_ROWS (keyset pages of 1000). */
export async function reviewsForExport(
  db: TenantDb,
  filter: Omit<ReviewFilter, 'limit' | 'before'>,
  { max = EXPORT_MAX_ROWS, batch = BATCH }: { max?: number; batch?: number } = {},
): Promise<ReviewRow[]> {
  const out: ReviewRow[] = [];
  let before: ReviewFilter['before'];
  while (out.length < max) {
    const limit = Math.min(batch, max - out.length);
    const page = await listReviews(db, { ...filter, before, limit });
    out.push(...page);
    if (page.length < limit) break;
    const last = page[page.length - 1]!;
    before = { createdAt: last.createdAt, id: last.id };
  }
  return out;
}

const BOM = '\uFEFF';

/** A text cell a spreadsheet would take as a formula gets a leading apostrophe. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

type T = (key: string, opts?: Record<string, unknown>) => string;

const columns = ['received', 'journey', 'stage', 'link', 'touchpoint', 'stars', 'nps', 'comment', 'customer_name', 'customer_whatsapp', 'testimonial', 'featured', 'status', 'note'] as const;

/** The CSV text (with its BOM) of these rows; headers and yes/no in the user's language. */
export function buildReviewsCsv(rows: readonly ReviewRow[], opts: { t: T; locale: Locale; timeZone: TimeZone }): string {
  const { t, locale, timeZone } = opts;
  const yes = t('reviews:export.yes');
  const no = t('reviews:export.no');
  const header = columns.map((c) => t(`reviews:export.columns.${c}`));
  const body = rows.map((r) => {
    const contact = r.contactConsent && !r.erasedAt;
    const cells: (string | number)[] = [
      formatDateTime(r.createdAt, locale, timeZone),
      r.journeyName,
      r.stageName ?? t('reviews:links.stage_removed'),
      r.linkTitle,
      r.touchpoint,
      r.stars,
      r.nps ?? '',
      r.comment,
      contact ? (r.customerName ?? '') : '',
      contact && r.customerWhatsapp ? `+${r.customerWhatsapp}` : '',
      r.testimonialConsent ? yes : no,
      r.featured ? yes : no,
      t(`reviews:review.status_${r.status}`),
      r.note,
    ];
    return cells.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c));
  });
  return BOM + stringify([header.map(neutraliseFormula), ...body], { record_delimiter: 'windows' });
}

/** "ulasan-2026-11-29.csv": today's date in the business's time zone. */
export function exportFileName(now: Date, timeZone: TimeZone): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `ulasan-${day}.csv`;
}
