/**
 * Lists that grow (issue 11 item 3): the personas list, the persona pickers, the version history
 * and the compare pickers read a bounded page or a search's matches, by keyset, however many rows a
 * business has; a walk through every page shows each row once, in order; and neither a search, a
 * cursor nor an id reaches another business.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { journeyVersions, personas } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { journeyFromStart } from '@/lib/journeys/start';
import { createJourney, listVersionsPage, versionChoices, VERSION_PAGE_SIZE, VERSION_PICKER_LIMIT } from '@/lib/journeys/queries';
import {
  countPersonas,
  isPickablePersona,
  listPersonasPage,
  personaPicker,
  PERSONA_PAGE_SIZE,
  PERSONA_PICKER_LIMIT,
  readPersonaListQuery,
} from '@/lib/personas/queries';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name = 'Toko Uji'): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

/** Personas written in one statement (so several share one creation time: the id breaks the tie). */
async function addPersonas(who: Who, rows: { name: string; archived?: boolean; updatedAt?: Date }[]): Promise<string[]> {
  const values = rows.map((r) => ({
    tenantId: who.tenantId,
    id: randomUUID(),
    name: r.name,
    archivedAt: r.archived ? new Date() : null,
    ...(r.updatedAt ? { updatedAt: r.updatedAt } : {}),
  }));
  await withTenant(who.tenantId, (tx) => tx.insert(personas).values(values));
  return values.map((v) => v.id);
}

/** Every page of the list from the first, following the cursors. */
async function walk(who: Who, query: { q?: string; includeArchived?: boolean }, pageSize = PERSONA_PAGE_SIZE) {
  const pages: { id: string; name: string; archived: boolean }[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await inTenant(who, (db) => listPersonasPage(db, { ...query, after }, pageSize));
    pages.push(page.rows.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null })));
    if (!page.next) return pages;
    after = page.next;
  }
  throw new Error('the cursors never ended');
}

const pad = (i: number) => String(i).padStart(3, '0');

