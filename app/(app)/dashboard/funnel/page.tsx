import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FunnelSection } from '@/components/dashboard/FunnelSection';
import { FunnelImportForm } from '@/components/dashboard/funnel/FunnelImportForm';
import { FunnelMonthForm } from '@/components/dashboard/funnel/FunnelMonthForm';
import { formatMonth } from '@/components/dashboard/funnel/format';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { funnelEditor, funnelFor, funnelMonthSchema } from '@/lib/dashboard/funnel';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { formatDateTime, formatNumber, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { listJourneys } from '@/lib/journeys/queries';
import { importFunnelCsvAction, saveFunnelMonthAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('funnel');
  return { title: t('title') };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : undefined);

/** The first and last local day of a month "YYYY-MM". */
function daysOf(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/**
 * /dashboard/funnel?journey=<id>&month=YYYY-MM: the funnel numbers of one journey and month (the
 * business's current month unless chosen), typed in per stage or imported from CSV, and the months
 * recorded so far. Every form is a plain form posting to its server action: it works without
 * JavaScript. Another business's journey, or an unknown one: 404.
 */
export default async function FunnelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('dashboard.read');
  const params = await searchParams;
  const { t, locale } = await getT('funnel');
  const journeyParam = one(params.journey);
  if (journeyParam) idOr404(journeyParam);
  const monthParam = one(params.month);
  const month = monthParam ? funnelMonthSchema.safeParse(monthParam) : null;
  const badMonth = monthParam && !month?.success ? monthParam : null;

  const { list, editor, view } = await or404(
    inTenant(ctx, async (db) => {
      const list = await listJourneys(db);
      const id = journeyParam ?? list[0]?.id;
      if (!id) return { list, editor: null, view: null };
      const editor = await funnelEditor(db, id, month?.success ? month.data : null);
      // The month's funnel beside its reviews, as the stage dashboard shows it.
      const filter = { journey: id, ...daysOf(editor.month) };
      const [funnel, stats] = await Promise.all([funnelFor(db, filter), stageStats(db, filter)]);
      return { list, editor, view: { funnel, stats } };
    }),
  );

  if (!editor || !view) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <section aria-labelledby="funnel-empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="funnel-empty" className="text-lg font-semibold">
            {t('empty.title')}
          </h2>
          <p className="mt-2 text-slate-700">{t('empty.body')}</p>
          <Link href="/journeys/new" className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t('empty.cta')}
          </Link>
        </section>
      </>
    );
  }

  const tz = editor.timeZone as TimeZone;
  const monthName = formatMonth(editor.month, locale);
  const journeys = list.some((j) => j.id === editor.journeyId) ? list : [{ id: editor.journeyId, name: editor.journeyName }, ...list];
  const mayWrite = can(ctx.role, 'journeys.write');
  const monthLabels = Object.fromEntries(editor.recorded.map((r) => [r.month, formatMonth(r.month, locale)]));
  const plain = (key: string | null) => (key && ['awareness', 'consideration', 'retention', 'advocacy'].includes(key) ? t(`stage_plain.${key}`) : '');

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t('intro')}</p>

      <form method="get" action="/dashboard/funnel" aria-label={t('picker.label')} className="mt-4 grid gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div>
          <label htmlFor="journey" className="block text-sm font-medium text-slate-800">
            {t('picker.journey')}
          </label>
          <select id="journey" name="journey" defaultValue={editor.journeyId} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900">
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="month" className="block text-sm font-medium text-slate-800">
            {t('picker.month')}
          </label>
          <input
            id="month"
            name="month"
            type="month"
            defaultValue={editor.month}
            aria-describedby="month-hint"
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
          />
          <p id="month-hint" className="sr-only">
            {t('picker.month_hint')}
          </p>
        </div>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100">
          {t('picker.show')}
        </button>
      </form>
      {badMonth ? (
        <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
          {t('picker.bad_month', { text: badMonth.slice(0, 40) })}
        </p>
      ) : null}

      <section aria-labelledby="funnel-month" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="funnel-month" className="text-lg font-semibold">
          {t('form.heading', { month: monthName })}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('form.intro')}</p>
        {mayWrite ? (
          <div className="mt-4">
            <FunnelMonthForm
              key={`${editor.journeyId}/${editor.month}`}
              action={saveFunnelMonthAction}
              submission={randomUUID()}
              journeyId={editor.journeyId}
              month={editor.month}
              stages={editor.stages.map((s) => ({
                stageId: s.stageId,
                name: s.name,
                plain: plain(s.stageKey),
                metric: s.metric,
                value: s.value === null ? '' : formatNumber(s.value, locale),
              }))}
            />
          </div>
        ) : null}
      </section>

      <div className="mt-6">
        <FunnelSection funnel={view.funnel} stats={view.stats} editLink={false} title={t('section.month_title', { month: monthName })} />
      </div>

      {mayWrite ? (
        <section aria-labelledby="funnel-import" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="funnel-import" className="text-lg font-semibold">
            {t('import.heading')}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t('import.intro')}</p>
          <p className="mt-3 text-sm font-medium text-slate-800">{t('import.sample_label')}</p>
          <pre className="mt-1 rounded-lg bg-slate-100 p-3 text-sm break-all whitespace-pre-wrap text-slate-900">{t('import.sample')}</pre>
          <div className="mt-4">
            <FunnelImportForm key={editor.journeyId} action={importFunnelCsvAction} submission={randomUUID()} journeyId={editor.journeyId} monthLabel={monthLabels} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="funnel-recorded" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="funnel-recorded" className="text-lg font-semibold">
          {t('recorded.heading')}
        </h2>
        {editor.recorded.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('recorded.none')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t('recorded.month')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t('recorded.stages')}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t('recorded.updated')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {editor.recorded.map((r) => (
                  <tr key={r.month} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link
                        href={`/dashboard/funnel?journey=${editor.journeyId}&month=${r.month}`}
                        aria-label={t('recorded.edit', { month: monthLabels[r.month] })}
                        aria-current={r.month === editor.month ? 'page' : undefined}
                        className="text-brand-800 underline"
                      >
                        {monthLabels[r.month]}
                      </Link>
                    </th>
                    <td className="py-2 pr-3">{t('recorded.stages_value', { count: r.stages, total: editor.stages.length })}</td>
                    <td className="py-2">{formatDateTime(r.updatedAt, locale, tz)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
