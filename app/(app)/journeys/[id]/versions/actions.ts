'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { getT } from '@/lib/i18n/server';
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

/**
 * Restores, keeping the map as it was as a version first (named in the user's language), then
 * shows the map as it now is, with a line saying which version came back and where the old map is.
 */
export const restoreVersionAction = memberAction(
  'journeys.write',
  z.object({ journeyId: uuid, versionId: uuid }),
  // versionId and kept are optional in the type only, so the list's FormAction<{ journeyId }> prop still takes this action.
  async (ctx, input): Promise<{ journeyId: string; versionId?: string; kept?: number }> => {
    const { t } = await getT('versions', ctx.locale);
    const { kept } = await restoreVersion(ctx, input.journeyId, input.versionId, (restored) => ({
      name: t('history.kept_name', { number: restored.number }),
      note: t('history.kept_note', { number: restored.number, name: restored.name }),
    }));
    revalidatePath(`/journeys/${input.journeyId}`, 'layout');
    return { journeyId: input.journeyId, versionId: input.versionId, kept };
  },
  { redirectTo: ({ journeyId, versionId, kept }) => (versionId && kept ? `/journeys/${journeyId}?restored=${versionId}&kept=${kept}` : `/journeys/${journeyId}`) },
);
