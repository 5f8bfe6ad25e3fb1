'use client';

import { useActionState, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { incentivePhrases } from '@/lib/reviews/incentive';
import { REVIEW_LIMITS } from '@/lib/reviews/limits';

/** A journey the link may point at, with its stages in map order and each stage's touchpoint labels. */
export interface LinkJourneyOption {
  id: string;
  name: string;
  stages: { id: string; name: string; touchpoints: string[] }[];
}

/** What the form starts with: the friendly defaults for a new link, or the link's own values. */
export interface LinkFormValues {
  journeyId: string;
  stageId: string;
  touchpoint: string;
  title: string;
  thankYou: string;
  askNps: boolean;
  askComment: boolean;
  askContact: boolean;
  askTestimonial: boolean;
  googleMapsUrl: string;
  /** 'YYYY-MM-DD' in the business's time zone, or ''. */
  expiresAt: string;
}

const selectClass =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-12 cursor-pointer items-start gap-3 py-1">
      <input type="checkbox" name={name} defaultChecked={checked} className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700" />
      <span className="text-slate-900">{label}</span>
    </label>
  );
}

/**
 * Creates or edits a review link: journey, then one of its stages (the stage list follows the
 * chosen journey), an optional touchpoint (suggested from the stage's touchpoints), the texts the
 * customer reads, the questions, Google Maps and expiry. The texts are checked for incentive
 * wording as they are typed: a friendly warning about Google's policy, never a refusal.
 */
export function ReviewLinkForm({
  action,
  journeys,
  initial,
  mode,
  linkId,
  submission,
}: {
  action: FormAction<{ id: string; slug: string }>;
  journeys: LinkJourneyOption[];
  initial: LinkFormValues;
  mode: 'new' | 'edit';
  linkId?: string;
  submission: string;
}) {
  const { t } = useTranslation('reviews');
  const [state, formAction] = useActionState<ActionState<{ id: string; slug: string }>, FormData>(action, idleState);
  const v = state.values;
  const err = state.fieldErrors ?? {};
  const [journeyId, setJourneyId] = useState(initial.journeyId || journeys[0]?.id || '');
  const [stageId, setStageId] = useState(initial.stageId);
  const [title, setTitle] = useState(initial.title);
  const [thankYou, setThankYou] = useState(initial.thankYou);
  const journey = journeys.find((j) => j.id === journeyId);
  const stage = journey?.stages.find((s) => s.id === stageId);
  const phrases = [...new Set([...incentivePhrases(title), ...incentivePhrases(thankYou)])];
  const checked = (name: keyof LinkFormValues) => (v ? v[name] === 'on' : Boolean(initial[name]));
  const id = mode === 'new' ? 'new-link' : 'edit-link';

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      {linkId ? <input type="hidden" name="id" value={linkId} /> : null}

      <div>
        <label htmlFor={`${id}-journey`} className="block text-sm font-medium text-slate-800">
          {t('form.journey')}
        </label>
        <select
          id={`${id}-journey`}
          name="journeyId"
          value={journeyId}
          onChange={(e) => {
            setJourneyId(e.target.value);
            setStageId('');
          }}
          aria-invalid={err.journeyId ? true : undefined}
          aria-describedby={err.journeyId ? `${id}-journey-error` : undefined}
          className={selectClass}
        >
          {journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
        {err.journeyId ? (
          <p id={`${id}-journey-error`} className="mt-1 text-sm font-medium text-red-700">
            {err.journeyId}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor={`${id}-stage`} className="block text-sm font-medium text-slate-800">
          {t('form.stage')}
        </label>
        <select
          id={`${id}-stage`}
          name="stageId"
          value={stageId}
          onChange={(e) => setStageId(e.target.value)}
          required
          aria-invalid={err.stageId ? true : undefined}
          aria-describedby={[err.stageId ? `${id}-stage-error` : '', journey && journey.stages.length === 0 ? `${id}-stage-none` : ''].filter(Boolean).join(' ') || undefined}
          className={selectClass}
        >
          <option value="">{t('form.stage_placeholder')}</option>
          {journey?.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {journey && journey.stages.length === 0 ? (
          <p id={`${id}-stage-none`} className="mt-1 text-sm text-slate-700">
            {t('form.no_stages')}
          </p>
        ) : null}
        {err.stageId ? (
          <p id={`${id}-stage-error`} className="mt-1 text-sm font-medium text-red-700">
            {err.stageId}
          </p>
        ) : null}
      </div>

      <TextField
        name="touchpoint"
        label={t('form.touchpoint')}
        hint={t('form.touchpoint_hint')}
        defaultValue={v?.touchpoint ?? initial.touchpoint}
        error={err.touchpoint}
        maxLength={REVIEW_LIMITS.touchpoint}
        list={stage && stage.touchpoints.length ? `${id}-touchpoints` : undefined}
        autoComplete="off"
      />
      {stage && stage.touchpoints.length ? (
        <datalist id={`${id}-touchpoints`}>
          {stage.touchpoints.map((tp) => (
            <option key={tp} value={tp} />
          ))}
        </datalist>
      ) : null}

      <TextField
        name="title"
        label={t('form.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={err.title}
        maxLength={REVIEW_LIMITS.title}
        required
      />
      <TextAreaField
        name="thankYou"
        label={t('form.thank_you')}
        value={thankYou}
        onChange={(e) => setThankYou(e.target.value)}
        error={err.thankYou}
        maxLength={REVIEW_LIMITS.thankYou}
      />
      {phrases.length ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t('form.incentive_title')}</p>
          <p className="mt-1">{t('form.incentive_body', { phrases: phrases.join('”, “') })}</p>
        </div>
      ) : null}

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('form.questions')}</legend>
        <p className="mt-1 text-sm text-slate-700">{t('form.questions_hint')}</p>
        <div className="mt-2">
          <Check name="askNps" label={t('form.ask_nps')} checked={checked('askNps')} />
          <Check name="askComment" label={t('form.ask_comment')} checked={checked('askComment')} />
          <Check name="askContact" label={t('form.ask_contact')} checked={checked('askContact')} />
          <Check name="askTestimonial" label={t('form.ask_testimonial')} checked={checked('askTestimonial')} />
        </div>
      </fieldset>

      <TextField
        name="googleMapsUrl"
        type="url"
        inputMode="url"
        label={t('form.google_maps')}
        hint={t('form.google_maps_hint')}
        defaultValue={v?.googleMapsUrl ?? initial.googleMapsUrl}
        error={err.googleMapsUrl}
        maxLength={REVIEW_LIMITS.googleMapsUrl}
        placeholder="https://g.page/r/…"
      />
      <TextField
        name="expiresAt"
        type="date"
        label={t('form.expires')}
        hint={t('form.expires_hint')}
        defaultValue={v?.expiresAt ?? initial.expiresAt}
        error={err.expiresAt}
      />

      <SubmitButton pendingLabel={t(mode === 'new' ? 'form.submitting_new' : 'form.submitting_edit')} className="w-full sm:w-auto">
        {t(mode === 'new' ? 'form.submit_new' : 'form.submit_edit')}
      </SubmitButton>
    </form>
  );
}
