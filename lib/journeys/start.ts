/**
 * How a new journey starts: the empty stages of a model, or a template with examples. One form
 * field carries the choice as "model:<key>" or "template:<key>"; this turns it into what
 * createJourney needs, in the user's language.
 */
import type { BusinessType } from '../shared/business';
import { stageModelKeys, type StageModelKey } from './model';
import { getTemplate, stageNamesFor, templateForBusinessType, templateKeys, type TemplateKey } from './templates';
import type { NewJourney } from './queries';

export type JourneyStart = { kind: 'model'; model: StageModelKey } | { kind: 'template'; key: TemplateKey };

export const startValues = [...stageModelKeys.map((m) => `model:${m}`), ...templateKeys.map((k) => `template:${k}`)] as [string, ...string[]];

export function startValue(start: JourneyStart): string {
  return start.kind === 'model' ? `model:${start.model}` : `template:${start.key}`;
}

export function parseStart(value: string): JourneyStart | null {
  const [kind, key] = value.split(':');
  if (kind === 'model' && (stageModelKeys as string[]).includes(key ?? '')) return { kind, model: key as StageModelKey };
  if (kind === 'template' && (templateKeys as readonly string[]).includes(key ?? '')) return { kind, key: key as TemplateKey };
  return null;
}

/**
 * The choices in the order the form lists them: the template for the business's type first (it
 * is the one suggested and preselected), then the other templates, then the empty models.
 */
export function startChoices(type: BusinessType) {
  const recommended = templateForBusinessType(type);
  const templates = recommended ? [recommended, ...templateKeys.filter((k) => k !== recommended)] : [...templateKeys];
  const preselected: JourneyStart = recommended ? { kind: 'template', key: recommended } : { kind: 'model', model: 'five_stage' };
  return { recommended, templates, models: [...stageModelKeys], preselected: startValue(preselected) };
}

/** What createJourney needs besides name and persona, for a start in a language. */
export function journeyFromStart(start: JourneyStart, locale: 'id' | 'en'): Omit<NewJourney, 'name' | 'personaId'> {
  const stageNames = stageNamesFor(locale);
  if (start.kind === 'model') return { model: start.model, stageNames };
  const template = getTemplate(start.key, locale);
  return { model: template.model, stageNames, stages: template.stages, templateKey: template.key, isCycle: template.isCycle };
}
