import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

const linkClass = 'inline-block rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100';

/** The journey's other pages: history, print, share (for those who may change it) and the JSON file. */
export async function JourneyLinks({ journeyId, canShare }: { journeyId: string; canShare: boolean }) {
  const { t } = await getT('map');
  const base = `/journeys/${journeyId}`;
  return (
    <nav aria-label={t('links.label')} className="mt-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        <li>
          <Link href={`${base}/versions`} className={linkClass}>
            {t('links.versions')}
          </Link>
        </li>
        <li>
          <Link href={`${base}/print`} className={linkClass}>
            {t('links.print')}
          </Link>
        </li>
        {canShare ? (
          <li>
            <Link href={`${base}/share`} className={linkClass}>
              {t('links.share')}
            </Link>
          </li>
        ) : null}
        <li>
          {/* A file download from a route handler: a plain link, not client-side navigation. */}
          <a href={`/api/journeys/${journeyId}/export`} download className={linkClass}>
            {t('links.export')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
