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

const sizes = ['a5', 'a4'] as const;
type PosterSize = (typeof sizes)[number];
const posterHref = (id: string, size: PosterSize) => `/reviews/links/${id}/poster${size === 'a5' ? '' : `?size=${size}`}`;

/**
 * A poster for the counter, a table or a wall: business name and logo, the QR code, the short link
 * written out, a call to action. A5 unless ?size=a4; the switch between them is not printed, and
 * the sheet's @page size follows the choice (poster.css).
 */
export default async function ReviewPosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMember('reviews.read');
  const id = idOr404((await params).id);
  const size: PosterSize = (await searchParams).size === 'a4' ? 'a4' : 'a5';
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
        <nav aria-label={t('poster.size_label')} className="w-full">
          <ul className="flex flex-wrap gap-2">
            {sizes.map((choice) => (
              <li key={choice}>
                <Link
                  href={posterHref(id, choice)}
                  aria-current={choice === size ? 'page' : undefined}
                  prefetch={false}
                  className={`inline-flex min-h-12 items-center rounded-lg border px-4 py-2.5 font-semibold ${
                    choice === size ? 'border-brand-700 bg-brand-700 text-white' : 'border-brand-700 bg-white text-brand-800 hover:bg-brand-100'
                  }`}
                >
                  {t(`poster.size_${choice}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="w-full text-sm text-slate-700">{t('poster.hint', { size: size.toUpperCase() })}</p>
      </div>
      <article
        className={`review-poster review-poster-${size} mx-auto flex flex-col items-center justify-between border border-slate-300 bg-white p-8 text-center print:border-0`}
      >
        <header className="flex flex-col items-center gap-3">
          {logo ? (
            // Our own small logo route; next/image would add nothing on paper.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo} alt="" width={72} height={72} className="poster-logo object-contain" />
          ) : null}
          <p className="poster-business font-bold break-words text-slate-900">{ctx.tenant.tenantName}</p>
        </header>
        <div className="flex flex-col items-center">
          <h1 className="poster-heading font-bold text-brand-800">{t('poster.heading')}</h1>
          <p className="poster-cta mt-3 max-w-[32ch] text-slate-800">{t('poster.cta')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/api/review-links/${id}/qr?format=svg`} alt={t('link.qr_alt', { link: url })} width={260} height={260} className="poster-qr mt-5" />
        </div>
        <footer>
          <p className="poster-or-type text-slate-800">{t('poster.or_type')}</p>
          <p className="poster-link font-mono font-bold break-all text-slate-900">{shown}</p>
          <p className="poster-thanks mt-3 font-semibold text-brand-800">{t('poster.thanks')}</p>
        </footer>
      </article>
    </>
  );
}
