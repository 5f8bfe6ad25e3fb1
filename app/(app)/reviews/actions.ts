'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { uuid } from '@/lib/core/validation';
import { eraseReviewContact, setReviewFeatured, setReviewNote, setReviewStatus } from '@/lib/reviews/inbox';
import { REVIEW_LIMITS, reviewStatuses } from '@/lib/reviews/model';

const flag = z.enum(['0', '1']).transform((v) => v === '1');

/** Mark read or unread, hide as spam, restore from spam: nothing is ever deleted. */
export const setReviewStatusAction = memberAction(
  'reviews.write',
  z.object({ id: uuid, status: z.enum(reviewStatuses) }),
  async (ctx, input) => {
    await setReviewStatus(ctx, input.id, input.status);
    revalidatePath('/reviews');
  },
  { successKey: 'reviews:messages.status_saved' },
);

/** Feature as a testimonial (the domain refuses without the customer's consent) or stop featuring. */
export const setReviewFeaturedAction = memberAction(
  'reviews.write',
  z.object({ id: uuid, featured: flag }),
  async (ctx, input) => {
    await setReviewFeatured(ctx, input.id, input.featured);
    revalidatePath('/reviews');
  },
  { successKey: 'messages.saved' },
);

/** The team's private note on a review. */
export const saveReviewNoteAction = memberAction(
  'reviews.write',
  z.object({ id: uuid, note: z.string().max(REVIEW_LIMITS.note, 'validation.too_long').default('') }),
  async (ctx, input) => {
    await setReviewNote(ctx, input.id, input.note);
    revalidatePath('/reviews');
  },
  { successKey: 'reviews:messages.note_saved' },
);

/** Erase the customer's personal data on their request (UU PDP): owners only; the score stays. */
export const eraseReviewContactAction = memberAction(
  'reviews.manage',
  z.object({ id: uuid }),
  async (ctx, input) => {
    await eraseReviewContact(ctx, input.id);
    revalidatePath('/reviews');
  },
  { successKey: 'reviews:messages.erased' },
);
