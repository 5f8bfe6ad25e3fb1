'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type FormAction } from '@/lib/core/action-state';

/** Owner or staff, for one member. Its label names the member, as several sit on one page. */
export function RoleForm({ action, userId, name, role, roles }: { action: FormAction; userId: string; name: string; role: string; roles: readonly string[] }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState(action, idleState);
  const id = `role-${userId}`;
  const shown = state.status === 'error' ? (state.values?.role ?? role) : role;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t('members.role_for', { name })}
      </label>
      <div className="flex flex-wrap gap-2">
        <select
          key={shown}
          id={id}
          name="role"
          defaultValue={shown}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {tc(`roles.${r}`)}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingLabel={t('members.saving')}>
          {tc('actions.save')}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
