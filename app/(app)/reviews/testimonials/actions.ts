'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/core/actions';
import { claimTestimonialPage, removeTestimonialPage } from '@/lib/reviews/testimonials';

/**
 * Claims the business's testimonial page address, or moves the page to a new one. The address is
 * normalised and checked by the domain (lib/reviews/testimonials.ts), which answers a broken rule
 * or an address another business holds on the `slug` field.
 */
export const saveTestimonialPageAction = memberAction(
  'reviews.manage',
  z.object({ slug: z.string({ error: 'validation.required' }).max(200, 'validation.too_long') }),
  async (ctx, input) => {
    const page = await claimTestimonialPage(ctx, input.slug);
    revalidatePath('/reviews/testimonials');
    return { slug: page.slug };
  },
  { successKey: 'testimonials:owner.saved' },
);

/** Takes the business's testimonial page down (its address answers 404); featured reviews stay featured. */
export const removeTestimonialPageAction = memberAction(
  'reviews.manage',
  z.object({}),
  async (ctx) => {
    await removeTestimonialPage(ctx);
    revalidatePath('/reviews/testimonials');
  },
  { successKey: 'testimonials:owner.removed' },
);
