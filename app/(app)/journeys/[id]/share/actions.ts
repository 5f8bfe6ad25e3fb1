'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { publicUrl } from '@/lib/links/public-url';
import { createShareLink, revokeShareLink } from '@/lib/journeys/sharing';
import { uuid } from '@/lib/core/validation';

/** A new read-only link; the secret exists only in this answer, never again. */
export const createShareLinkAction = memberAction('journeys.write', z.object({ journeyId: uuid }), async (ctx, input) => {
  const link = await createShareLink(ctx, input.journeyId);
  revalidatePath(`/journeys/${input.journeyId}/share`);
  return { link: await publicUrl(link.path) };
});

export const revokeShareLinkAction = memberAction('journeys.write', z.object({ linkId: uuid }), async (ctx, input) => {
  const { journeyId } = await revokeShareLink(ctx, input.linkId);
  revalidatePath(`/journeys/${journeyId}/share`);
});
