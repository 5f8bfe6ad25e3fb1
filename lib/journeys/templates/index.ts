/**
 * Ready journeys per kind of business, prefilled with realistic lanes in Indonesian or English, for
 * an owner who would rather edit an example than face an empty map. One file per template in
 * lib/journey-templates/; names and descriptions shown to users are in journeys.json `templates`.
 */
import type { BusinessType } from '../../shared/business';
import { bengkel } from './bengkel';
import { cafe } from './cafe';
import { build, type JourneyTemplate, type Locale, type TemplateDef } from './define';
import { laundry } from './laundry';
import { onlineShop } from './online-shop';
import { retail } from './retail';
import { salon } from './salon';
import { warung } from './warung';

export { stageNamesFor, type JourneyTemplate, type TemplateStage } from './define';

/** In the order the "new journey" form lists them. Each key is also the business type it suits. */
export const templateKeys = ['bengkel', 'cafe', 'salon', 'laundry', 'online_shop', 'retail', 'warung'] as const satisfies readonly BusinessType[];
export type TemplateKey = (typeof templateKeys)[number];

const definitions: { [K in TemplateKey]: TemplateDef<K> } = { bengkel, cafe, salon, laundry, online_shop: onlineShop, retail, warung };

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === 'string' && (templateKeys as readonly string[]).includes(value);
}

/** The template for a kind of business, or null when there is none (type 'other'). */
export function templateForBusinessType(type: BusinessType): TemplateKey | null {
  return isTemplateKey(type) ? type : null;
}

/** A template's stages in one language, ready for createJourney({ stages }). A fresh copy every call. */
export function getTemplate<K extends TemplateKey>(key: K, locale: Locale): JourneyTemplate<K> {
  return build<K>(definitions[key], locale);
}