describe('the personas list, a page at a time', () => {
  it('walks 2 × 24 + 12 personas in name order, each once, ties broken the same way every time', async () => {
    const who = await business();
    // 55 distinct names, and five personas all named "sama" created in the same statement.
    await addPersonas(who, [...Array.from({ length: 55 }, (_, i) => ({ name: `${i % 2 ? 'persona' : 'Persona'} ${pad(i)}` })), ...Array.from({ length: 5 }, () => ({ name: 'sama' }))]);
    const pages = await walk(who, {});
    expect(pages.map((p) => p.length)).toEqual([24, 24, 12]);
    const all = pages.flat();
    expect(new Set(all.map((p) => p.id)).size).toBe(60);
    const names = all.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // The same walk again gives the same order, the five "sama" included; so do pages of 7, whose
    // boundary at 56 falls among the five (the id decides between them).
    expect((await walk(who, {})).flat().map((p) => p.id)).toEqual(all.map((p) => p.id));
    expect((await walk(who, {}, 7)).flat().map((p) => p.id)).toEqual(all.map((p) => p.id));
    expect(await inTenant(who, (db) => countPersonas(db))).toEqual({ active: 60, archived: 0, matching: 60 });
  });

  it('lists archived personas after the active ones only when asked, across a page boundary', async () => {
    const who = await business();
    await addPersonas(who, [
      ...['Ani', 'Budi', 'Citra', 'Dewi'].map((name) => ({ name })),
      ...['Agus', 'Bayu', 'Cahya'].map((name) => ({ name, archived: true })),
    ]);
    expect((await walk(who, {}, 3)).flat().map((p) => p.name)).toEqual(['Ani', 'Budi', 'Citra', 'Dewi']);
    const withArchived = (await walk(who, { includeArchived: true }, 3)).flat();
    expect(withArchived.map((p) => p.name)).toEqual(['Ani', 'Budi', 'Citra', 'Dewi', 'Agus', 'Bayu', 'Cahya']);
    expect(withArchived.map((p) => p.archived)).toEqual([false, false, false, false, true, true, true]);
    expect(await inTenant(who, (db) => countPersonas(db, { includeArchived: true }))).toEqual({ active: 4, archived: 3, matching: 7 });
  });

  it('searches every word anywhere in the name, any case; LIKE characters are only text', async () => {
    const who = await business();
    await addPersonas(who, [{ name: 'Bu Sari' }, { name: 'Ibu Sarah Wijaya' }, { name: 'Pak Budi' }, { name: 'Diskon 50% Mania' }, { name: 'Mas_Agus' }, { name: 'Bu Sinta', archived: true }]);
    const names = async (q: string, includeArchived = false) => (await walk(who, { q, includeArchived })).flat().map((p) => p.name);
    expect(await names('SARI')).toEqual(['Bu Sari']);
    expect(await names('bu sa')).toEqual(['Bu Sari', 'Ibu Sarah Wijaya']);
    expect(await names('bu s', true)).toEqual(['Bu Sari', 'Ibu Sarah Wijaya', 'Bu Sinta']);
    expect(await names('%')).toEqual(['Diskon 50% Mania']);
    expect(await names('_')).toEqual(['Mas_Agus']);
    expect(await names('tidak ada')).toEqual([]);
    expect(await inTenant(who, (db) => countPersonas(db, { q: 'bu sa' }))).toEqual({ active: 5, archived: 1, matching: 2 });
  });

  it('never shows another business: not by a search, not by a cursor taken from it', async () => {
    const a = await business('Usaha A');
    const b = await business('Usaha B');
    await addPersonas(a, Array.from({ length: 30 }, (_, i) => ({ name: `Pelanggan ${pad(i)}` })));
    const bIds = await addPersonas(b, [{ name: 'Pelanggan Rahasia' }, { name: 'Pelanggan Zaman' }]);
    const first = await inTenant(a, (db) => listPersonasPage(db, { q: 'pelanggan' }));
    expect(first.rows).toHaveLength(24);
    expect(first.rows.map((r) => r.id)).not.toContain(bIds[0]);
    const rest = await inTenant(a, (db) => listPersonasPage(db, { q: 'pelanggan', after: first.next }));
    expect(rest.rows.map((r) => r.name)).toEqual(['Pelanggan 024', 'Pelanggan 025', 'Pelanggan 026', 'Pelanggan 027', 'Pelanggan 028', 'Pelanggan 029']);
    // A's cursor in B's list: B's own rows after that position, nothing of A.
    const crossed = await inTenant(b, (db) => listPersonasPage(db, { q: 'pelanggan', after: first.next }));
    expect(crossed.rows.map((r) => r.name)).toEqual(['Pelanggan Rahasia', 'Pelanggan Zaman']);
    expect(await inTenant(b, (db) => countPersonas(db, { q: 'pelanggan' }))).toEqual({ active: 2, archived: 0, matching: 2 });
  });

  it('reads the address leniently: a malformed cursor is the first page, a repeated parameter is dropped', async () => {
    const who = await business();
    await addPersonas(who, [{ name: 'Ani' }, { name: 'Budi' }]);
    for (const after of ['bukan-kursor', Buffer.from('["x"]').toString('base64url'), Buffer.from(JSON.stringify([0, 'a', 'kemarin', randomUUID()])).toString('base64url')]) {
      expect((await inTenant(who, (db) => listPersonasPage(db, { after }))).rows.map((r) => r.name)).toEqual(['Ani', 'Budi']);
    }
    expect(readPersonaListQuery({ q: '  bu  ', archived: '1', after: 'abc' })).toEqual({ q: 'bu', archived: true, after: 'abc' });
    expect(readPersonaListQuery({ q: ['a', 'b'], archived: 'ya' })).toEqual({ q: undefined, archived: false, after: undefined });
    expect(readPersonaListQuery({ q: 'x'.repeat(500) }).q).toHaveLength(100);
  });
});

