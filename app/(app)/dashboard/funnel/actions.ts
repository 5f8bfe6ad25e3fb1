'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { AppError } from '@/lib/core/errors';
import { uuid } from '@/lib/core/validation';
import { FunnelImportError, funnelMetricSchema, funnelMonthSchema, importFunnelCsv, saveFunnelMonth } from '@/lib/dashboard/funnel';
import { FUNNEL_CSV_MAX_BYTES, parseCount, type FunnelMetric } from '@/lib/dashboard/funnel-csv';
import { getT } from '@/lib/i18n/server';

/** What the forms learn from an answer: per-field messages of the month form, the lines of a refused CSV, what an import saved. */
export interface FunnelAnswer {
  fieldErrors?: Record<string, string>;
  problems?: string[];
  rows?: number;
  months?: string[];
}

const valueField = /^value_([0-9a-f-]{36})$/;

// One field pair per stage: metric_<stageId> and value_<stageId> (flat names, so a refused form
// keeps each value where it was typed, with or without JavaScript).
const monthSchema = z
  .object({ journeyId: uuid, month: funnelMonthSchema })
  .catchall(z.string().max(40, 'validation.too_long'));

/**
 * Saves one month's numbers of a journey. Numbers are read the way the owner types them (12.000 or
 * 12000); an empty one removes that stage's number. Wrong numbers: each field says why, nothing is
 * saved, and what was typed stays. Saving twice stores the same (an upsert), and the submission id
 * makes a double tap one save.
 */
export const saveFunnelMonthAction = memberAction(
  'journeys.write',
  monthSchema,
  async (ctx, input): Promise<FunnelAnswer> => {
    const { t } = await getT('funnel', ctx.locale);
    const rows: { stageId: string; metric: FunnelMetric; value: number | null }[] = [];
    const fieldErrors: Record<string, string> = {};
    for (const [key, raw] of Object.entries(input)) {
      const m = valueField.exec(key);
      if (!m || typeof raw !== 'string') continue;
      const stageId = m[1]!;
      const n = parseCount(raw);
      if (!n.ok) {
        fieldErrors[key] = t(`validation.${n.key === 'problems.too_big' ? 'too_big' : 'not_whole'}`);
        continue;
      }
      const metric = funnelMetricSchema.safeParse(input[`metric_${stageId}`]);
      if (!metric.success) {
        if (n.value !== null) fieldErrors[`metric_${stageId}`] = t('validation.metric');
        else rows.push({ stageId, metric: 'reach', value: null });
        continue;
      }
      rows.push({ stageId, metric: metric.data, value: n.value });
    }
    if (Object.keys(fieldErrors).length) throw new AppError('funnel:form.fix', { data: { fieldErrors } satisfies FunnelAnswer });
    // A stage id that is not a uuid, or not a stage of this journey (another journey's, another business's): not found.
    if (rows.some((r) => !uuid.safeParse(r.stageId).success)) throw new AppError('errors.not_found');
    await saveFunnelMonth(ctx, { journeyId: input.journeyId, month: input.month, rows });
    revalidatePath('/dashboard/funnel');
    return {};
  },
  { successKey: 'funnel:form.saved' },
);

const importSchema = z.object({
  journeyId: uuid,
  // Present only when a file was chosen (see formInput in lib/core/actions.ts).
  file: z.file('validation.invalid').optional(),
  text: z.string().max(FUNNEL_CSV_MAX_BYTES, 'validation.too_long').default(''),
});

/**
 * Imports a CSV of funnel numbers into a journey: every line or none. A refused file answers with
 * each problem and its line, in the request's language; the pasted text stays in the form.
 */
export const importFunnelCsvAction = memberAction(
  'journeys.write',
  importSchema,
  async (ctx, input): Promise<FunnelAnswer> => {
    if (input.file && input.file.size > FUNNEL_CSV_MAX_BYTES) throw new AppError('funnel:import.too_large', { field: 'file' });
    const text = input.file ? await input.file.text() : input.text;
    if (!text.trim()) throw new AppError('funnel:import.empty', { field: 'text' });
    try {
      const result = await importFunnelCsv(ctx, input.journeyId, text);
      revalidatePath('/dashboard/funnel');
      return result;
    } catch (err) {
      if (!(err instanceof FunnelImportError)) throw err;
      // In the request's language, resolved before the transaction (ctx.locale): no second one for the session.
      const { t } = await getT('funnel', ctx.locale);
      const problems = err.problems.map((p) => {
        const message = t(p.key, p.params);
        return p.line ? t('import.line', { line: p.line, message }) : message;
      });
      throw new AppError('funnel:import.problems', { data: { problems } satisfies FunnelAnswer });
    }
  },
  { successKey: 'funnel:import.done' },
);
