'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type FormAction } from '@/lib/core/action-state';

/**
 * The testimonial page's address: claimed the first time (prefilled with a suggestion from the
 * business's name), changed later. The server normalises what was typed ("Bengkel Maju Jaya" →
 * "bengkel-maju-jaya") and answers a broken rule or a taken address under the field.
 */
export function TestimonialPageForm({
  action,
  initialSlug,
  mode,
  prefix,
  submission,
}: {
  action: FormAction<{ slug: string }>;
  initialSlug: string;
  mode: 'create' | 'rename';
  /** The public address up to the slug ("https://jejak.example/t/"), for the hint. */
  prefix: string;
  submission: string;
}) {
  const { t } = useTranslation('testimonials');
  const [state, formAction] = useActionState(action, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      <TextField
        // A new address from the server (after a rename) replaces what the field shows.
        key={initialSlug}
        name="slug"
        label={mode === 'create' ? t('owner.slug') : t('owner.rename_heading')}
        hint={`${t('owner.slug_hint', { prefix })}${mode === 'rename' ? ` ${t('owner.rename_hint')}` : ''}`}
        defaultValue={v.slug ?? initialSlug}
        error={err.slug}
        maxLength={80}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <SubmitButton pendingLabel={mode === 'create' ? t('owner.creating') : t('owner.renaming')} className="min-h-12">
        {mode === 'create' ? t('owner.create') : t('owner.rename')}
      </SubmitButton>
    </form>
  );
}
