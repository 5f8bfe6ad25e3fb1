/**
 * The ready templates: valid maps in both languages (they must pass the same checks as a saved or
 * imported journey), filled in rather than skeletons, and the same in Indonesian and English item
 * for item, so switching language never loses a card.
 */
import { describe, expect, it } from 'vitest';
import enJourneys from '@/locales/en/journeys.json';
import idJourneys from '@/locales/id/journeys.json';
import { businessType } from '@/db/schema';
import { getTemplate, isTemplateKey, stageNamesFor, templateForBusinessType, templateKeys } from '@/lib/journeys/templates';
import { JOURNEY_FORMAT, JOURNEY_FORMAT_VERSION, journeyDocSchema, LIMITS, stageModels, stageSchema, textLanes } from '@/lib/journeys/model';

const locales = ['id', 'en'] as const;

describe('journey templates', () => {
  it('cover the business types the brief names', () => {
    expect([...templateKeys].sort()).toEqual(['bengkel', 'cafe', 'laundry', 'online_shop', 'retail', 'salon', 'warung']);
  });

  for (const key of templateKeys) {
    for (const locale of locales) {
      it(`${key} (${locale}) is a valid journey with its model's stages, in order`, () => {
        const tpl = getTemplate(key, locale);
        expect(tpl.key).toBe(key);
        expect(tpl.stages.length).toBeGreaterThanOrEqual(3);
        expect(tpl.stages.map((s) => s.key)).toEqual([...stageModels[tpl.model]]);
        for (const s of tpl.stages) {
          const parsed = stageSchema.safeParse(s);
          expect(parsed.success, `${key}/${s.key}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
          // Parsing changes nothing: the template is already in its stored form (trimmed, no defaults missing).
          expect(parsed.data).toEqual(s);
        }
        const doc = journeyDocSchema.safeParse({ format: JOURNEY_FORMAT, version: JOURNEY_FORMAT_VERSION, name: key, stageModel: tpl.model, isCycle: tpl.isCycle, stages: tpl.stages });
        expect(doc.success, JSON.stringify(doc.error?.issues)).toBe(true);
      });

      it(`${key} (${locale}) is filled in: every stage has an emotion, a metric and short items in most lanes`, () => {
        const tpl = getTemplate(key, locale);
        for (const s of tpl.stages) {
          expect(s.emotion.score, `${key}/${s.key} emotion`).not.toBeNull();
          expect(s.emotion.note, `${key}/${s.key} emotion note`).not.toBe('');
          expect(s.metric, `${key}/${s.key} metric`).not.toBe('');
          expect(s.lanes.touchpoints.length, `${key}/${s.key} touchpoints`).toBeGreaterThan(0);
          const filled = textLanes.filter((lane) => s.lanes[lane].length > 0);
          expect(filled, `${key}/${s.key} lanes`).toEqual([...textLanes]);
          for (const lane of textLanes) {
            expect(s.lanes[lane].length, `${key}/${s.key}/${lane}`).toBeLessThanOrEqual(5);
            for (const item of s.lanes[lane]) expect(item.length, `${key}/${s.key}/${lane}: ${item}`).toBeLessThanOrEqual(80);
          }
        }
      });
    }

    it(`${key} has the same shape in Indonesian and English`, () => {
      const id = getTemplate(key, 'id');
      const en = getTemplate(key, 'en');
      expect(en.model).toBe(id.model);
      expect(en.isCycle).toBe(id.isCycle);
      expect(en.stages.length).toBe(id.stages.length);
      id.stages.forEach((s, i) => {
        const e = en.stages[i]!;
        expect(e.key).toBe(s.key);
        expect(e.emotion.score).toBe(s.emotion.score);
        expect(e.lanes.touchpoints.map((t) => t.channel)).toEqual(s.lanes.touchpoints.map((t) => t.channel));
        for (const lane of textLanes) expect(e.lanes[lane].length, `${key}/${s.key}/${lane}`).toBe(s.lanes[lane].length);
      });
    });
  }

  it('names stages as the UI does (journeys.json stage_keys)', () => {
    const bengkelId = getTemplate('bengkel', 'id');
    expect(bengkelId.stages.map((s) => s.name)).toEqual(['awareness', 'consideration', 'purchase', 'retention', 'advocacy'].map((k) => idJourneys.stage_keys[k as 'awareness']));
    expect(getTemplate('warung', 'en').stages.map((s) => s.name)).toEqual([enJourneys.stage_keys.pre_purchase, enJourneys.stage_keys.purchase, enJourneys.stage_keys.post_purchase]);
    expect(stageNamesFor('id').advocacy).toBe('Advokasi');
    expect(stageNamesFor('en').advocacy).toBe('Advocacy');
  });

  it('tells the seed 004 stories: the workshop that does not pick up, the shop website without specifications', () => {
    const b = getTemplate('bengkel', 'id').stages.flatMap((s) => s.lanes.painPoints);
    expect(b).toContain('Bengkel pertama tidak mengangkat telepon');
    expect(b).toContain('Baru bisa dilayani beberapa hari lagi');
    const r = getTemplate('retail', 'en').stages.flatMap((s) => s.lanes.painPoints);
    expect(r.some((p) => /no specifications/.test(p))).toBe(true);
    expect(getTemplate('bengkel', 'id').stages[1]!.lanes.questions).toContain('Kenapa harus di sini, bukan di tempat lain?');
  });

  it('hands out a fresh copy each time (a caller may edit it)', () => {
    const a = getTemplate('cafe', 'id');
    a.stages[0]!.lanes.actions.push('x');
    expect(getTemplate('cafe', 'id').stages[0]!.lanes.actions).not.toContain('x');
  });

  it('matches each business type to its template, and none for "other"', () => {
    for (const type of businessType.enumValues) {
      const key = templateForBusinessType(type);
      if (type === 'other') expect(key).toBeNull();
      else expect(key).toBe(type);
    }
    expect(isTemplateKey('bengkel')).toBe(true);
    expect(isTemplateKey('toString')).toBe(false);
  });

  it('stays within the map limits', () => {
    for (const key of templateKeys) expect(getTemplate(key, 'id').stages.length).toBeLessThanOrEqual(LIMITS.stages);
  });

  it('has a name and a description for every template in both languages', () => {
    const idTemplates = (idJourneys as unknown as { templates: Record<string, { name: string; description: string }> }).templates;
    const enTemplates = (enJourneys as unknown as { templates: Record<string, { name: string; description: string }> }).templates;
    for (const key of templateKeys) {
      expect(idTemplates[key]?.name, key).toBeTruthy();
      expect(idTemplates[key]?.description, key).toBeTruthy();
      expect(enTemplates[key]?.name, key).toBeTruthy();
      expect(enTemplates[key]?.description, key).toBeTruthy();
    }
  });
});
