/**
 * Starting a journey, as the "new journey" form does: from each stage model's empty stages or from
 * a template with its examples, in the user's language; and a persona of another business is
 * answered as unknown, with nothing created.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { journeys, personas } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { stageModelKeys, stageModels } from '@/lib/journeys/model';
import { journeyFromStart, parseStart, startChoices, startValue, startValues } from '@/lib/journeys/start';
import { getTemplate, stageNamesFor, templateKeys } from '@/lib/journeys/templates';
import { createJourney, getJourney, listJourneys } from '@/lib/journeys/queries';
import { personaOptions } from '@/lib/personas/queries';
import { inTenant, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

/** One unit of work, as a page or the action wrapper opens it: `fn` runs in one transaction of the tenant. */
function run<A extends unknown[], R>(who: Who, fn: (db: TenantDb, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return inTenant(who, (db) => fn(db, ...args));
}

async function business(name = 'Usaha Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id } satisfies Who;
}

async function addPersona(ctx: Who, name: string, archived = false) {
  const id = randomUUID();
  await withTenant(ctx.tenantId, (tx) => tx.insert(personas).values({ tenantId: ctx.tenantId, id, name, archivedAt: archived ? new Date() : null }));
  return id;
}

async function journeyCount(tenantId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.select({ id: journeys.id }).from(journeys).where(eq(journeys.tenantId, tenantId)));
  return rows.length;
}

describe('creating a journey', () => {
  for (const model of stageModelKeys) {
    for (const locale of ['id', 'en'] as const) {
      it(`from the ${model} model (${locale}): the model's stages, named in the language, empty`, async () => {
        const ctx = await business();
        const { id } = await run(ctx, createJourney, { name: `Perjalanan ${model}`, ...journeyFromStart({ kind: 'model', model }, locale) });
        const { journey, stages } = await run(ctx, getJourney, id);
        expect(journey.stageModel).toBe(model);
        expect(journey.templateKey).toBeNull();
        expect(journey.isCycle).toBe(model === 'five_stage');
        expect(journey.status).toBe('draft');
        expect(journey.revision).toBe(1);
        expect(stages.map((s) => s.key)).toEqual([...stageModels[model]]);
        const names = stageNamesFor(locale);
        expect(stages.map((s) => s.name)).toEqual(stageModels[model].map((k) => names[k]));
        for (const s of stages) {
          expect(s.emotion).toEqual({ score: null, note: '' });
          expect(Object.values(s.lanes).every((l) => l.length === 0)).toBe(true);
        }
      });
    }
  }

  it('names the three-stage model as the UI does, in Indonesian', async () => {
    const ctx = await business();
    const { id } = await run(ctx, createJourney, { name: 'Tiga tahap', ...journeyFromStart({ kind: 'model', model: 'three_stage' }, 'id') });
    expect((await run(ctx, getJourney, id)).stages.map((s) => s.name)).toEqual(['Sebelum pembelian', 'Pembelian', 'Setelah pembelian']);
  });

  for (const key of templateKeys) {
    it(`from the ${key} template: its stages and every lane item are stored as the template has them`, async () => {
      const ctx = await business();
      const personaId = await addPersona(ctx, 'Pak Budi');
      const { id } = await run(ctx, createJourney, { name: `Templat ${key}`, personaId, ...journeyFromStart({ kind: 'template', key }, 'id') });
      const tpl = getTemplate(key, 'id');
      const { journey, stages, persona } = await run(ctx, getJourney, id);
      expect(journey.templateKey).toBe(key);
      expect(journey.stageModel).toBe(tpl.model);
      expect(journey.isCycle).toBe(tpl.isCycle);
      expect(persona?.name).toBe('Pak Budi');
      expect(stages.every((s) => typeof s.id === 'string')).toBe(true);
      expect(stages.map(({ id: _id, ...rest }) => rest)).toEqual(tpl.stages);
    });
  }

  it('lists the new journeys with persona and stage count', async () => {
    const ctx = await business();
    const personaId = await addPersona(ctx, 'Bu Sari');
    await run(ctx, createJourney, { name: 'Dari templat', personaId, ...journeyFromStart({ kind: 'template', key: 'bengkel' }, 'id') });
    await run(ctx, createJourney, { name: 'Dari 3 tahap', ...journeyFromStart({ kind: 'model', model: 'three_stage' }, 'id') });
    const list = await run(ctx, listJourneys);
    expect(list.map((j) => [j.name, j.personaName, j.stageCount]).sort()).toEqual([
      ['Dari 3 tahap', null, 3],
      ['Dari templat', 'Bu Sari', 5],
    ]);
  });

  it("refuses another business's persona as unknown, and creates nothing", async () => {
    const a = await business('Bengkel A');
    const b = await business('Kedai B');
    const personaOfA = await addPersona(a, 'Pak Budi');
    const before = await journeyCount(b.tenantId);
    await expect(run(b, createJourney, { name: 'Curang', personaId: personaOfA, ...journeyFromStart({ kind: 'template', key: 'cafe' }, 'id') })).rejects.toBeInstanceOf(NotFoundError);
    await expect(run(b, createJourney, { name: 'Curang', personaId: personaOfA, ...journeyFromStart({ kind: 'model', model: 'five_stage' }, 'en') })).rejects.toBeInstanceOf(NotFoundError);
    expect(await journeyCount(b.tenantId)).toBe(before);
    expect(await run(b, listJourneys, { includeArchived: true })).toEqual([]);
    // And A's persona is not even visible to B's persona select.
    expect((await run(b, personaOptions)).map((p) => p.id)).not.toContain(personaOfA);
    // Nothing was written on A's side either.
    const onA = await withTenant(a.tenantId, (tx) => tx.select().from(journeys).where(and(eq(journeys.tenantId, a.tenantId), eq(journeys.personaId, personaOfA))));
    expect(onA).toEqual([]);
  });

  it("offers only the business's active personas in the select", async () => {
    const ctx = await business();
    const active = await addPersona(ctx, 'Aktif');
    const archived = await addPersona(ctx, 'Lama', true);
    const ids = (await run(ctx, personaOptions)).map((p) => p.id);
    expect(ids).toContain(active);
    expect(ids).not.toContain(archived);
  });
});

describe('the start choice of the form', () => {
  it('round-trips every value and rejects anything else', () => {
    for (const value of startValues) expect(startValue(parseStart(value)!)).toBe(value);
    for (const bad of ['', 'model:', 'model:nope', 'template:other', 'template:toString', 'five_stage', 'x:bengkel']) expect(parseStart(bad)).toBeNull();
  });

  it('suggests the template of the business type first, and an empty five-stage map when there is none', () => {
    const bengkel = startChoices('bengkel');
    expect(bengkel.recommended).toBe('bengkel');
    expect(bengkel.templates[0]).toBe('bengkel');
    expect(bengkel.preselected).toBe('template:bengkel');
    expect([...bengkel.templates].sort()).toEqual([...templateKeys].sort());
    const other = startChoices('other');
    expect(other.recommended).toBeNull();
    expect(other.preselected).toBe('model:five_stage');
    expect(other.models).toEqual([...stageModelKeys]);
  });
});
