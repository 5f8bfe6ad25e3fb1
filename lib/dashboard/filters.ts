/**
 * The stage dashboard's filters (issue 10, item 7): what the address says (`readStagesQuery`, pure)
 * and what the business has to choose from (`dashboardChoices`: personas, journeys with their review
 * counts, the chosen journey's stages, review links and touchpoints). Every id in the address is
 * checked against the business: an unknown, malformed or another business's id is NotFound (the
 * page's 404). A stage or link of another journey of the same business is not an error: the form
 * sent without JavaScript still carries the old stage when the journey changes, so it is dropped.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { journeys, journeyStages, personas, reviewLinks, reviewStageDays } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { rangePresets, stageStatsFilterSchema, type RangePreset, type StageStatsFilter } from './stage-stats';

export const DEFAULT_RANGE: RangePreset = '90d';

/** The range select: the presets, or "custom" (the two dates). */
export const rangeChoices = [...rangePresets, 'custom'] as const;
export type RangeChoice = (typeof rangeChoices)[number];

type Params = Record<string, string | string[] | undefined>;

/** What the address asks for, as typed (the form shows it back), and what is wrong with it. */
export interface StagesQuery {
  journey?: string;
  persona?: string;
  stage?: string;
  link?: string;
  touchpoint?: string;
  range: RangeChoice;
  /** The dates as typed (shown back in the form even when invalid). */
  from: string;
  to: string;
  /** Dates that cannot be used: `invalid_from`, `invalid_to`, `from_after_to`, `custom_needs_date`. */
  dateError: 'invalid_from' | 'invalid_to' | 'from_after_to' | 'custom_needs_date' | null;
  /** A malformed id: the page answers 404 like an unknown one. */
  badId: boolean;
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const dayOk = (v: string) => stageStatsFilterSchema.safeParse({ journey: '00000000-0000-4000-8000-000000000000', from: v }).success;

/**
 * The query string read: ids (empty = none), the range (a preset, or "custom" when dates are given
 * without a preset; none: 90 days) and the dates. A preset wins over dates the form also sent.
 */
export function readStagesQuery(params: Params): StagesQuery {
  const ids = { journey: one(params.journey), persona: one(params.persona), stage: one(params.stage), link: one(params.link) };
  const badId = Object.values(ids).some((v) => v !== '' && !isUuid(v));
  const from = one(params.from).slice(0, 40);
  const to = one(params.to).slice(0, 40);
  const rawRange = one(params.range);
  const range: RangeChoice = (rangeChoices as readonly string[]).includes(rawRange) ? (rawRange as RangeChoice) : from || to ? 'custom' : DEFAULT_RANGE;
  let dateError: StagesQuery['dateError'] = null;
  if (range === 'custom') {
    if (from && !dayOk(from)) dateError = 'invalid_from';
    else if (to && !dayOk(to)) dateError = 'invalid_to';
    else if (!from && !to) dateError = 'custom_needs_date';
    else if (from && to && from > to) dateError = 'from_after_to';
  }
  const touchpoint = one(params.touchpoint).slice(0, 200);
  return {
    journey: ids.journey || undefined,
    persona: ids.persona || undefined,
    stage: ids.stage || undefined,
    link: ids.link || undefined,
    touchpoint: touchpoint || undefined,
    range,
    from,
    to,
    dateError,
    badId,
  };
}

/** The period part of the figures' filter: a preset, the custom dates, or (dates unusable) the default. */
export function periodFilter(q: StagesQuery): Pick<StageStatsFilter, 'range' | 'from' | 'to'> {
  if (q.range !== 'custom') return { range: q.range };
  if (q.dateError) return { range: DEFAULT_RANGE };
  return { from: q.from || undefined, to: q.to || undefined };
}

/** The query string of a view (for links: CSV, print, the form's own address). Empty values left out. */
export function stagesSearch(q: Pick<StagesQuery, 'journey' | 'persona' | 'stage' | 'link' | 'touchpoint' | 'range' | 'from' | 'to'>): string {
  const s = new URLSearchParams();
  for (const k of ['journey', 'persona', 'stage', 'link', 'touchpoint'] as const) if (q[k]) s.set(k, q[k]!);
  s.set('range', q.range);
  if (q.range === 'custom') {
    if (q.from) s.set('from', q.from);
    if (q.to) s.set('to', q.to);
  }
  return s.toString();
}

/** The CSV route's query for the same view (its names; custom dates as from/to, a preset as range). */
export function csvSearch(f: StageStatsFilter): string {
  const s = new URLSearchParams();
  for (const k of ['stage', 'link', 'touchpoint', 'from', 'to', 'range'] as const) if (f[k]) s.set(k, f[k]!);
  return s.toString();
}

export interface JourneyChoice {
  id: string;
  name: string;
  personaId: string | null;
  reviews: number;
}
export interface StageChoice {
  id: string;
  name: string;
  key: string | null;
  position: number;
}
export interface LinkChoice {
  id: string;
  title: string;
  touchpoint: string;
  stageId: string;
}

export interface DashboardChoices {
  personas: { id: string; name: string }[];
  /** The persona's journeys (all, without one), archived ones last. */
  journeys: JourneyChoice[];
  /** The journey shown; null when the business has none (for the persona). */
  journey: JourneyChoice | null;
  stages: StageChoice[];
  links: LinkChoice[];
  touchpoints: string[];
  /** The ids that stand after checking (a stage or link of another journey dropped). */
  stage?: string;
  link?: string;
  touchpoint?: string;
}

/**
 * The choices of the filter form, and the journey to show: the one asked for, else (none asked,
 * or not the persona's) the persona's journey with the most reviews, or the first. Throws
 * NotFoundError for a persona, journey, stage or link the business does not have.
 */
export async function dashboardChoices(db: TenantDb, q: Pick<StagesQuery, 'journey' | 'persona' | 'stage' | 'link' | 'touchpoint'>): Promise<DashboardChoices> {
  const t = db.tenantId;
  const [personaRows, journeyRows, counts] = await Promise.all([
    db.tx.select({ id: personas.id, name: personas.name }).from(personas).where(eq(personas.tenantId, t)).orderBy(asc(personas.name)),
    db.tx
      .select({ id: journeys.id, name: journeys.name, personaId: journeys.personaId, archived: sql<boolean>`${journeys.status} = 'archived'` })
      .from(journeys)
      .where(eq(journeys.tenantId, t))
      .orderBy(desc(journeys.updatedAt)),
    // Reviews per journey from the rollups (a few rows per day and link, never the reviews).
    db.tx
      .select({
        journeyId: reviewStageDays.journeyId,
        n: sql<number>`coalesce(sum(${reviewStageDays.stars1} + ${reviewStageDays.stars2} + ${reviewStageDays.stars3} + ${reviewStageDays.stars4} + ${reviewStageDays.stars5}), 0)::int`,
      })
      .from(reviewStageDays)
      .where(eq(reviewStageDays.tenantId, t))
      .groupBy(reviewStageDays.journeyId),
  ]);
  if (q.persona && !personaRows.some((p) => p.id === q.persona)) throw new NotFoundError('persona');
  if (q.journey && !journeyRows.some((j) => j.id === q.journey)) throw new NotFoundError('journey');
  const reviewsOf = new Map(counts.map((c) => [c.journeyId, Number(c.n)]));
  const all = journeyRows.map((j) => ({ id: j.id, name: j.name, personaId: j.personaId, reviews: reviewsOf.get(j.id) ?? 0, archived: j.archived }));
  const listed = all.filter((j) => !q.persona || j.personaId === q.persona).sort((a, b) => Number(a.archived) - Number(b.archived));
  const asked = listed.find((j) => j.id === q.journey);
  const best = [...listed].sort((a, b) => b.reviews - a.reviews)[0];
  const chosen = asked ?? (best && best.reviews > 0 ? best : listed[0]) ?? null;
  const strip = ({ archived: _, ...j }: (typeof all)[number]): JourneyChoice => j;
  // Personas with at least one journey (a persona without one narrows to nothing useful).
  const withJourneys = new Set(all.map((j) => j.personaId).filter(Boolean));
  const personaList = personaRows.filter((p) => withJourneys.has(p.id) || p.id === q.persona);
  if (!chosen) return { personas: personaList, journeys: [], journey: null, stages: [], links: [], touchpoints: [] };

  const [stageRows, linkRows, askedStage, askedLink] = await Promise.all([
    db.tx
      .select({ id: journeyStages.id, name: journeyStages.name, key: journeyStages.stageKey, position: journeyStages.position })
      .from(journeyStages)
      .where(and(eq(journeyStages.tenantId, t), eq(journeyStages.journeyId, chosen.id)))
      .orderBy(asc(journeyStages.position)),
    db.tx
      .select({ id: reviewLinks.id, title: reviewLinks.title, touchpoint: reviewLinks.touchpoint, stageId: reviewLinks.stageId })
      .from(reviewLinks)
      .where(and(eq(reviewLinks.tenantId, t), eq(reviewLinks.journeyId, chosen.id)))
      .orderBy(asc(reviewLinks.createdAt), asc(reviewLinks.id)),
    q.stage
      ? db.tx.select({ journeyId: journeyStages.journeyId }).from(journeyStages).where(and(eq(journeyStages.tenantId, t), eq(journeyStages.id, q.stage)))
      : Promise.resolve([]),
    q.link ? db.tx.select({ journeyId: reviewLinks.journeyId }).from(reviewLinks).where(and(eq(reviewLinks.tenantId, t), eq(reviewLinks.id, q.link))) : Promise.resolve([]),
  ]);
  if (q.stage && askedStage.length === 0) throw new NotFoundError('stage');
  if (q.link && askedLink.length === 0) throw new NotFoundError('link');
  const touchpoints = [...new Set(linkRows.map((l) => l.touchpoint).filter((x) => x !== ''))].sort((a, b) => a.localeCompare(b));
  return {
    personas: personaList,
    journeys: listed.map(strip),
    journey: strip(chosen),
    stages: stageRows,
    links: linkRows,
    touchpoints,
    stage: q.stage && askedStage[0]!.journeyId === chosen.id ? q.stage : undefined,
    link: q.link && askedLink[0]!.journeyId === chosen.id ? q.link : undefined,
    touchpoint: q.touchpoint && touchpoints.includes(q.touchpoint) ? q.touchpoint : undefined,
  };
}
