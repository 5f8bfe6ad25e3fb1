'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { journeyStatus } from '@/db/schema';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { AppError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { LIMITS, mapSaveSchema } from '@/lib/journeys/model';
import { getJourney, saveMap, updateJourneyDetails } from '@/lib/journeys/queries';
import { requiredText, uuid } from '@/lib/core/validation';

// The editor sends the whole map as one JSON field: FormData cannot carry nested lists.
const mapField = z
  .string()
  .max(1_000_000, 'validation.too_long')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
      return z.NEVER;
    }
  })
  .pipe(mapSaveSchema);

const save = memberAction('journeys.write', z.object({ journeyId: uuid, map: mapField }), async (ctx, input): Promise<Record<string, string>> => {
  try {
    const { revision } = await saveMap(ctx, input.journeyId, input.map);
    // New stages got their ids in the database; the editor keeps them so the next save updates
    // those rows instead of inserting them again.
    const { stages } = await getJourney(ctx, input.journeyId);
    revalidatePath(`/journeys/${input.journeyId}`);
    return { revision: String(revision), stageIds: stages.map((s) => s.id ?? '').join(',') };
  } catch (err) {
    if (err instanceof AppError && err.key === 'errors.journey_conflict') return { conflict: String(err.opts.params?.revision ?? '') };
    throw err;
  }
});

/**
 * Saves the map from the revision the editor started from. A stale revision is answered as an
 * error carrying `data.conflict`, so the editor can keep the user's edits and offer a reload.
 */
export async function saveMapAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await save(prev, formData);
  if (result.status !== 'ok' || result.message) return result;
  if (result.data?.conflict !== undefined) {
    const { t } = await getT('common');
    return { status: 'error', message: t('errors.journey_conflict', { revision: result.data.conflict }), data: { conflict: '1' }, submission: result.submission };
  }
  const { t } = await getT('map');
  return { ...result, message: t('editor.saved') };
}

const optionalId = z.union([uuid, z.literal('')]).transform((v) => v || null);

export const updateJourneyDetailsAction = memberAction(
  'journeys.write',
  z.object({
    journeyId: uuid,
    name: requiredText(LIMITS.name),
    personaId: optionalId,
    status: z.enum(journeyStatus.enumValues, 'validation.required'),
    // What the form showed when it was opened (hidden fields): a teammate's change since is reported, not overwritten.
    seenName: z.string().max(LIMITS.name),
    seenPersonaId: optionalId,
    seenStatus: z.enum(journeyStatus.enumValues),
  }),
  async (ctx, input) => {
    const { from, to } = await updateJourneyDetails(
      ctx,
      input.journeyId,
      { name: input.name, personaId: input.personaId, status: input.status },
      { name: input.seenName, personaId: input.seenPersonaId, status: input.seenStatus },
    );
    revalidatePath(`/journeys/${input.journeyId}`);
    // The map editor on this page moves its unsaved edits onto the new revision when they started
    // from `from` (nobody else saved in between) instead of reporting a conflict with this change.
    return { from: String(from), to: String(to) };
  },
  { successKey: 'messages.saved' },
);
