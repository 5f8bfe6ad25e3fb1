'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { NotFoundError } from '@/lib/core/errors';
import { LIMITS } from '@/lib/journeys/model';
import { journeyFromStart, parseStart, startValues } from '@/lib/journeys/start';
import { createJourney } from '@/lib/journeys/queries';
import { isPickablePersona } from '@/lib/personas/queries';
import { requiredText, uuid } from '@/lib/core/validation';

const schema = z.object({
  name: requiredText(LIMITS.name),
  personaId: z
    .union([z.literal(''), uuid])
    .default('')
    .transform((v) => v || null),
  start: z.enum(startValues, 'validation.required'),
});

/** Creates the journey, then opens its map. */
export const createJourneyAction = memberAction(
  'journeys.write',
  schema,
  async (ctx, input): Promise<{ id: string }> => {
    // createJourney refuses another business's persona; an archived one of this business is refused
    // here too (the select never offers it), with the same answer as an unknown id.
    if (input.personaId && !(await isPickablePersona(ctx, input.personaId))) {
      throw new NotFoundError('persona');
    }
    const start = parseStart(input.start)!;
    const { id } = await createJourney(ctx, { name: input.name, personaId: input.personaId, ...journeyFromStart(start, ctx.locale) });
    revalidatePath('/journeys');
    return { id };
  },
  { redirectTo: ({ id }) => `/journeys/${id}`, repeatRedirectTo: '/journeys' },
);
