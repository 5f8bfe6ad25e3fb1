/**
 * Secret link tokens (invites, share links; next, review links): made here, stored only hashed,
 * and checked for shape before any lookup.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, base64url: 32 characters. */
export function newSecretToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The shape `newSecretToken` makes: anything else is not looked up. */
export const secretTokenPattern = /^[A-Za-z0-9_-]{32}$/;

/** What the database keeps of a token: its SHA-256, base64url. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