describe('the persona picker', () => {
  it('offers the most recently changed personas, sorted by name, plus the current one even when archived', async () => {
    const who = await business();
    const base = Date.UTC(2026, 0, 1);
    const ids = await addPersonas(who, Array.from({ length: PERSONA_PICKER_LIMIT + 10 }, (_, i) => ({ name: `Persona ${pad(i)}`, updatedAt: new Date(base + i * 60_000) })));
    const [archived] = await addPersonas(who, [{ name: 'Lama Sekali', archived: true, updatedAt: new Date(base - 86_400_000) }]);
    const picker = await inTenant(who, (db) => personaPicker(db));
    expect(picker.more).toBe(true);
    expect(picker.options).toHaveLength(PERSONA_PICKER_LIMIT);
    // The newest 50: personas 010 to 059, shown by name.
    expect(picker.options.map((p) => p.name)).toEqual(Array.from({ length: PERSONA_PICKER_LIMIT }, (_, i) => `Persona ${pad(i + 10)}`));
    // The journey's persona is kept: an old one, and an archived one.
    const keptOld = await inTenant(who, (db) => personaPicker(db, { keep: ids[0] }));
    expect(keptOld.options.map((p) => p.id)).toContain(ids[0]);
    expect(keptOld.options[0]!.name).toBe('Persona 000');
    const keptArchived = await inTenant(who, (db) => personaPicker(db, { keep: archived }));
    expect(keptArchived.options.map((p) => p.name)).toContain('Lama Sekali');
    // A search finds the old ones.
    const found = await inTenant(who, (db) => personaPicker(db, { q: 'persona 00' }));
    expect(found).toEqual({ options: ids.slice(0, 10).map((id, i) => ({ id, name: `Persona ${pad(i)}` })), more: false });
    // Archived personas are not offered by a search.
    expect((await inTenant(who, (db) => personaPicker(db, { q: 'lama' }))).options).toEqual([]);
  });

  it('a small business gets all its personas and no search', async () => {
    const who = await business();
    await addPersonas(who, [{ name: 'citra' }, { name: 'Ani' }, { name: 'budi' }]);
    const picker = await inTenant(who, (db) => personaPicker(db));
    expect(picker.more).toBe(false);
    expect(picker.options.map((p) => p.name)).toEqual(['Ani', 'budi', 'citra']);
  });

  it('is confined to the business: another one’s persona is neither offered, kept nor pickable', async () => {
    const a = await business('Usaha A');
    const b = await business('Usaha B');
    const [mine, mineArchived] = await addPersonas(a, [{ name: 'Bu Sari' }, { name: 'Bu Lama', archived: true }]);
    const [theirs] = await addPersonas(b, [{ name: 'Bu Sari dari B' }]);
    const picker = await inTenant(a, (db) => personaPicker(db, { keep: theirs, q: 'sari' }));
    expect(picker.options.map((p) => p.id)).toEqual([mine]);
    expect(await inTenant(a, (db) => isPickablePersona(db, mine!))).toBe(true);
    expect(await inTenant(a, (db) => isPickablePersona(db, mineArchived!))).toBe(false);
    expect(await inTenant(a, (db) => isPickablePersona(db, theirs!))).toBe(false);
    expect(await inTenant(a, (db) => isPickablePersona(db, 'bukan-uuid'))).toBe(false);
    expect(await inTenant(a, (db) => personaPicker(db, { keep: 'bukan-uuid' }))).toEqual({ options: [{ id: mine, name: 'Bu Sari' }], more: false });
  });
});

