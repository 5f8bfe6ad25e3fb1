'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { restoreVersion, saveVersion } from '@/lib/journeys/queries';
import { optionalText, requiredText, uuid } from '@/lib/core/validation';

export const saveVersionAction = memberAction(
  'journeys.write',
  z.object({ journeyId: uuid, name: requiredText(120), note: optionalText(500) }),
  async (ctx, input) => {
    const v = await saveVersion(ctx, input.journeyId, { name: input.name, note: input.note });
    revalidatePath(`/journeys/${input.journeyId}/versions`);
    return { number: String(v.number) };
  },
);

const restore = memberAction('journeys.write', z.object({ journeyId: uuid, versionId: uuid }), async (ctx, input) => {
  await restoreVersion(ctx, input.journeyId, input.versionId);
  return { next: `/journeys/${input.journeyId}` };
});

/** Restores, then shows the map as it now is. */
export async function restoreVersionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await restore(prev, formData);
  if (result.status === 'ok' && result.data?.next) {
    revalidatePath(result.data.next, 'layout');
    redirect(result.data.next);
  }
  return result;
}
