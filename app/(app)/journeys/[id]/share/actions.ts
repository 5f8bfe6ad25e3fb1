'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { env } from '@/lib/core/env';
import { inviteUrl, publicOrigin } from '@/lib/links/urls';
import { createShareLink, revokeShareLink } from '@/lib/journeys/sharing';
import { uuid } from '@/lib/core/validation';

async function origin() {
  const h = await headers();
  return publicOrigin({ configured: env.NEXTAUTH_URL, host: h.get('x-forwarded-host') ?? h.get('host'), proto: h.get('x-forwarded-proto') });
}

/** A new read-only link; the secret exists only in this answer, never again. */
export const createShareLinkAction = memberAction('journeys.write', z.object({ journeyId: uuid }), async (ctx, input) => {
  const link = await createShareLink(ctx, input.journeyId);
  revalidatePath(`/journeys/${input.journeyId}/share`);
  return { link: inviteUrl(await origin(), link.path) };
});

export const revokeShareLinkAction = memberAction('journeys.write', z.object({ linkId: uuid }), async (ctx, input) => {
  const { journeyId } = await revokeShareLink(ctx, input.linkId);
  revalidatePath(`/journeys/${journeyId}/share`);
});
