import { useTranslation } from 'react-i18next';
import { HONEYPOT_FIELD } from '@/lib/core/honeypot';

/**
 * Anti-spam for public forms: a field that people never see nor reach with the keyboard, and
 * that screen readers skip. Bots that fill in every input give themselves away.
 */
export function Honeypot() {
  const { t } = useTranslation('common');
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={HONEYPOT_FIELD}>{t('honeypot_label')}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
