'use server';

import { z } from 'zod';
import { businessTypes } from '@/lib/shared';
import { signUp } from '@/lib/accounts/accounts';
import { publicAction } from '@/lib/core/actions';
import { timeZones } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { email, newPassword, requiredText } from '@/lib/core/validation';

const schema = z.object({
  name: requiredText(80),
  businessName: requiredText(120),
  businessType: z.enum(businessTypes, 'validation.required'),
  city: requiredText(80),
  timeZone: z.enum(timeZones, 'validation.required'),
  email,
  password: newPassword,
});

/** Creates the business and its owner; the form then signs the new owner in. */
export const signUpAction = publicAction(schema, async ({ ip }, input) => {
  await signUp({ ...input, locale: await getLocale() }, ip);
});
