import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ShareForm } from '@/components/journeys/ShareForm';
import { ShareLinkList } from '@/components/journeys/ShareLinkList';
import { ToolsNav } from '@/components/journeys/ToolsNav';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { listShareLinks } from '@/lib/journeys/sharing';
import { getJourney } from '@/lib/journeys/queries';
import { createShareLinkAction, revokeShareLinkAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('share.title') };
}

/** Getting the map out of the app: a read-only link, a JSON file, a printout. */
export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('journeys.write');
  const id = idOr404((await params).id);
  const [{ journey }, links] = await or404(inTenant(ctx, (db) => Promise.all([getJourney(db, id), listShareLinks(db, id)])));
  const { t } = await getT('versions');
  return (
    <>
      <ToolsNav journeyId={id} current="share" canWrite />
      <h1 className="text-2xl font-bold">{t('share.heading', { journey: journey.name })}</h1>
      <p className="mt-1 text-slate-700">{t('share.intro')}</p>

      <section aria-label={t('share.submit')} className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <ShareForm action={createShareLinkAction} journeyId={id} journey={journey.name} business={ctx.tenant.tenantName} submission={randomUUID()} />
      </section>

      <section aria-labelledby="active-heading" className="mt-6">
        <h2 id="active-heading" className="mb-3 text-lg font-semibold">
          {t('share.active_heading')}
        </h2>
        <ShareLinkList links={links} timeZone={ctx.tenant.timeZone} revoke={revokeShareLinkAction} />
      </section>

      <section aria-labelledby="export-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t('share.export_heading')}
        </h2>
        <p className="mt-1 mb-3 text-slate-700">{t('share.export_intro')}</p>
        {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
        <a href={`/api/journeys/${id}/export`} download className="inline-block rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-100">
          {t('share.export')}
        </a>
      </section>

      <section aria-labelledby="print-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="print-heading" className="mb-3 text-lg font-semibold">
          {t('share.print_heading')}
        </h2>
        <Link href={`/journeys/${id}/print`} className="font-semibold text-brand-800 underline">
          {t('share.print_link')}
        </Link>
      </section>
    </>
  );
}
