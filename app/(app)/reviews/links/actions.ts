'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { uuid } from '@/lib/core/validation';
import { createReviewLink, setReviewLinkActive, updateReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';

/** A new review link; the browser goes on to its page (short link, QR, poster). */
export const createReviewLinkAction = memberAction(
  'reviews.write',
  reviewLinkInputSchema,
  async (ctx, input) => {
    const link = await createReviewLink(ctx, input);
    revalidatePath('/reviews');
    return link;
  },
  { redirectTo: (link) => `/reviews/links/${link.id}`, repeatRedirectTo: '/reviews' },
);

/** The link's texts, questions, stage or expiry; its slug stays (it is on printed posters). */
export const updateReviewLinkAction = memberAction(
  'reviews.write',
  reviewLinkInputSchema.extend({ id: uuid }),
  async (ctx, { id, ...input }) => {
    const link = await updateReviewLink(ctx, id, input);
    revalidatePath('/reviews');
    revalidatePath(`/reviews/links/${id}`);
    return link;
  },
  { successKey: 'reviews:link.saved' },
);

/** Turns a link on or off: an off link shows customers a friendly "closed" page. */
export const setReviewLinkActiveAction = memberAction(
  'reviews.write',
  z.object({ id: uuid, active: z.enum(['0', '1']).transform((v) => v === '1') }),
  async (ctx, input) => {
    await setReviewLinkActive(ctx, input.id, input.active);
    revalidatePath('/reviews');
    revalidatePath(`/reviews/links/${input.id}`);
  },
  { successKey: 'reviews:link.saved' },
);
