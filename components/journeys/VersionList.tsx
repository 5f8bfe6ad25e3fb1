import Link from 'next/link';
import { ConfirmAction } from '@/components/team/ConfirmAction';
import type { FormAction } from '@/lib/core/action-state';
import { formatDateTime, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

export interface VersionRow {
  id: string;
  number: number;
  name: string;
  note: string;
  author: string | null;
  createdAt: Date;
}

/** The history, newest first; each version can be compared with the map now or restored. */
export async function VersionList({
  journeyId,
  versions,
  timeZone,
  restore,
}: {
  journeyId: string;
  versions: VersionRow[];
  timeZone: TimeZone;
  restore: FormAction<{ journeyId: string }> | null;
}) {
  const { t, locale } = await getT('versions');
  if (versions.length === 0) return <p className="text-slate-700">{t('history.empty')}</p>;
  return (
    <ol className="space-y-3">
      {versions.map((v) => {
        const date = formatDateTime(v.createdAt, locale, timeZone);
        return (
          <li key={v.id} className="rounded-xl bg-white p-4 shadow-sm">
            <h3 id={`version-${v.id}`} className="font-semibold text-slate-900">{t('history.item_title', { number: v.number, name: v.name })}</h3>
            {v.note ? <p className="mt-1 whitespace-pre-line text-slate-800">{v.note}</p> : null}
            <p className="mt-1 text-sm text-slate-700">{v.author ? t('history.by', { author: v.author, date }) : t('history.by_unknown', { date })}</p>
            <div className="mt-3 flex flex-wrap items-start gap-3">
              <Link
                href={`/journeys/${journeyId}/versions/compare?a=${v.id}&b=current`}
                prefetch={false}
                aria-describedby={`version-${v.id}`}
                className="inline-block rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100"
              >
                {t('history.compare_with_current')}
              </Link>
              {restore ? (
                <ConfirmAction
                  action={restore}
                  fields={{ journeyId, versionId: v.id }}
                  trigger={t('history.restore')}
                  prompt={t('history.restore_prompt', { number: v.number, name: v.name })}
                  confirm={t('history.restore_confirm')}
                  pending={t('history.restoring')}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
