/**
 * The plain subtitle of a model stage's marketing name (glossary: "Kesadaran — mulai kenal usaha
 * Anda"): shop owners read "kesadaran", "retensi" and "advokasi" less easily than plain words, so
 * wherever a model stage is named on a screen its subtitle (journeys.json `stage_plain`) stands
 * beside it. Pure and type-only: safe in client components.
 */
import type { StageKey } from './model';

/** The model stages whose names are marketing terms; the others ("Pembelian", "Ulasan"…) are plain already. */
export const plainStageKeys = ['awareness', 'consideration', 'retention', 'advocacy'] as const satisfies readonly StageKey[];
export type PlainStageKey = (typeof plainStageKeys)[number];

type T = (key: string) => string;

/**
 * The subtitle key for a stage that still carries its model's marketing name ("Kesadaran", any
 * case), or null: a stage the owner renamed ("Mencari bengkel") already says it in their words.
 * `t` is the `journeys` namespace's.
 */
export function plainSubtitleKey(t: T, key: string | null | undefined, name: string): `stage_plain.${PlainStageKey}` | null {
  if (!key || !(plainStageKeys as readonly string[]).includes(key)) return null;
  const modelName = t(`stage_keys.${key}`).trim().toLocaleLowerCase();
  return name.trim().toLocaleLowerCase() === modelName ? `stage_plain.${key as PlainStageKey}` : null;
}
