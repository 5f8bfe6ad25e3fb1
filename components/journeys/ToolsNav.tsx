import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

type Tool = 'map' | 'dashboard' | 'versions' | 'share' | 'print';

const linkClass = 'inline-block whitespace-nowrap rounded-lg border px-3 py-2 font-medium';
const idle = 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100';

/**
 * The journey's pages (map, its stage dashboard, history, sharing for those who may change it, print) and its JSON file:
 * one menu on the map and on each of those pages.
 */
export async function ToolsNav({ journeyId, current, canWrite }: { journeyId: string; current: Tool; canWrite: boolean }) {
  const { t } = await getT('versions');
  const base = `/journeys/${journeyId}`;
  const tools: { key: Tool; href: string }[] = [
    { key: 'map', href: base },
    // What customers said, stage by stage (every member may read the dashboards).
    { key: 'dashboard', href: `/dashboard/stages?journey=${journeyId}` },
    { key: 'versions', href: `${base}/versions` },
    ...(canWrite ? [{ key: 'share' as const, href: `${base}/share` }] : []),
    { key: 'print', href: `${base}/print` },
  ];
  return (
    <nav aria-label={t('tools.label')} className="mb-4 print:hidden">
      <ul className="flex flex-wrap gap-2 text-sm">
        {tools.map((tool) => (
          <li key={tool.key}>
            <Link
              href={tool.href}
              prefetch={false}
              aria-current={tool.key === current ? 'page' : undefined}
              className={`${linkClass} ${tool.key === current ? 'border-brand-700 bg-brand-700 text-white' : idle}`}
            >
              {t(`tools.${tool.key}`)}
            </Link>
          </li>
        ))}
        <li>
          {/* A file download from a route handler: a plain link, not client-side navigation. */}
          <a href={`/api/journeys/${journeyId}/export`} download className={`${linkClass} ${idle}`}>
            {t('tools.export')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
