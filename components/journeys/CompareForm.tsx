import { SelectField } from '@/components/ui/Field';
import { getT } from '@/lib/i18n/server';

/**
 * Picks any two versions (or the map as it is now) to compare. A plain GET form: it works without
 * JavaScript and the result has its own address, so it can be bookmarked or sent.
 */
export async function CompareForm({
  journeyId,
  versions,
  a,
  b,
}: {
  journeyId: string;
  versions: { id: string; number: number; name: string }[];
  a?: string;
  b?: string;
}) {
  const { t } = await getT('versions');
  if (versions.length === 0) return <p className="text-slate-700">{t('compare.need_one')}</p>;
  const options = versions.map((v) => ({ value: v.id, label: t('compare.version_option', { number: v.number, name: v.name }) }));
  const withCurrent = [{ value: 'current', label: t('compare.current') }, ...options];
  return (
    <form method="get" action={`/journeys/${journeyId}/versions/compare`} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <SelectField name="a" label={t('compare.from')} options={withCurrent} defaultValue={a ?? versions[0]!.id} />
      <SelectField name="b" label={t('compare.to')} options={withCurrent} defaultValue={b ?? 'current'} />
      <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
        {t('compare.submit')}
      </button>
    </form>
  );
}
