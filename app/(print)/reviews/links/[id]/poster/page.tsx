import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '@/components/journeys/PrintButton';
import { requireMember } from '@/lib/auth/session';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { logoPath } from '@/lib/images/images';
import { publicUrl } from '@/lib/links/public-url';
import { getReviewLink } from '@/lib/reviews/links';
import './poster.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('reviews');
  return { title: t('poster.title') };
}

/** An A5 poster for the counter or a table: business name and logo, the QR code, the short link written out, a call to action. */
export default async function ReviewPosterPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('reviews.read');
  const id = idOr404((await params).id);
  const link = await or404(inTenant(ctx, (db) => getReviewLink(db, id)));
  const { t } = await getT('reviews');
  const url = await publicUrl(`/r/${link.slug}`);
  const shown = url.replace(/^https?:\/\//, '');
  const logo = logoPath(ctx.tenant.tenantId, ctx.tenant.logoVersion);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/reviews/links/${id}`} className="font-semibold text-brand-800 underline">
          {t('poster.back')}
        </Link>
        <PrintButton label={t('poster.print')} />
        <p className="w-full text-sm text-slate-700">{t('poster.hint')}</p>
      </div>
      <article className="review-poster mx-auto flex flex-col items-center justify-between border border-slate-300 bg-white p-8 text-center print:border-0">
        <header className="flex flex-col items-center gap-3">
          {logo ? (
            // Our own small logo route; next/image would add nothing on paper.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo} alt="" width={72} height={72} className="h-18 w-18 object-contain" />
          ) : null}
          <p className="text-2xl font-bold break-words text-slate-900">{ctx.tenant.tenantName}</p>
        </header>
        <div className="flex flex-col items-center">
          <h1 className="text-3xl font-bold text-brand-800">{t('poster.heading')}</h1>
          <p className="mt-3 max-w-[32ch] text-lg text-slate-800">{t('poster.cta')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/api/review-links/${id}/qr?format=svg`} alt={t('link.qr_alt', { link: url })} width={260} height={260} className="mt-5 h-[65mm] w-[65mm]" />
        </div>
        <footer>
          <p className="text-base text-slate-800">{t('poster.or_type')}</p>
          <p className="font-mono text-xl font-bold break-all text-slate-900">{shown}</p>
          <p className="mt-3 text-lg font-semibold text-brand-800">{t('poster.thanks')}</p>
        </footer>
      </article>
    </>
  );
}
