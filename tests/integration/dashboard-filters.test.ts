/**
 * The stage dashboard's filters (issue 10, item 7): what the address says (dates kept as typed,
 * a preset winning over dates, the default 90 days) and what the business may choose from on a real
 * database: without a journey, the one with the most reviews; a persona narrows the list; another
 * business's persona, journey, stage or link is NotFound; a stage or link of another journey of the
 * same business is dropped, not an error.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { personas, reviews } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { csvSearch, dashboardChoices, periodFilter, readStagesQuery, stagesSearch } from '@/lib/dashboard/filters';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

describe('readStagesQuery', () => {
  it('defaults to 90 days, lets a preset win over dates, and reads dates alone as a custom period', () => {
    expect(readStagesQuery({})).toMatchObject({ range: '90d', from: '', to: '', dateError: null, badId: false });
    const preset = readStagesQuery({ range: '30d', from: '2026-01-01', to: '2026-01-31' });
    expect(periodFilter(preset)).toEqual({ range: '30d' });
    expect(stagesSearch(preset)).toBe('range=30d');
    const custom = readStagesQuery({ from: '2026-01-01', to: '2026-01-31' });
    expect(custom.range).toBe('custom');
    expect(periodFilter(custom)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(stagesSearch(custom)).toBe('range=custom&from=2026-01-01&to=2026-01-31');
  });

  it('keeps a bad date as typed, says what is wrong, and shows the default period meanwhile', () => {
    const bad = readStagesQuery({ range: 'custom', from: '2026-02-31', to: '2026-03-10' });
    expect(bad).toMatchObject({ from: '2026-02-31', to: '2026-03-10', dateError: 'invalid_from' });
    expect(periodFilter(bad)).toEqual({ range: '90d' });
    expect(readStagesQuery({ range: 'custom', from: '2026-03-10', to: '2026-03-01' }).dateError).toBe('from_after_to');
    expect(readStagesQuery({ range: 'custom', to: 'kemarin' }).dateError).toBe('invalid_to');
    expect(readStagesQuery({ range: 'custom' }).dateError).toBe('custom_needs_date');
    expect(readStagesQuery({ range: 'sebulan' }).range).toBe('90d');
  });

  it('flags a malformed id (answered 404) and ignores empty ones', () => {
    expect(readStagesQuery({ journey: 'abc' }).badId).toBe(true);
    expect(readStagesQuery({ stage: ["1'; drop table reviews; --"] }).badId).toBe(true);
    expect(readStagesQuery({ journey: '', stage: '', link: '' })).toMatchObject({ badId: false, journey: undefined, stage: undefined, link: undefined });
  });

  it('builds the CSV route query with the same filters', () => {
    expect(csvSearch({ journey: randomUUID(), range: '12m' })).toBe('range=12m');
    expect(csvSearch({ journey: randomUUID(), stage: 'a', touchpoint: 'QR di kasir', from: '2026-01-01' })).toBe('stage=a&touchpoint=QR+di+kasir&from=2026-01-01');
  });
});

describe('dashboardChoices', () => {
  let shop: Who;
  let other: Who;
  let personaA: string;
  let personaB: string;
  let quiet: { id: string; stageIds: string[]; links: string[] };
  let busy: { id: string; stageIds: string[]; links: string[] };
  let foreign: { id: string; stageIds: string[]; links: string[]; persona: string };

  async function journey(ctx: Who, name: string, personaId: string | null) {
    return inTenant(ctx, async (db) => {
      const { id } = await createJourney(db, { name, model: 'three_stage', personaId, stageNames: { pre_purchase: 'Cari', purchase: 'Beli', post_purchase: 'Balik' } });
      const { stages } = await getJourney(db, id);
      const links: string[] = [];
      for (const s of stages) links.push((await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId: id, stageId: s.id, touchpoint: `QR ${s.name}`, title: 'Ulasan' }))).id);
      return { id, stageIds: stages.map((s) => s.id!), links };
    });
  }
  const persona = (ctx: Who, name: string) =>
    withTenant(ctx.tenantId, async (tx) => (await tx.insert(personas).values({ tenantId: ctx.tenantId, name }).returning({ id: personas.id }))[0]!.id);
  const put = (ctx: Who, j: { id: string; stageIds: string[]; links: string[] }, n: number) =>
    withTenant(ctx.tenantId, (tx) =>
      tx.insert(reviews).values(
        Array.from({ length: n }, (_, i) => ({
          tenantId: ctx.tenantId,
          linkId: j.links[1]!,
          journeyId: j.id,
          stageId: j.stageIds[1]!,
          touchpoint: 'QR Beli',
          stars: 1 + (i % 5),
          comment: '',
          status: 'new' as const,
          submissionKey: randomUUID(),
        })),
      ),
    );
  const choices = (ctx: Who, q: Parameters<typeof dashboardChoices>[1]) => inTenant(ctx, (db) => dashboardChoices(db, q));

  beforeAll(async () => {
    const t = await makeTenant(`Filter ${randomUUID().slice(0, 6)}`);
    shop = { tenantId: t.id, userId: t.owner.id };
    const o = await makeTenant(`Lain ${randomUUID().slice(0, 6)}`);
    other = { tenantId: o.id, userId: o.owner.id };
    personaA = await persona(shop, 'Pak Hendra');
    personaB = await persona(shop, 'Nadia');
    // The newest journey (listed first) has no reviews; the older one has the most.
    busy = await journey(shop, 'Servis', personaA);
    quiet = await journey(shop, 'Cuci mobil', personaB);
    await put(shop, busy, 12);
    const fp = await persona(other, 'Orang lain');
    foreign = { ...(await journey(other, 'Rahasia', fp)), persona: fp };
  });

  it('picks the journey with the most reviews when none is asked for, and lists its stages, links and touchpoints', async () => {
    const c = await choices(shop, {});
    expect(c.journey?.id).toBe(busy.id);
    expect(c.journey?.reviews).toBe(12);
    expect(c.journeys.map((j) => j.id).sort()).toEqual([busy.id, quiet.id].sort());
    expect(c.stages.map((s) => s.id)).toEqual(busy.stageIds);
    expect(c.links.map((l) => l.id).sort()).toEqual([...busy.links].sort());
    expect(c.touchpoints).toEqual(['QR Balik', 'QR Beli', 'QR Cari']);
    expect(c.personas.map((p) => p.name)).toEqual(['Nadia', 'Pak Hendra']);
  });

  it('narrows the journeys to a persona, and picks that persona’s journey instead of one of another persona', async () => {
    const c = await choices(shop, { persona: personaB, journey: busy.id });
    expect(c.journeys.map((j) => j.id)).toEqual([quiet.id]);
    expect(c.journey?.id).toBe(quiet.id);
  });

  it('keeps a stage and link of the journey shown, drops those of another journey of the business', async () => {
    const kept = await choices(shop, { journey: busy.id, stage: busy.stageIds[2], link: busy.links[1], touchpoint: 'QR Beli' });
    expect([kept.stage, kept.link, kept.touchpoint]).toEqual([busy.stageIds[2], busy.links[1], 'QR Beli']);
    const dropped = await choices(shop, { journey: quiet.id, stage: busy.stageIds[2], link: busy.links[1], touchpoint: 'tidak ada' });
    expect([dropped.journey?.id, dropped.stage, dropped.link, dropped.touchpoint]).toEqual([quiet.id, undefined, undefined, undefined]);
  });

  it('answers NotFound for another business’s persona, journey, stage or link, and for unknown ids', async () => {
    for (const q of [{ journey: foreign.id }, { persona: foreign.persona }, { stage: foreign.stageIds[0] }, { link: foreign.links[0] }, { journey: randomUUID() }, { stage: randomUUID() }]) {
      await expect(choices(shop, q), JSON.stringify(q)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('has no journey to show for a business without one', async () => {
    const t = await makeTenant(`Kosong ${randomUUID().slice(0, 6)}`);
    const c = await choices({ tenantId: t.id, userId: t.owner.id }, {});
    expect(c).toMatchObject({ journey: null, journeys: [], stages: [], links: [] });
  });
});
