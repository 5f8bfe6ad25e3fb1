'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberLocale } from '@/lib/auth/session';
import { memberAction } from '@/lib/core/actions';
import { uuid } from '@/lib/core/validation';
import { getT } from '@/lib/i18n/server';
import { imageDataUrl } from '@/lib/images/images';
import { channels, type Channel } from '@/lib/journeys/model';
import { archivePersona, createPersona, duplicatePersona, personaInputSchema, unarchivePersona, updatePersona, type PersonaInput } from '@/lib/personas/queries';

// Each channel is its own checkbox (`channel_<key>`): the action wrapper keeps one value per name.
const channelShape = Object.fromEntries(channels.map((c) => [`channel_${c}`, z.literal('on').optional()])) as {
  [K in Channel as `channel_${K}`]: z.ZodOptional<z.ZodLiteral<'on'>>;
};

/** The persona form: the lib's schema, with the photo as a file and the channels as checkboxes. */
const formSchema = personaInputSchema
  .omit({ photoUrl: true, preferredChannels: true })
  .extend({
    // Present only when a file was chosen; its bytes are checked by imageDataUrl.
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
    photoUrl: photo ? await imageDataUrl(photo, 'photo') : removePhoto ? null : undefined,
  };
}

/** Creates the persona, then opens its page. */
export const createPersonaAction = memberAction(
  'personas.write',
  formSchema,
  async (ctx, form): Promise<{ id: string }> => {
    const created = await createPersona(ctx, await toInput(form));
    revalidatePath('/personas');
    return created;
  },
  // The persona page confirms the creation (`created=1`).
  { redirectTo: ({ id }) => `/personas/${id}?created=1`, repeatRedirectTo: '/personas' },
);

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

/** Copies the persona, then opens the copy. */
export const duplicatePersonaAction = memberAction(
  'personas.write',
  z.object({ id: uuid }),
  async (ctx, { id }): Promise<{ id: string }> => {
    const { t } = await getT('personas', await memberLocale(ctx));
    const copy = await duplicatePersona(ctx, id, t('duplicate_suffix'));
    revalidatePath('/personas');
    return copy;
  },
  { redirectTo: ({ id }) => `/personas/${id}` },
);

/** Archives (`archived=1`) or restores (`0`) a persona; answers which it did, for the message. */
export const setArchivedAction = memberAction(
  'personas.write',
  z.object({ id: uuid, archived: z.enum(['1', '0'], 'validation.invalid') }),
  async (ctx, { id, archived }): Promise<{ archived: boolean }> => {
    await (archived === '1' ? archivePersona : unarchivePersona)(ctx, id);
    revalidatePath('/personas');
    revalidatePath(`/personas/${id}`);
    return { archived: archived === '1' };
  },
);
