import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

type Tool = 'map' | 'versions' | 'share' | 'print';

/** The journey's pages beside the map; sharing only for those who may change the journey. */
export async function ToolsNav({ journeyId, current, canWrite }: { journeyId: string; current: Tool; canWrite: boolean }) {
  const { t } = await getT('versions');
  const base = `/journeys/${journeyId}`;
  const tools: { key: Tool; href: string }[] = [
    { key: 'map', href: base },
    { key: 'versions', href: `${base}/versions` },
    ...(canWrite ? [{ key: 'share' as const, href: `${base}/share` }] : []),
    { key: 'print', href: `${base}/print` },
  ];
  return (
    <nav aria-label={t('tools.label')} className="mb-4 overflow-x-auto print:hidden">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {tools.map((tool) => (
          <li key={tool.key}>
            <Link
              href={tool.href}
              aria-current={tool.key === current ? 'page' : undefined}
              className={`inline-block rounded-lg px-3 py-2 font-medium ${tool.key === current ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100'}`}
            >
              {t(`tools.${tool.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
