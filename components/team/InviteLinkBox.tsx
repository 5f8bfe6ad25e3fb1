'use client';

import { useTranslation } from 'react-i18next';
import { LinkBox } from '@/components/ui/LinkBox';

/** The new invite link, ready to copy or to send on WhatsApp. */
export function InviteLinkBox({ link, expires, business }: { link: string; expires: string; business: string }) {
  const { t } = useTranslation('team');
  return (
    <LinkBox
      id="invite-link"
      link={link}
      label={t('invite.link_label')}
      note={t('invite.link_note', { date: expires })}
      whatsAppMessage={t('invite.whatsapp_message', { business, link })}
      whatsAppLabel={t('invite.share_whatsapp')}
      copyFailed={t('invite.copy_failed')}
    />
  );
}
