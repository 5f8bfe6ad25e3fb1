'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * Duplicate (opens the copy) and archive / restore. Both are easy to undo, so there is no
 * confirm step: a copy can be archived, an archived persona restored.
 */
export function PersonaActions({
  id,
  archived,
  duplicate,
  setArchived,
}: {
  id: string;
  archived: boolean;
  duplicate: FormAction<{ id: string }>;
  setArchived: FormAction<{ archived: boolean }>;
}) {
  const { t } = useTranslation('personas');
  const [dupState, dupAction] = useActionState(duplicate, idleState);
  const [archState, archAction] = useActionState(async (prev: ActionState<{ archived: boolean }>, fd: FormData) => {
    const result = await setArchived(prev, fd);
    // Say what happened: the page changes around the button, which a screen reader would not announce.
    if (result.status === 'ok' && result.data) return { ...result, message: result.data.archived ? t('actions.archived') : t('actions.restored') };
    return result;
  }, idleState);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={dupAction}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="secondary" pendingLabel={t('actions.duplicating')}>
            {t('actions.duplicate')}
          </SubmitButton>
        </form>
        <form action={archAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="archived" value={archived ? '0' : '1'} />
          <SubmitButton variant="secondary" pendingLabel={archived ? t('actions.restoring') : t('actions.archiving')}>
            {archived ? t('actions.restore') : t('actions.archive')}
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={dupState.message ? dupState : archState} />
    </div>
  );
}
