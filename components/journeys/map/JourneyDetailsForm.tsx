'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonaPicker, PersonaSearchForm } from '@/components/personas/PersonaPicker';
import { SelectField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { LIMITS } from '@/lib/journeys/limits';
import type { RevisionMove } from '@/lib/journeys/model';
import { announceDetailsSaved } from './details-saved';

/**
 * Name, persona and status of a journey; the map itself is saved by the editor below it. The
 * persona select holds what the server picked (`personaPicker`: the most recent ones or a search's
 * matches, and the current one); `personaMore`/`personaQuery` show its search (`?persona_q=`).
 */
export function JourneyDetailsForm({
  action,
  journeyId,
  name,
  personaId,
  status,
  personas,
  personaMore = false,
  personaQuery,
  statuses,
  submission,
}: {
  action: FormAction<RevisionMove>;
  journeyId: string;
  name: string;
  personaId: string | null;
  status: string;
  personas: { id: string; name: string }[];
  /** More active personas exist than offered: show the search. */
  personaMore?: boolean;
  /** The search the offered personas answer. */
  personaQuery?: string;
  statuses: string[];
  submission: string;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const [state, formAction] = useActionState<ActionState<RevisionMove>, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.status === 'ok' && result.data) announceDetailsSaved({ journeyId, ...result.data });
    return result;
  }, idleState);
  // After a refusal show what the user typed; after a save, what the server now holds (the keys
  // remount a field whose stored value changed).
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const err = state.fieldErrors ?? {};
  const searchFormId = `persona-search-${journeyId}`;
  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <SubmissionId state={state} initial={submission} />
        <input type="hidden" name="journeyId" value={journeyId} />
        {/* What the form was opened with: the server refuses to overwrite a teammate's change since. */}
        <input type="hidden" name="seenName" value={name} />
        <input type="hidden" name="seenPersonaId" value={personaId ?? ''} />
        <input type="hidden" name="seenStatus" value={status} />
        <TextField
          key={name}
          name="name"
          label={t('details.name')}
          defaultValue={v.name ?? name}
          error={err.name}
          maxLength={LIMITS.name}
          required
        />
        <PersonaPicker
          key={personaId ?? ''}
          options={personas}
          defaultValue={v.personaId ?? personaId ?? ''}
          error={err.personaId}
          more={personaMore}
          query={personaQuery}
          searchFormId={searchFormId}
          labels={{
            label: t('details.persona'),
            none: t('details.no_persona'),
            search: t('details.persona_search'),
            submit: t('details.persona_search_submit'),
            more: t('details.persona_more'),
            found: t('details.persona_found', { q: personaQuery ?? '' }),
            notFound: t('details.persona_none', { q: personaQuery ?? '' }),
          }}
        />
        <SelectField
          key={status}
          name="status"
          label={t('details.status')}
          options={statuses.map((s) => ({ value: s, label: tj(`statuses.${s}`) }))}
          defaultValue={v.status ?? status}
          error={err.status}
        />
        <SubmitButton pendingLabel={t('details.saving')}>{t('details.submit')}</SubmitButton>
      </form>
      {personaMore || personaQuery ? <PersonaSearchForm id={searchFormId} action={`/journeys/${journeyId}`} /> : null}
    </>
  );
}
