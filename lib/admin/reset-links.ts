/**
 * One-time password-reset links a platform admin issues for a member of a business (issue 12,
 * item 5): one unit of work through the admin door (`withAdmin`, action
 * `business.reset_link_issued`, the reason the admin typed, the member in the entry's details).
 *
 * The token is 192 random bits (lib/links/tokens.ts); only its SHA-256 is stored, so the link is
 * shown to the admin once, to pass on (copy, or "Kirim lewat WhatsApp"). It works once, for
 * `RESET_LINK_TTL_MS`; issuing a new link for the same account voids its earlier unused ones. The
 * public page /reset/<token> uses it through lib/auth/password-reset.ts (migration 0016's
 * SECURITY DEFINER functions: the request path's role cannot read or write the table).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, passwordResetLinks, users } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import { hashToken, newSecretToken } from '../links/tokens';
import type { AdminDb } from './door';
import { typedReason } from './suspension';

/** How long a reset link works: a day, time enough to reach the owner on WhatsApp. */
export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

// `resetReason`, not `reason`: the business page has several forms, and a field's name is its element id.
export const resetLinkInput = z.object({ tenantId: z.uuid('validation.invalid'), userId: z.uuid('validation.invalid'), resetReason: typedReason });
export type ResetLinkInput = z.output<typeof resetLinkInput>;

/** The public page of a reset token. */
export function resetPath(token: string): string {
  return `/reset/${token}`;
}

export interface IssuedResetLink {
  /** The token itself: shown once, never stored. */
  token: string;
  path: string;
  expiresAt: Date;
  email: string;
  name: string;
}

/**
 * Issues a reset link for a member of the business (NotFound when the account is not one of its
 * members, or the business is unknown), voiding the account's earlier unused links.
 */
export async function issueResetLink(db: AdminDb, tenantId: string, userId: string): Promise<IssuedResetLink> {
  if (!isUuid(tenantId) || !isUuid(userId)) throw new NotFoundError('member');
  const [member] = await db.tx
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member) throw new NotFoundError('member');
  await db.tx
    .update(passwordResetLinks)
    .set({ voidedAt: sql`now()` })
    .where(and(eq(passwordResetLinks.userId, userId), isNull(passwordResetLinks.usedAt), isNull(passwordResetLinks.voidedAt)));
  const token = newSecretToken();
  const [row] = await db.tx
    .insert(passwordResetLinks)
    .values({ userId, tokenHash: hashToken(token), issuedBy: db.actor.userId, expiresAt: sql`now() + ${`${RESET_LINK_TTL_MS} milliseconds`}::interval` })
    .returning({ expiresAt: passwordResetLinks.expiresAt });
  return { token, path: resetPath(token), expiresAt: row!.expiresAt, email: member.email, name: member.name };
}
