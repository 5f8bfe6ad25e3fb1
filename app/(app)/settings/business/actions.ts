'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { businessTypes, locales } from '@/lib/shared';
import { memberAction } from '@/lib/core/actions';
import { timeZones } from '@/lib/i18n/format';
import { imageDataUrl } from '@/lib/images/images';
import { updateTenant } from '@/lib/team/team';
import { requiredText } from '@/lib/core/validation';

const schema = z.object({
  name: requiredText(120),
  businessType: z.enum(businessTypes, 'validation.required'),
  city: requiredText(80),
  timeZone: z.enum(timeZones, 'validation.required'),
  // The review and testimonial pages' language; '': follow the customer's browser (absent: unchanged).
  defaultLocale: z
    .enum(['', ...locales], 'validation.invalid')
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null)),
  // Present only when a file was chosen; its content is checked by lib/images/images.ts.
  logo: z.file('validation.image_type').optional(),
  removeLogo: z.literal('on').optional(),
});

/** Saves the business's details; a logo is replaced when a file is chosen, removed when asked. */
export const updateBusinessAction = memberAction(
  'tenant.settings',
  schema,
  async (ctx, { logo, removeLogo, ...details }) => {
    const logoUrl = removeLogo ? null : logo ? await imageDataUrl(logo, 'logo') : undefined;
    await updateTenant(ctx, logoUrl === undefined ? details : { ...details, logoUrl });
    // The header shows the business's name and logo on every page.
    revalidatePath('/', 'layout');
  },
  { successKey: 'messages.saved' },
);
