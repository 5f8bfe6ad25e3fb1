'use client';

import { useTranslation } from 'react-i18next';
import { LinkBox } from '@/components/ui/LinkBox';

/** The new share link, shown this once: copy it, or send it on WhatsApp. */
export function ShareLinkBox({ link, journey, business }: { link: string; journey: string; business: string }) {
  const { t } = useTranslation('versions');
  return (
    <LinkBox
      id="share-link"
      link={link}
      label={t('share.link_label')}
      note={t('share.link_note')}
      whatsAppMessage={t('share.whatsapp_message', { journey, business, link })}
      whatsAppLabel={t('share.share_whatsapp')}
      copyFailed={t('share.copy_failed')}
    />
  );
}
