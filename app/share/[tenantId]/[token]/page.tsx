import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmotionCurve } from '@/components/journeys/EmotionCurve';
import { StageCards } from '@/components/journeys/StageCards';
import { getT } from '@/lib/i18n/server';
import { resolveShareLink } from '@/lib/journeys/sharing';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { idOr404 } from '@/lib/core/not-found';
import { clientIp } from '@/lib/core/request';
import { inTenant } from '@/lib/core/tenancy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  // The journey's name stays out of the title: titles end up in history and shared previews.
  return { title: t('public.page_title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** A shared map, read-only, for anyone holding the link; revoked or unknown links are 404. */
export default async function SharedJourneyPage({ params }: { params: Promise<{ tenantId: string; token: string }> }) {
  const { tenantId: rawTenantId, token } = await params;
  const tenantId = idOr404(rawTenantId);
  // One transaction in the link's business, as an anonymous visitor: the link alone grants reading
  // this one journey. Misses count towards the address's limit of link guesses.
  const shared = await guardedLookup(await clientIp(), () => inTenant({ tenantId, userId: '' }, (db) => resolveShareLink(db, token)));
  if (!shared) notFound();
  const { doc, tenantName } = shared;
  const { t } = await getT('versions');
  return (
    <>
      <p className="text-sm font-medium text-slate-700">{t('public.shared_by', { business: tenantName })}</p>
      <h1 className="mt-1 text-2xl font-bold wrap-anywhere">{doc.name}</h1>
      <p className="mt-1 text-slate-700">{t('public.read_only')}</p>
      {doc.persona ? <p className="mt-2 text-slate-800">{t('map.persona', { name: doc.persona.name })}</p> : null}
      {doc.isCycle ? <p className="mt-1 text-slate-800">{t('map.cycle')}</p> : null}
      <div className="mt-4">
        <EmotionCurve stages={doc.stages.map((s) => ({ name: s.name, score: s.emotion.score }))} />
      </div>
      <div className="mt-4">
        <StageCards stages={doc.stages} />
      </div>
      <p className="mt-8 text-sm text-slate-700">{t('public.made_with')}</p>
    </>
  );
}
