import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChangeList } from '@/components/journeys/ChangeList';
import { compareMarks } from '@/components/journeys/compare-marks';
import { CompareForm } from '@/components/journeys/CompareForm';
import { EmotionCurve } from '@/components/journeys/EmotionCurve';
import { StageCards, type StageMarks } from '@/components/journeys/StageCards';
import { ToolsNav } from '@/components/journeys/ToolsNav';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { diffJourneys, type JourneyDoc } from '@/lib/journeys/model';
import { isUuid } from '@/lib/core/ids';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { exportJourney, getJourney, getVersions, listVersions } from '@/lib/journeys/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('compare.title') };
}

const side = (v: unknown) => (v === 'current' || isUuid(v) ? v : null);

function Column({ id, label, doc, marks }: { id: string; label: string; doc: JourneyDoc; marks: StageMarks[] }) {
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {label}
      </h2>
      <EmotionCurve stages={doc.stages.map((s) => ({ name: s.name, score: s.emotion.score }))} />
      <StageCards stages={doc.stages} marks={marks} layout="stack" />
    </section>
  );
}

/** Two versions (or a version and the map now) side by side on wide screens, stacked on a phone. */
export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  const q = await searchParams;
  const a = side(q.a);
  const b = side(q.b);
  if (!a || !b) notFound();
  const versionIds = [a, b].filter((x) => x !== 'current');
  const [{ journey }, versions, picked, current] = await or404(
    inTenant(ctx, (db) =>
      Promise.all([
        getJourney(db, id),
        listVersions(db, id),
        versionIds.length ? getVersions(db, id, versionIds) : Promise.resolve([]),
        a === 'current' || b === 'current' ? exportJourney(db, id) : Promise.resolve(null),
      ]),
    ),
  );
  const { t } = await getT('versions');
  const load = (which: string) => {
    if (which === 'current') return { label: t('compare.current'), doc: current! };
    const v = picked.find((p) => p.id === which)!;
    return { label: t('compare.version_option', { number: v.number, name: v.name }), doc: v.doc };
  };
  const from = load(a);
  const to = load(b);
  const changes = diffJourneys(from.doc, to.doc);
  const marks = compareMarks(from.doc, to.doc, changes);
  return (
    <>
      <ToolsNav journeyId={id} current="versions" canWrite={can(ctx.role, 'journeys.write')} />
      <h1 className="text-2xl font-bold">{t('compare.heading', { journey: journey.name })}</h1>
      <p className="mt-1 text-slate-700">{t('compare.summary', { from: from.label, to: to.label })}</p>

      <details className="mt-4 rounded-xl bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-semibold text-brand-800">{t('compare.form_heading')}</summary>
        <div className="mt-3">
          <CompareForm journeyId={id} versions={versions} a={a} b={b} />
        </div>
      </details>

      <section aria-labelledby="changes-heading" className="mt-6">
        <h2 id="changes-heading" className="mb-3 text-lg font-semibold">
          {t('compare.changes_heading')}
        </h2>
        <ChangeList changes={changes} />
      </section>

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Column id="side-a" label={from.label} doc={from.doc} marks={marks.a} />
        <Column id="side-b" label={to.label} doc={to.doc} marks={marks.b} />
      </div>

      <Link href={`/journeys/${id}/versions`} className="mt-8 inline-block font-semibold text-brand-800 underline">
        {t('compare.back')}
      </Link>
    </>
  );
}