describe('the version history and the compare pickers', () => {
  async function journeyWithVersions(who: Who, n: number) {
    const { id } = await inTenant(who, (db) => createJourney(db, { name: 'Servis motor', ...journeyFromStart({ kind: 'model', model: 'three_stage' }, 'id') }));
    const rows = Array.from({ length: n }, (_, i) => ({
      tenantId: who.tenantId,
      id: randomUUID(),
      journeyId: id,
      number: i + 1,
      name: i % 10 === 0 ? `Setelah survei ${i + 1}` : `Revisi ${i + 1}`,
      snapshot: {},
      createdBy: who.userId,
    }));
    await withTenant(who.tenantId, (tx) => tx.insert(journeyVersions).values(rows));
    return { journeyId: id, versionIds: rows.map((r) => r.id) };
  }

  it('pages the history newest first by number, each version once', async () => {
    const who = await business();
    const { journeyId } = await journeyWithVersions(who, 60);
    const first = await inTenant(who, (db) => listVersionsPage(db, journeyId));
    expect(first.rows.map((v) => v.number)).toEqual(Array.from({ length: VERSION_PAGE_SIZE }, (_, i) => 60 - i));
    expect(first.older).toBe(37);
    expect(first.rows[0]!.author).toBe('Test User');
    const second = await inTenant(who, (db) => listVersionsPage(db, journeyId, { before: first.older }));
    expect(second.rows.map((v) => v.number)).toEqual(Array.from({ length: VERSION_PAGE_SIZE }, (_, i) => 36 - i));
    const last = await inTenant(who, (db) => listVersionsPage(db, journeyId, { before: second.older }));
    expect(last.rows.map((v) => v.number)).toEqual(Array.from({ length: 12 }, (_, i) => 12 - i));
    expect(last.older).toBeUndefined();
    // A nonsense position is the newest page.
    expect((await inTenant(who, (db) => listVersionsPage(db, journeyId, { before: -3 }))).rows[0]!.number).toBe(60);
  });

  it('offers the newest versions to compare, plus the two compared, and finds others by number or name', async () => {
    const who = await business();
    const { journeyId, versionIds } = await journeyWithVersions(who, 60);
    const newest = await inTenant(who, (db) => versionChoices(db, journeyId));
    expect(newest.more).toBe(true);
    expect(newest.options.map((v) => v.number)).toEqual(Array.from({ length: VERSION_PICKER_LIMIT }, (_, i) => 60 - i));
    const withOld = await inTenant(who, (db) => versionChoices(db, journeyId, { include: [versionIds[1]!, versionIds[59]!, 'bukan-uuid'] }));
    expect(withOld.options).toHaveLength(VERSION_PICKER_LIMIT + 1);
    expect(withOld.options.at(-1)!.number).toBe(2);
    expect((await inTenant(who, (db) => versionChoices(db, journeyId, { q: '7' }))).options.map((v) => v.number)).toEqual([7]);
    expect((await inTenant(who, (db) => versionChoices(db, journeyId, { q: '#12' }))).options.map((v) => v.number)).toEqual([12]);
    expect((await inTenant(who, (db) => versionChoices(db, journeyId, { q: 'SURVEI' }))).options.map((v) => v.number)).toEqual([51, 41, 31, 21, 11, 1]);
    expect(await inTenant(who, (db) => versionChoices(db, journeyId, { q: 'tidak ada' }))).toEqual({ options: [], more: false });
  });

  it('is confined to the business and the journey', async () => {
    const a = await business('Usaha A');
    const b = await business('Usaha B');
    const ja = await journeyWithVersions(a, 3);
    const jb = await journeyWithVersions(b, 3);
    const other = await journeyWithVersions(a, 2);
    await expect(inTenant(a, (db) => listVersionsPage(db, jb.journeyId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(a, (db) => versionChoices(db, jb.journeyId))).rejects.toBeInstanceOf(NotFoundError);
    // Another business's version, or another journey's, is never added to the choices.
    const choices = await inTenant(a, (db) => versionChoices(db, ja.journeyId, { include: [jb.versionIds[0]!, other.versionIds[0]!] }));
    expect(choices.options.map((v) => v.id).sort()).toEqual([...ja.versionIds].sort());
    expect((await inTenant(b, (db) => listVersionsPage(db, jb.journeyId))).rows.map((v) => v.id)).toEqual([...jb.versionIds].reverse());
  });
});
