/**
 * How a template is written: every text as an [Indonesian, English] pair, side by side, so the two
 * languages cannot drift apart in shape and a translator sees both at once. `build` turns a
 * definition into the stages of one language.
 */
import enJourneys from '@/locales/en/journeys.json';
import idJourneys from '@/locales/id/journeys.json';
import { stageKeys, type Channel, type StageDoc, type StageKey, type StageModelKey } from '../model';

export type Locale = 'id' | 'en';
/** [Indonesian, English] */
export type Text = readonly [id: string, en: string];
/** A catalogue channel with an optional label, or 'custom' with a required one. */
export type TouchpointDef = readonly [channel: Channel] | readonly [channel: Channel | 'custom', label: Text];
export type Score = -2 | -1 | 0 | 1 | 2;

export interface StageDef {
  key: StageKey;
  emotion: readonly [score: Score, note: Text];
  metric: Text;
  actions: readonly Text[];
  touchpoints: readonly TouchpointDef[];
  questions: readonly Text[];
  painPoints: readonly Text[];
  opportunities: readonly Text[];
  content: readonly Text[];
}

export interface TemplateDef<K extends string = string> {
  key: K;
  model: Exclude<StageModelKey, 'blank'>;
  isCycle: boolean;
  stages: readonly StageDef[];
}

export type TemplateStage = Omit<StageDoc, 'id'>;

export interface JourneyTemplate<K extends string = string> {
  key: K;
  model: Exclude<StageModelKey, 'blank'>;
  isCycle: boolean;
  stages: TemplateStage[];
}

const stageNameTables: Record<Locale, Record<StageKey, string>> = {
  id: idJourneys.stage_keys,
  en: enJourneys.stage_keys,
};

/** The model stages' names in a language, the same ones the UI shows (journeys.json stage_keys). */
export function stageNamesFor(locale: Locale): Record<StageKey, string> {
  return Object.fromEntries(stageKeys.map((k) => [k, stageNameTables[locale][k]])) as Record<StageKey, string>;
}

const pick = (text: Text, locale: Locale) => (locale === 'id' ? text[0] : text[1]);

export function build<K extends string>(def: TemplateDef<K>, locale: Locale): JourneyTemplate<K> {
  const names = stageNamesFor(locale);
  const texts = (list: readonly Text[]) => list.map((x) => pick(x, locale));
  return {
    key: def.key,
    model: def.model,
    isCycle: def.isCycle,
    stages: def.stages.map((s) => ({
      key: s.key,
      name: names[s.key],
      emotion: { score: s.emotion[0], note: pick(s.emotion[1], locale) },
      metric: pick(s.metric, locale),
      lanes: {
        actions: texts(s.actions),
        touchpoints: s.touchpoints.map(([channel, label]) => ({ channel, label: label ? pick(label, locale) : '' })),
        questions: texts(s.questions),
        painPoints: texts(s.painPoints),
        opportunities: texts(s.opportunities),
        content: texts(s.content),
      },
    })),
  };
}

/** The four questions of seed 003, asked at the consideration stage of almost any purchase. */
export const q = {
  rightProduct: ['Apakah ini produk yang tepat?', 'Is this the right product?'],
  rightService: ['Apakah ini layanan yang tepat untuk saya?', 'Is this the right service for me?'],
  whyHere: ['Kenapa harus di sini, bukan di tempat lain?', 'Why here and not somewhere else?'],
  waitDiscount: ['Perlu menunggu diskon?', 'Should I wait for a discount?'],
  competitor: ['Apakah pesaing punya penawaran lebih baik?', 'Does a competitor have a better offer?'],
  whereReview: ['Di mana saya bisa menulis ulasan?', 'Where can I leave a review?'],
} as const satisfies Record<string, Text>;
