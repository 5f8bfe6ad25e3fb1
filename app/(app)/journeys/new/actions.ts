'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { NotFoundError } from '@/lib/core/errors';
import { getLocale } from '@/lib/i18n/server';
import { LIMITS } from '@/lib/journeys/model';
import { journeyFromStart, parseStart, startValues } from '@/lib/journeys/start';
import { createJourney } from '@/lib/journeys/queries';
import { personaOptions } from '@/lib/personas/queries';
import { requiredText, uuid } from '@/lib/core/validation';

const schema = z.object({
  name: requiredText(LIMITS.name),
  personaId: z
    .union([z.literal(''), uuid])
    .default('')
    .transform((v) => v || null),
  start: z.enum(startValues, 'validation.required'),
});

const create = memberAction('journeys.write', schema, async (ctx, input) => {
  // createJourney refuses another business's persona; an archived one of this business is refused
  // here too (the select never offers it), with the same answer as an unknown id.
  if (input.personaId && !(await personaOptions(ctx)).some((p) => p.id === input.personaId)) {
    throw new NotFoundError('persona');
  }
  const start = parseStart(input.start)!;
  const { id } = await createJourney(ctx, { name: input.name, personaId: input.personaId, ...journeyFromStart(start, await getLocale()) });
  revalidatePath('/journeys');
  return { id };
});

/** Creates the journey, then opens its map. */
export async function createJourneyAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await create(prev, formData);
  // A repeated submission (double tap, retried request) answers ok without an id: the list shows the one created.
  if (result.status === 'ok') redirect(result.data?.id ? `/journeys/${result.data.id}` : '/journeys');
  return result;
}
