'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { can } from '@/lib/auth/permissions';
import { AppError, ForbiddenError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { IMPORT_MAX_BYTES, parseJourneyFile } from '@/lib/journeys/exchange';
import { importJourney } from '@/lib/journeys/queries';

const schema = z.object({
  // Present only when a file was chosen (see formInput in lib/core/actions.ts).
  file: z.file('validation.invalid').optional(),
  text: z.string().max(IMPORT_MAX_BYTES, 'validation.import_size').default(''),
});

const run = memberAction('journeys.write', schema, async (ctx, input): Promise<Record<string, string>> => {
  if (input.file && input.file.size > IMPORT_MAX_BYTES) throw new AppError('validation.import_size', { field: 'file' });
  const text = input.file ? await input.file.text() : input.text.trim();
  if (!text) throw new AppError('validation.import_empty', { field: 'file' });
  // Checks the format, and names any text the database could not hold (a NUL) by where it is.
  const parsed = parseJourneyFile(text);
  if (!parsed.ok) {
    const { t } = await getT('versions');
    const { t: tc } = await getT('common');
    const problems = parsed.problems.map((p) => `${p.path || t('import.whole_file')}: ${tc(p.key)}`);
    return { problems: JSON.stringify(problems) };
  }
  // The file's persona becomes a new persona of this business.
  if (parsed.doc.persona && !can(ctx.role, 'personas.write')) throw new ForbiddenError();
  const { id } = await importJourney(ctx, parsed.doc);
  return { next: `/journeys/${id}` };
});

/** Imports, then opens the new journey's map; a file with problems lists each one with where it is. */
export async function importJourneyAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await run(prev, formData);
  if (result.status !== 'ok') return result;
  if (result.data?.next) {
    revalidatePath('/journeys');
    redirect(result.data.next);
  }
  if (result.data?.problems) {
    const { t } = await getT('versions');
    const text = formData.get('text');
    return { ...result, status: 'error', message: t('import.problems'), values: { text: typeof text === 'string' ? text : '' } };
  }
  return result;
}
