'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { can } from '@/lib/auth/permissions';
import { AppError, ForbiddenError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { IMPORT_MAX_BYTES, parseJourneyFile, type ImportAnswer } from '@/lib/journeys/exchange';
import { importName } from '@/lib/journeys/import-name';
import { importJourney } from '@/lib/journeys/queries';

const schema = z.object({
  // Present only when a file was chosen (see formInput in lib/core/actions.ts).
  file: z.file('validation.invalid').optional(),
  text: z.string().max(IMPORT_MAX_BYTES, 'validation.import_size').default(''),
});

/**
 * Imports, then opens the new journey's map. A file with problems is refused with each one listed
 * (translated, with where it is) in the error's data, and the pasted text kept.
 */
export const importJourneyAction = memberAction(
  'journeys.write',
  schema,
  async (ctx, input): Promise<ImportAnswer> => {
    if (input.file && input.file.size > IMPORT_MAX_BYTES) throw new AppError('validation.import_size', { field: 'file' });
    const text = input.file ? await input.file.text() : input.text.trim();
    if (!text) throw new AppError('validation.import_empty', { field: 'file' });
    // Checks the format, and names any text the database could not hold (a NUL) by where it is.
    const parsed = parseJourneyFile(text);
    if (!parsed.ok) {
      // In the request's language, resolved before the transaction (ctx.locale): no second one for the session.
      const { t } = await getT('versions', ctx.locale);
      const { t: tc } = await getT('common', ctx.locale);
      const problems = parsed.problems.map((p) => `${p.path || t('import.whole_file')}: ${tc(p.key)}`);
      const data: ImportAnswer = { problems };
      throw new AppError('versions:import.problems', { data });
    }
    // The file's persona becomes a new persona of this business.
    if (parsed.doc.persona && !can(ctx.role, 'personas.write')) throw new ForbiddenError();
    // A name already in use gets " (impor)" / " (imported)", so the two journeys can be told apart.
    const { t } = await getT('versions', ctx.locale);
    const name = await importName(ctx, parsed.doc.name, t('import.name_suffix'));
    const { id } = await importJourney(ctx, { ...parsed.doc, name });
    revalidatePath('/journeys');
    return { id };
  },
  // The map says the import worked (`imported=1`).
  { redirectTo: (data) => ('id' in data ? `/journeys/${data.id}?imported=1` : null), repeatRedirectTo: '/journeys' },
);
