'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useImageInput } from '@/components/ui/useImageInput';
import { idleState, type FormAction } from '@/lib/core/action-state';
import { channels } from '@/lib/shared/journeys';
import {
  avatarColors,
  blankPersonaTexts,
  genders,
  PERSONA_NAME_MAX,
  personaTextFields as max,
  PHOTO_MAX_BYTES,
  photoTypes,
  type PersonaTextField,
} from '@/lib/personas/fields';
import { avatarBackground, PersonaAvatar } from './PersonaAvatar';

/** What the form starts from: a stored persona, or blanks for a new one. */
export type PersonaValues = {
  id?: string;
  name: string;
  avatarColor: string;
  /** Where the current photo is served; null when there is none. */
  photoSrc: string | null;
  preferredChannels: string[];
} & Record<PersonaTextField, string>;

export const blankPersona: PersonaValues = { name: '', avatarColor: 'emerald', photoSrc: null, preferredChannels: [], ...blankPersonaTexts };

const sectionClass = 'space-y-4 rounded-xl bg-white p-4 shadow-sm';

/**
 * Create or edit a persona. The long form is cut into three sections so it stays manageable on a
 * phone; the save button stays in reach at the bottom of the screen.
 */
export function PersonaForm<D>({ action, current, submission, readOnly = false }: { action: FormAction<D>; current: PersonaValues; submission?: string; readOnly?: boolean }) {
  const { t } = useTranslation('personas');
  const { t: tj } = useTranslation('journeys');
  const [state, formAction] = useActionState(action, idleState);
  const photo = useImageInput({ types: photoTypes, maxBytes: PHOTO_MAX_BYTES });
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const [preview, setPreview] = useState({ name: v.name ?? current.name, color: v.avatarColor ?? current.avatarColor });
  const formRef = useRef<HTMLFormElement>(null);

  // The button is at the bottom of a long form: take the user to the first field to fix.
  useEffect(() => {
    if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const text = (name: 'name' | PersonaTextField) => v[name] ?? current[name];
  const checkedChannel = (c: string) => (state.values ? v[`channel_${c}`] === 'on' : current.preferredChannels.includes(c));
  const genderOptions = [
    ...genders.map((g) => ({ value: g, label: t(`gender.${g}`) })),
    // A value from an imported file that is not one of ours: keep it selectable rather than lose it.
    ...(current.gender && !(genders as readonly string[]).includes(current.gender) ? [{ value: current.gender, label: current.gender }] : []),
  ];

  return (
    // onSubmit: sent only once the photo is small enough and the whole form fits in what a request may carry.
    <form ref={formRef} action={formAction} onSubmit={photo.onSubmit} className="space-y-4" noValidate>
      {submission ? <SubmissionId state={state} initial={submission} /> : null}
      {current.id ? <input type="hidden" name="id" value={current.id} /> : null}
      <fieldset disabled={readOnly} className="space-y-4">
        <section aria-labelledby="section-who" className={sectionClass}>
          <h2 id="section-who" className="text-lg font-semibold">
            {t('sections.who')}
          </h2>
          <div className="flex items-center gap-3">
            <PersonaAvatar name={preview.name || '?'} color={preview.color} photoSrc={current.photoSrc} size="lg" />
            <div className="min-w-0 flex-1">
              <TextField
                name="name"
                label={t('fields.name')}
                hint={t('hints.name')}
                defaultValue={text('name')}
                error={err.name}
                maxLength={PERSONA_NAME_MAX}
                required
                onChange={(e) => setPreview((p) => ({ ...p, name: e.target.value }))}
              />
            </div>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t('fields.avatar_color')}</legend>
            <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {avatarColors.map((c) => (
                <label key={c} className="flex items-center gap-2 rounded-lg border border-slate-300 px-2 py-2 text-sm text-slate-900 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
                  <input
                    type="radio"
                    name="avatarColor"
                    value={c}
                    defaultChecked={(v.avatarColor ?? current.avatarColor) === c}
                    onChange={() => setPreview((p) => ({ ...p, color: c }))}
                    className="h-4 w-4 accent-brand-700"
                  />
                  <span aria-hidden="true" className={`h-5 w-5 shrink-0 rounded-full ${avatarBackground(c)}`} />
                  {t(`colors.${c}`)}
                </label>
              ))}
            </div>
            {err.avatarColor ? <p className="mt-1 text-sm font-medium text-red-700">{err.avatarColor}</p> : null}
          </fieldset>
          {current.photoSrc ? (
            <label className="flex items-center gap-2 text-slate-800">
              <input type="checkbox" name="removePhoto" defaultChecked={v.removePhoto === 'on'} className="h-5 w-5 rounded border-slate-400 accent-brand-700" />
              {t('fields.remove_photo')}
            </label>
          ) : null}
          <TextField
            name="photo"
            type="file"
            label={t('fields.photo')}
            hint={t('hints.photo')}
            error={photo.error ?? err.photo}
            accept={photoTypes.join(',')}
            onChange={photo.onChange}
          />
          <p role="status" aria-live="polite" className="-mt-3 min-h-5 text-sm text-slate-700">
            {photo.shrinking ? t('hints.photo_shrinking') : ''}
          </p>
          <TextField name="ageRange" label={t('fields.age_range')} hint={t('hints.age_range')} defaultValue={text('ageRange')} error={err.ageRange} maxLength={max.ageRange} />
          <SelectField
            name="gender"
            label={t('fields.gender')}
            placeholder={t('gender.none')}
            options={genderOptions}
            defaultValue={text('gender')}
            error={err.gender}
          />
          <TextField name="location" label={t('fields.location')} defaultValue={text('location')} error={err.location} maxLength={max.location} autoComplete="off" />
          <TextField name="occupation" label={t('fields.occupation')} defaultValue={text('occupation')} error={err.occupation} maxLength={max.occupation} autoComplete="off" />
        </section>

        <section aria-labelledby="section-habits" className={sectionClass}>
          <h2 id="section-habits" className="text-lg font-semibold">
            {t('sections.habits')}
          </h2>
          <TextAreaField name="lifestyle" label={t('fields.lifestyle')} hint={t('hints.lifestyle')} defaultValue={text('lifestyle')} error={err.lifestyle} maxLength={max.lifestyle} />
          <TextAreaField name="personality" label={t('fields.personality')} defaultValue={text('personality')} error={err.personality} maxLength={max.personality} />
          <TextAreaField
            name="shoppingPreferences"
            label={t('fields.shopping_preferences')}
            hint={t('hints.shopping_preferences')}
            defaultValue={text('shoppingPreferences')}
            error={err.shoppingPreferences}
            maxLength={max.shoppingPreferences}
          />
          <fieldset aria-describedby="channels-hint">
            <legend className="text-sm font-medium text-slate-800">{t('fields.preferred_channels')}</legend>
            <p id="channels-hint" className="mt-1 text-sm text-slate-600">
              {t('hints.preferred_channels')}
            </p>
            <div className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
              {channels.map((c) => (
                <label key={c} className="flex min-h-11 items-center gap-2 text-slate-900">
                  <input type="checkbox" name={`channel_${c}`} defaultChecked={checkedChannel(c)} className="h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-700" />
                  {tj(`channels.${c}`)}
                </label>
              ))}
            </div>
            {err.preferredChannels ? <p className="mt-1 text-sm font-medium text-red-700">{err.preferredChannels}</p> : null}
          </fieldset>
          <TextField name="activeTimes" label={t('fields.active_times')} hint={t('hints.active_times')} defaultValue={text('activeTimes')} error={err.activeTimes} maxLength={max.activeTimes} />
        </section>

        <section aria-labelledby="section-goals" className={sectionClass}>
          <h2 id="section-goals" className="text-lg font-semibold">
            {t('sections.goals')}
          </h2>
          <TextAreaField name="goals" label={t('fields.goals')} hint={t('hints.goals')} defaultValue={text('goals')} error={err.goals} maxLength={max.goals} />
          <TextAreaField name="painPoints" label={t('fields.pain_points')} hint={t('hints.pain_points')} defaultValue={text('painPoints')} error={err.painPoints} maxLength={max.painPoints} />
          <TextAreaField name="expectations" label={t('fields.expectations')} hint={t('hints.expectations')} defaultValue={text('expectations')} error={err.expectations} maxLength={max.expectations} />
          <TextAreaField name="brandView" label={t('fields.brand_view')} hint={t('hints.brand_view')} defaultValue={text('brandView')} error={err.brandView} maxLength={max.brandView} />
          <TextAreaField name="notes" label={t('fields.notes')} defaultValue={text('notes')} error={err.notes} maxLength={max.notes} rows={4} />
        </section>
      </fieldset>
      {readOnly ? null : (
        <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-slate-200 bg-white px-4 py-3">
          <FormMessage state={state} />
          <SubmitButton pendingLabel={t('actions.saving')} className="w-full sm:w-auto">
            {t('actions.save')}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
