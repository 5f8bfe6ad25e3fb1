'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonaPicker, PersonaSearchForm } from '@/components/personas/PersonaPicker';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { LIMITS } from '@/lib/journeys/limits';

export interface NewJourneyChoices {
  /** Template keys, the recommended one first, each with its number of stages. */
  templates: { key: string; stages: number }[];
  recommended: string | null;
  models: string[];
  preselected: string;
}

function StartOption({ value, label, description, meta, checked, badge }: { value: string; label: string; description?: string; meta?: string; checked: boolean; badge?: string }) {
  const id = `start-${value.replace(':', '-')}`;
  const described = description || meta || badge;
  // The whole card is the label, so a tap anywhere on it chooses the option; the accessible name
  // is the option's name alone, the rest is its description.
  return (
    <li>
      <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-3 has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-600">
        <input
          type="radio"
          name="start"
          value={value}
          defaultChecked={checked}
          aria-labelledby={`${id}-name`}
          aria-describedby={described ? `${id}-desc` : undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <span className="min-w-0">
          <span id={`${id}-name`} className="block font-semibold text-slate-900">
            {label}
          </span>
          {described ? (
            <span id={`${id}-desc`} className="block text-sm text-slate-700">
              {badge ? <span className="my-1 inline-block rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">{badge}</span> : null}
              {description ? <span className="block">{description}</span> : null}
              {meta ? <span className="block">{meta}</span> : null}
            </span>
          ) : null}
        </span>
      </label>
    </li>
  );
}

const personaSearchFormId = 'persona-search-new';

/** Name, persona and how to start (a template with examples, or a model's empty stages). */
export function NewJourneyForm({
  action,
  submission,
  personas,
  defaultPersona,
  personaMore = false,
  personaQuery,
  choices,
}: {
  action: FormAction<{ id: string }>;
  submission: string;
  personas: { id: string; name: string }[];
  defaultPersona: string;
  /** More personas than offered: the select gets a server search (`?persona_q=`). */
  personaMore?: boolean;
  personaQuery?: string;
  choices: NewJourneyChoices;
}) {
  const { t } = useTranslation('journeys');
  const [state, formAction] = useActionState<ActionState<{ id: string }>, FormData>(action, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const start = v.start ?? choices.preselected;
  return (
    <>
      <form action={formAction} className="space-y-5" noValidate>
        <FormMessage state={state} />
        <SubmissionId state={state} initial={submission} />
        <TextField name="name" label={t('new.name')} hint={t('new.name_hint')} defaultValue={v.name} error={err.name} maxLength={LIMITS.name} required />
        {personas.length > 0 || personaMore || personaQuery ? (
          <PersonaPicker
            searchFormId={personaSearchFormId}
            options={personas}
            defaultValue={v.personaId ?? defaultPersona}
            error={err.personaId}
            more={personaMore}
            query={personaQuery}
            labels={{
              label: t('new.persona'),
              hint: t('new.persona_hint'),
              none: t('new.no_persona'),
              search: t('new.persona_search'),
              submit: t('new.persona_search_submit'),
              more: t('new.persona_more'),
              found: t('new.persona_found', { q: personaQuery ?? '' }),
              notFound: t('new.persona_none', { q: personaQuery ?? '' }),
            }}
          />
        ) : (
          <p className="text-sm text-slate-700">{t('new.persona_none_yet')}</p>
        )}
        <fieldset aria-describedby={err.start ? 'start-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('new.start')}</legend>
          {err.start ? (
            <p id="start-error" className="mt-1 text-sm font-medium text-red-700">
              {err.start}
            </p>
          ) : null}
          <h2 className="mt-3 text-base font-semibold text-slate-900">{t('new.templates_heading')}</h2>
          <ul className="mt-2 space-y-2">
            {choices.templates.map(({ key, stages }) => (
              <StartOption
                key={key}
                value={`template:${key}`}
                label={t(`templates.${key}.name`)}
                description={t(`templates.${key}.description`)}
                meta={t('new.template_stages', { n: stages })}
                checked={start === `template:${key}`}
                badge={key === choices.recommended ? t('new.recommended') : undefined}
              />
            ))}
          </ul>
          <h2 className="mt-5 text-base font-semibold text-slate-900">{t('new.models_heading')}</h2>
          <ul className="mt-2 space-y-2">
            {choices.models.map((m) => (
              <StartOption key={m} value={`model:${m}`} label={t(`models.${m}`)} checked={start === `model:${m}`} />
            ))}
          </ul>
        </fieldset>
        <SubmitButton pendingLabel={t('new.submitting')} className="w-full sm:w-auto">
          {t('new.submit')}
        </SubmitButton>
      </form>
      {personaMore || personaQuery ? <PersonaSearchForm id={personaSearchFormId} action="/journeys/new" /> : null}
    </>
  );
}
