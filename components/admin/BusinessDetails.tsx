import type { ReactNode } from 'react';
import Link from 'next/link';
import type { BusinessDetail } from '@/lib/admin/businesses';
import { formatDate, formatDateTime, formatNumber, zoneAbbreviation } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

/** One business as the console shows it: details, members, counts; `plan`: the plan, limits and notes (lib/admin/limits.ts). */
export async function BusinessDetails({ business, plan }: { business: BusinessDetail; plan?: ReactNode }) {
  const { t, locale } = await getT('admin');
  const { t: tc } = await getT('common');
  const counts = [
    ['personas', business.counts.personas],
    ['journeys', business.counts.journeys],
    ['review_links', business.counts.reviewLinks],
    ['reviews_30', business.counts.reviewsLast30Days],
    ['reviews_total', business.counts.reviews],
  ] as const;
  return (
    <div className="space-y-6">
      <section aria-labelledby="details-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t('business.details')}
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t('business.type')}</dt>
            <dd>{tc(`business_types.${business.businessType}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('business.city')}</dt>
            <dd>{business.city || t('business.unnamed')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('business.time_zone')}</dt>
            <dd>
              {zoneAbbreviation(business.timeZone)} ({business.timeZone})
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('business.created')}</dt>
            <dd>{formatDate(business.createdAt, locale)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">{t('business.last_activity')}</dt>
            <dd>{formatDateTime(business.lastActiveAt, locale)}</dd>
            <dd className="text-sm text-slate-600">{t('business.last_activity_hint')}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">ID</dt>
            <dd className="break-all font-mono text-sm">{business.id}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="members-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t('business.members')}
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {business.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <div className="min-w-0">
                <div className="font-medium">{m.name}</div>
                <div className="break-all text-sm text-slate-700">{m.email}</div>
              </div>
              <div className="text-sm text-slate-700">
                <span className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-800">{tc(`roles.${m.role}`)}</span>{' '}
                {t('business.member_since')} {formatDate(m.joinedAt, locale)}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="counts-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="counts-heading" className="text-lg font-semibold">
          {t('business.counts')}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {counts.map(([key, n]) => (
            <div key={key} className="rounded-lg bg-slate-50 p-3">
              <dt className="text-sm text-slate-700">{t(`business.${key}`)}</dt>
              <dd className="text-2xl font-bold">{formatNumber(n, locale)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-slate-600">{t('business.counts_note')}</p>
      </section>

      {plan ?? (
        <section aria-labelledby="plan-heading" className="rounded-xl border border-dashed border-slate-300 bg-white p-5">
          <h2 id="plan-heading" className="text-lg font-semibold">
            {t('business.plan')}
          </h2>
          <p className="mt-1 text-slate-700">{t('business.plan_later')}</p>
        </section>
      )}

      <p>
        <Link href={`/admin/audit?business=${business.id}`} prefetch={false} className="font-medium text-brand-800 underline">
          {t('business.audit_link')}
        </Link>
      </p>
    </div>
  );
}
