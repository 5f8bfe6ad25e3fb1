'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { journeyStatuses } from '@/lib/shared/journeys';
import { memberAction } from '@/lib/core/actions';
import { LIMITS, mapSaveSchema, type MapSaveAnswer, type RevisionMove } from '@/lib/journeys/model';
import { saveMap, updateJourneyDetails } from '@/lib/journeys/queries';
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

/**
 * Saves the map from the revision the editor started from, and answers the new revision with the
 * ids the stages now have (new stages got theirs in this same transaction): the editor keeps them,
 * so its next save updates those rows instead of inserting them again. A stale revision is
 * answered as an error whose data is a MapConflict, so the editor keeps the user's edits and
 * offers a reload.
 */
export const saveMapAction = memberAction(
  'journeys.write',
  z.object({ journeyId: uuid, map: mapField }),
  async (ctx, input): Promise<MapSaveAnswer> => {
    const saved = await saveMap(ctx, input.journeyId, input.map);
    revalidatePath(`/journeys/${input.journeyId}`);
    return saved;
  },
  { successKey: 'map:editor.saved' },
);

const optionalId = z.union([uuid, z.literal('')]).transform((v) => v || null);

export const updateJourneyDetailsAction = memberAction(
  'journeys.write',
  z.object({
    journeyId: uuid,
    name: requiredText(LIMITS.name),
    personaId: optionalId,
    status: z.enum(journeyStatuses, 'validation.required'),
    // What the form showed when it was opened (hidden fields): a teammate's change since is reported, not overwritten.
    seenName: z.string().max(LIMITS.name),
    seenPersonaId: optionalId,
    seenStatus: z.enum(journeyStatuses),
  }),
  async (ctx, input): Promise<RevisionMove> => {
    const moved = await updateJourneyDetails(
      ctx,
      input.journeyId,
      { name: input.name, personaId: input.personaId, status: input.status },
      { name: input.seenName, personaId: input.seenPersonaId, status: input.seenStatus },
    );
    revalidatePath(`/journeys/${input.journeyId}`);
    // The map editor on this page moves its unsaved edits onto the new revision when they started
    // from `from` (nobody else saved in between) instead of reporting a conflict with this change.
    return moved;
  },
  { successKey: 'messages.saved' },
);
