'use server';

import { z } from 'zod';
import { adminSignInAction } from '@/lib/admin/actions';
import { confirmEnrolment, totpCodePattern } from '@/lib/admin/factor';
import { AppError } from '@/lib/core/errors';

/** Confirms the authenticator app with a code: answers the recovery codes, shown once. */
export const confirmEnrolmentAction = adminSignInAction(z.object({ code: z.string().max(64) }), async (standing, input) => {
  const code = input.code.replace(/\s+/g, '');
  if (!totpCodePattern.test(code)) throw new AppError('admin:factor.code_format', { field: 'code' });
  return confirmEnrolment(standing.actor, code);
});
