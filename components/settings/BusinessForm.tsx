'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useImageInput } from '@/components/ui/useImageInput';
import { idleState, type FormAction } from '@/lib/core/action-state';
import { IMAGE_MAX_BYTES, imageTypes } from '@/lib/images/limits';

interface Current {
  name: string;
  businessType: string;
  city: string;
  timeZone: string;
  /** The public pages' language ('id', 'en'), or '' to follow the customer's browser. */
  defaultLocale: string;
  /** Where the current logo is served; null when there is none. */
  logoSrc: string | null;
}

export function BusinessForm({
  action,
  current,
  businessTypes,
  timeZones,
  submission,
}: {
  action: FormAction;
  current: Current;
  businessTypes: string[];
  timeZones: string[];
  submission: string;
}) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState(action, idleState);
  const logo = useImageInput({ types: imageTypes, maxBytes: IMAGE_MAX_BYTES });
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};

  return (
    <form action={formAction} onSubmit={logo.onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      <TextField name="name" label={t('business.name')} defaultValue={v.name ?? current.name} error={err.name} autoComplete="organization" maxLength={120} required />
      <SelectField
        name="businessType"
        label={t('business.type')}
        options={businessTypes.map((b) => ({ value: b, label: tc(`business_types.${b}`) }))}
        defaultValue={v.businessType ?? current.businessType}
        error={err.businessType}
        required
      />
      <TextField name="city" label={t('business.city')} defaultValue={v.city ?? current.city} error={err.city} autoComplete="address-level2" maxLength={80} required />
      <SelectField
        name="timeZone"
        label={t('business.time_zone')}
        hint={t('business.time_zone_hint')}
        options={timeZones.map((z) => ({ value: z, label: tc(`time_zones.${z}`) }))}
        defaultValue={v.timeZone ?? current.timeZone}
        error={err.timeZone}
        required
      />
      <SelectField
        name="defaultLocale"
        label={t('business.default_locale')}
        hint={t('business.default_locale_hint')}
        options={[
          { value: '', label: t('business.default_locale_browser') },
          { value: 'id', label: t('business.default_locale_id') },
          { value: 'en', label: t('business.default_locale_en') },
        ]}
        defaultValue={v.defaultLocale ?? current.defaultLocale}
        error={err.defaultLocale}
      />
      {current.logoSrc ? (
        <div className="flex items-center gap-3">
          {/* Served by our own route at its natural small size: next/image would add nothing. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={current.logoSrc} alt={t('business.current_logo', { name: current.name })} width={64} height={64} className="h-16 w-16 rounded border border-slate-200 object-contain" />
          <label className="flex items-center gap-2 text-slate-800">
            <input type="checkbox" name="removeLogo" defaultChecked={v.removeLogo === 'on'} className="h-5 w-5 rounded border-slate-400 accent-brand-700" />
            {t('business.remove_logo')}
          </label>
        </div>
      ) : null}
      <TextField
        name="logo"
        type="file"
        label={t('business.logo')}
        hint={t('business.logo_hint')}
        error={logo.error ?? err.logo}
        accept={imageTypes.join(',')}
        onChange={logo.onChange}
      />
      <p role="status" aria-live="polite" className="-mt-3 min-h-5 text-sm text-slate-700">
        {logo.shrinking ? t('business.logo_shrinking') : ''}
      </p>
      <SubmitButton pendingLabel={t('business.saving')}>{t('business.save')}</SubmitButton>
    </form>
  );
}
