/**
 * An imported journey whose name is already used by one of the business's journeys gets
 * " (impor)" (then " (impor) 2"…), so the two can be told apart; another business's names do not count.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inTenant } from '@/lib/core/tenancy';
import { freeImportName, importName } from '@/lib/journeys/import-name';
import { LIMITS } from '@/lib/journeys/model';
import { createJourney, exportJourney, getJourney, importJourney } from '@/lib/journeys/queries';
import { makeTenant } from '../support/factory';

async function owner(name: string) {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

describe('the name of an imported journey', () => {
  it('keeps a free name, and marks a used one (case aside) with the suffix, then a number', async () => {
    const ctx = await owner('Laundry Uji');
    const other = await owner('Bengkel Uji');
    const { id } = await inTenant(ctx, (db) => createJourney(db, { name: 'Cuci kiloan', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } }));
    await inTenant(other, (db) => createJourney(db, { name: 'Servis 100%_cepat', model: 'blank', stageNames: {} }));

    // Importing its own export, as an owner does to copy a journey: the copy is told apart.
    const doc = await inTenant(ctx, (db) => exportJourney(db, id));
    const first = await inTenant(ctx, async (db) => importJourney(db, { ...doc, name: await importName(db, doc.name, '(impor)') }));
    expect((await inTenant(ctx, (db) => getJourney(db, first.id))).journey.name).toBe('Cuci kiloan (impor)');
    expect(await inTenant(ctx, (db) => importName(db, 'CUCI KILOAN', '(impor)'))).toBe('CUCI KILOAN (impor) 2');

    // A name used only by another business is free here; LIKE's wildcards in a name are plain text.
    expect(await inTenant(ctx, (db) => importName(db, 'Servis 100%_cepat', '(impor)'))).toBe('Servis 100%_cepat');
    expect(await inTenant(ctx, (db) => importName(db, 'Cuci kilo_n', '(impor)'))).toBe('Cuci kilo_n');
  });

  it('stays within the name limit', () => {
    const long = 'x'.repeat(LIMITS.name);
    const name = freeImportName(long, '(imported)', new Set([long]));
    expect(name.length).toBeLessThanOrEqual(LIMITS.name);
    expect(name.endsWith(' (imported)')).toBe(true);
  });
});
