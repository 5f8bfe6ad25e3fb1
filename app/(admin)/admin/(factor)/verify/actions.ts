'use server';

import { z } from 'zod';
import { adminSignInAction } from '@/lib/admin/actions';
import { totpCodePattern, useRecoveryCode, verifyTotp } from '@/lib/admin/factor';
import { AppError } from '@/lib/core/errors';

/** A code from the authenticator app: this session passes the second factor. */
export const verifyCodeAction = adminSignInAction(
  z.object({ code: z.string().max(64) }),
  async (standing, input) => {
    const code = input.code.replace(/\s+/g, '');
    if (!totpCodePattern.test(code)) throw new AppError('admin:factor.code_format', { field: 'code' });
    await verifyTotp(standing.actor, code);
  },
  { redirectTo: () => '/admin/businesses' },
);

/** A recovery code instead (a lost phone): each works once. */
export const recoveryCodeAction = adminSignInAction(
  z.object({ recoveryCode: z.string().trim().min(1, 'validation.required').max(64) }),
  async (standing, input) => {
    await useRecoveryCode(standing.actor, input.recoveryCode);
  },
  { redirectTo: () => '/admin/businesses' },
);
