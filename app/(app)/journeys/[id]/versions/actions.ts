'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { restoreVersion, saveVersion } from '@/lib/journeys/queries';
import { optionalText, requiredText, uuid } from '@/lib/core/validation';

/** Keeps a named snapshot; answers its number, which the form's message names. */
export const saveVersionAction = memberAction(
  'journeys.write',
  z.object({ journeyId: uuid, name: requiredText(120), note: optionalText(500) }),
  async (ctx, input): Promise<{ number: number }> => {
    const { number } = await saveVersion(ctx, input.journeyId, { name: input.name, note: input.note });
    revalidatePath(`/journeys/${input.journeyId}/versions`);
    return { number };
  },
);

/** Restores, then shows the map as it now is. */
export const restoreVersionAction = memberAction(
  'journeys.write',
  z.object({ journeyId: uuid, versionId: uuid }),
  async (ctx, input): Promise<{ journeyId: string }> => {
    await restoreVersion(ctx, input.journeyId, input.versionId);
    revalidatePath(`/journeys/${input.journeyId}`, 'layout');
    return { journeyId: input.journeyId };
  },
  { redirectTo: ({ journeyId }) => `/journeys/${journeyId}` },
);
