import type { Metadata } from 'next';
import Link from 'next/link';
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
import { exportJourney, getJourney, getVersions, versionChoices } from '@/lib/journeys/queries';

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

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/**
 * Two versions (or a version and the map now) side by side on wide screens, stacked on a phone.
 * Without two well-formed sides (no parameters, one, or a malformed one) it offers the form to
 * pick them; a version that is not this journey's is a 404.
 */
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
  const a = side(one(q.a));
  const b = side(one(q.b));
  const vq = one(q.vq)?.trim().slice(0, 100) || undefined;
  const canWrite = can(ctx.role, 'journeys.write');
  if (!a || !b) {
    const picked = [a, b].filter((x): x is string => !!x && x !== 'current');
    const [{ journey }, choices] = await or404(inTenant(ctx, (db) => Promise.all([getJourney(db, id), versionChoices(db, id, { q: vq, include: picked })])));
    const { t } = await getT('versions');
    return (
      <>
        <ToolsNav journeyId={id} current="versions" canWrite={canWrite} />
        <h1 className="text-2xl font-bold break-words">{t('compare.heading', { journey: journey.name })}</h1>
        <p className="mt-1 text-slate-700">{t('compare.pick_intro')}</p>
        <section aria-labelledby="compare-form-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="compare-form-heading" className="mb-3 text-lg font-semibold">
            {t('compare.form_heading')}
          </h2>
          <CompareForm journeyId={id} versions={choices.options} a={a ?? undefined} b={b ?? undefined} more={choices.more} q={vq} />
        </section>
        <Link href={`/journeys/${id}/versions`} prefetch={false} className="mt-8 inline-block font-semibold text-brand-800 underline">
          {t('compare.back')}
        </Link>
      </>
    );
  }
  const versionIds = [a, b].filter((x) => x !== 'current');
  const [{ journey }, choices, picked, current] = await or404(
    inTenant(ctx, (db) =>
      Promise.all([
        getJourney(db, id),
        versionChoices(db, id, { q: vq, include: versionIds }),
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
      <ToolsNav journeyId={id} current="versions" canWrite={canWrite} />
      <h1 className="text-2xl font-bold">{t('compare.heading', { journey: journey.name })}</h1>
      <p className="mt-1 text-slate-700">{t('compare.summary', { from: from.label, to: to.label })}</p>

      <details className="mt-4 rounded-xl bg-white p-4 shadow-sm" open={vq ? true : undefined}>
        <summary className="cursor-pointer font-semibold text-brand-800">{t('compare.form_heading')}</summary>
        <div className="mt-3">
          <CompareForm journeyId={id} versions={choices.options} a={a} b={b} more={choices.more} q={vq} />
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

      <Link href={`/journeys/${id}/versions`} prefetch={false} className="mt-8 inline-block font-semibold text-brand-800 underline">
        {t('compare.back')}
      </Link>
    </>
  );
}
