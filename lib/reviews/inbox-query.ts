/**
 * The inbox's address ⇄ its filter: what the GET form sent, read leniently (anything malformed is
 * simply not applied, never an error page), and the "older" cursor of keyset paging.
 */
import { isUuid } from '@/lib/core/ids';
import { themePattern } from '@/lib/dashboard/themes';
import type { ReviewFilter } from './inbox';
import { endOfDayIn } from './model';

/** The inbox's filters as the URL carries them (the inbox page, its GET form, the CSV export). */
export interface InboxQuery {
  journey?: string;
  stage?: string;
  link?: string;
  stars?: number;
  nps?: 'promoter' | 'passive' | 'detractor';
  status: 'inbox' | 'new' | 'spam';
  comment: boolean;
  q?: string;
  /** From the dashboard's comment themes: 4–5★ or 1–2★ reviews whose comment has the theme. */
  sentiment?: 'positive' | 'negative';
  theme?: string;
  from?: string;
  to?: string;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (typeof v === 'string' ? v.trim() : '');
const calendarDay = (v: string): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
};

export function readInboxQuery(params: Params): InboxQuery {
  const id = (k: string) => (isUuid(one(params[k])) ? one(params[k]) : undefined);
  const stars = Number(one(params.stars));
  const nps = one(params.nps);
  const status = one(params.status);
  const q = one(params.q).slice(0, 100);
  const sentiment = one(params.sentiment);
  const theme = one(params.theme).slice(0, 100);
  return {
    journey: id('journey'),
    stage: id('stage'),
    link: id('link'),
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : undefined,
    nps: nps === 'promoter' || nps === 'passive' || nps === 'detractor' ? nps : undefined,
    status: status === 'new' || status === 'spam' ? status : 'inbox',
    comment: one(params.comment) === '1',
    q: q || undefined,
    sentiment: sentiment === 'positive' || sentiment === 'negative' ? sentiment : undefined,
    theme: theme && themePattern(theme) ? theme : undefined,
    from: calendarDay(one(params.from)),
    to: calendarDay(one(params.to)),
  };
}

/** True when any filter narrows the list (the default view is the whole inbox). */
export function isFiltered(q: InboxQuery): boolean {
  return Boolean(q.journey || q.stage || q.link || q.stars || q.nps || q.status !== 'inbox' || q.comment || q.q || q.sentiment || q.theme || q.from || q.to);
}

/** The cursor of the "older" link: the last shown review's time (ms) and id. */
export function readCursor(params: Params): { createdAt: Date; id: string } | undefined {
  const m = /^(\d{1,15})_([0-9a-f-]{36})$/i.exec(one(params.before));
  if (!m || !isUuid(m[2]!)) return undefined;
  return { createdAt: new Date(Number(m[1])), id: m[2]! };
}

export function cursorOf(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}

export function toFilter(q: InboxQuery, timeZone: string, before: ReviewFilter['before'], limit: number): ReviewFilter {
  return {
    journeyId: q.journey,
    stageId: q.stage,
    linkId: q.link,
    stars: q.stars,
    npsGroup: q.nps,
    status: q.status,
    hasComment: q.comment ? true : undefined,
    q: q.q,
    sentiment: q.sentiment,
    theme: q.theme,
    // From the first millisecond of the day (the end of the day before, plus one) to the last.
    from: q.from ? new Date(endOfDayIn(q.from, timeZone).getTime() - 86_400_000 + 1) : undefined,
    to: q.to ? endOfDayIn(q.to, timeZone) : undefined,
    before,
    limit,
  };
}

/** The filter's query string (the GET form's names), without the leading "?". */
function filterParams(q: InboxQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.status !== 'inbox') p.set('status', q.status);
  if (q.q) p.set('q', q.q);
  if (q.sentiment) p.set('sentiment', q.sentiment);
  if (q.theme) p.set('theme', q.theme);
  if (q.journey) p.set('journey', q.journey);
  if (q.stage) p.set('stage', q.stage);
  if (q.link) p.set('link', q.link);
  if (q.stars) p.set('stars', String(q.stars));
  if (q.nps) p.set('nps', q.nps);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.comment) p.set('comment', '1');
  return p;
}

/** The address of the same filter (optionally one page older). */
export function inboxHref(q: InboxQuery, before?: string): string {
  const p = filterParams(q);
  if (before) p.set('before', before);
  const s = p.toString();
  return `/reviews${s ? `?${s}` : ''}#inbox`;
}

/** The CSV export of the same filter (app/api/reviews/export). */
export function exportHref(q: InboxQuery): string {
  const s = filterParams(q).toString();
  return `/api/reviews/export${s ? `?${s}` : ''}`;
}

/** The query string of a request, as the page's searchParams would give it (route handlers). */
export function paramsOf(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(search.entries());
}
