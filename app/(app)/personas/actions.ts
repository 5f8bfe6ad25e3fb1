'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { getT } from '@/lib/i18n/server';
import { channels, type Channel } from '@/lib/journeys/model';
import {
  archivePersona,
  createPersona,
  duplicatePersona,
  personaInputSchema,
  photoFromFile,
  unarchivePersona,
  updatePersona,
  type PersonaInput,
} from '@/lib/personas/queries';
import { uuid } from '@/lib/core/validation';

// Each channel is its own checkbox (`channel_<key>`): the action wrapper keeps one value per name.
const channelShape = Object.fromEntries(channels.map((c) => [`channel_${c}`, z.literal('on').optional()])) as {
  [K in Channel as `channel_${K}`]: z.ZodOptional<z.ZodLiteral<'on'>>;
};

/** The persona form: the lib's schema, with the photo as a file and the channels as checkboxes. */
const formSchema = personaInputSchema
  .omit({ photoUrl: true, preferredChannels: true })
  .extend({
    // Present only when a file was chosen; its bytes are checked by photoFromFile.
    photo: z.file('validation.image_type').optional(),
    removePhoto: z.literal('on').optional(),
    ...channelShape,
  });
type PersonaForm = z.output<typeof formSchema>;

async function toInput(form: PersonaForm): Promise<PersonaInput> {
  const { photo, removePhoto, ...rest } = form;
  const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('channel_'))) as Omit<PersonaInput, 'photoUrl' | 'preferredChannels'>;
  return {
    ...fields,
    preferredChannels: channels.filter((c) => form[`channel_${c}`] === 'on'),
    photoUrl: photo ? await photoFromFile(photo) : removePhoto ? null : undefined,
  };
}

/** Leaves for the persona page named by the action's answer (a new or copied persona). */
function goToPersona(action: (prev: ActionState, fd: FormData) => Promise<ActionState>) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const result = await action(prev, formData);
    if (result.status === 'ok' && result.data?.id) redirect(`/personas/${result.data.id}`);
    return result;
  };
}

const create = memberAction('personas.write', formSchema, async (ctx, form) => {
  const { id } = await createPersona(ctx, await toInput(form));
  revalidatePath('/personas');
  return { id };
});

export const createPersonaAction = goToPersona(create);

export const updatePersonaAction = memberAction(
  'personas.write',
  formSchema.extend({ id: uuid }),
  async (ctx, { id, ...form }) => {
    await updatePersona(ctx, id, await toInput(form));
    revalidatePath('/personas');
    revalidatePath(`/personas/${id}`);
  },
  { successKey: 'messages.saved' },
);

const duplicate = memberAction('personas.write', z.object({ id: uuid }), async (ctx, { id }) => {
  const { t } = await getT('personas');
  const copy = await duplicatePersona(ctx, id, t('duplicate_suffix'));
  revalidatePath('/personas');
  return { id: copy.id };
});

export const duplicatePersonaAction = goToPersona(duplicate);

export const setArchivedAction = memberAction(
  'personas.write',
  z.object({ id: uuid, archived: z.enum(['1', '0'], 'validation.invalid') }),
  async (ctx, { id, archived }) => {
    await (archived === '1' ? archivePersona : unarchivePersona)(ctx, id);
    revalidatePath('/personas');
    revalidatePath(`/personas/${id}`);
  },
);
