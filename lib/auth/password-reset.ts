/**
 * The public side of a one-time password-reset link (/reset/<token>, issued by a platform admin:
 * lib/admin/reset-links.ts). The request path's role has no privilege on `password_reset_links`;
 * it goes through two SECURITY DEFINER functions of migration 0016, by the token's SHA-256 only:
 *
 * - `jejak_password_reset_account(hash)`: the account a live token opens (unused, not voided, not
 *   expired), for the page to show its form;
 * - `jejak_use_password_reset(hash, newHash)`: in one statement's transaction, marks the token used
 *   (two uses racing: one wins), voids the account's other unused links, sets the new password,
 *   bumps the session version and revokes every session of the account.
 *
 * A token that is malformed, unknown, used, voided or expired is one answer (null), counted against
 * the visitor's address like any wrong secret link (`guardedLookup`); every reset attempt counts
 * against `limits.passwordResetPerAddress`. A reset is written to the audit log of every business
 * of the account as a password change (`auth.password_changed`, `via: 'reset_link'`), and clears
 * the account's failed sign-ins (the person locked out is the one who asked for the link).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { auditUser } from '../accounts/accounts';
import { AppError } from '../core/errors';
import { withPlatform } from '../core/tenancy';
import { hashToken, secretTokenPattern } from '../links/tokens';
import { limits } from '../rate-limit/limits';
import { clearHits, guardedLookup, takeHit } from '../rate-limit/limiter';
import { hashPassword } from './password';

/** The account a live reset token opens (its email, for the form and password managers), or null. */
export async function resetLinkAccount(token: string, ip: string | null): Promise<{ email: string } | null> {
  return guardedLookup(ip, async () => {
    if (!secretTokenPattern.test(token)) return null;
    const [row] = await withPlatform((tx) => queryRows<{ email: string }>(tx, sql`select email from jejak_password_reset_account(${hashToken(token)})`));
    return row ? { email: row.email } : null;
  });
}

/**
 * Sets the account's new password through a live reset token, once; ends every session of the
 * account. Null when the token cannot be used (nothing changes then). AppError
 * `errors.password_reset_limited` when the address has tried too often.
 */
export async function resetPasswordWithLink(token: string, password: string, ip: string | null): Promise<{ userId: string; email: string } | null> {
  if (ip && !(await takeHit(limits.passwordResetPerAddress, ip)).allowed) throw new AppError('errors.password_reset_limited');
  const used = await guardedLookup(ip, async () => {
    if (!secretTokenPattern.test(token)) return null;
    const account = await withPlatform((tx) => queryRows<{ email: string }>(tx, sql`select email from jejak_password_reset_account(${hashToken(token)})`));
    if (!account[0]) return null;
    const passwordHash = await hashPassword(password);
    const [row] = await withPlatform((tx) =>
      queryRows<{ account_id: string }>(tx, sql`select account_id from jejak_use_password_reset(${hashToken(token)}, ${passwordHash})`),
    );
    return row ? { userId: row.account_id, email: account[0].email } : null;
  });
  // A miss is also counted as a wrong link (guardedLookup); the attempt stays counted either way.
  if (!used) return null;
  await clearHits(limits.signInPerAccount, used.email.trim().toLowerCase());
  await auditUser(used.userId, 'auth.password_changed', ip, { via: 'reset_link' });
  return used;
}
