'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { LIMITS, type RevisionMove } from '@/lib/journeys/model';
import { announceDetailsSaved } from './details-saved';

/** Name, persona and status of a journey; the map itself is saved by the editor below it. */
export function JourneyDetailsForm({
  action,
  journeyId,
  name,
  personaId,
  status,
  personas,
  statuses,
  submission,
}: {
  action: FormAction<RevisionMove>;
  journeyId: string;
  name: string;
  personaId: string | null;
  status: string;
  personas: { id: string; name: string }[];
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
  return (
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
      <SelectField
        key={personaId ?? ''}
        name="personaId"
        label={t('details.persona')}
        placeholder={t('details.no_persona')}
        options={personas.map((p) => ({ value: p.id, label: p.name }))}
        defaultValue={v.personaId ?? personaId ?? ''}
        error={err.personaId}
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
  );
}
