/**
 * Every limit of the app in one table: what is counted, how many, over what window. The counts
 * live in the database (limiter.ts), so each holds across restarts and app instances.
 */
import { env } from '../core/env';
import type { Limit } from './limiter';

export const limits = {
  /** Failed sign-ins per account: the sixth wrong try in 15 minutes locks it, even for the right password. */
  signInPerAccount: { bucket: 'sign_in_fail_account', max: 5, windowMs: 15 * 60 * 1000 },
  /** Failed sign-ins per client address (a shared office or campus NAT needs room). */
  signInPerAddress: { bucket: 'sign_in_fail_ip', max: 30, windowMs: 15 * 60 * 1000, perAddress: true },
  /** Wrong current passwords per account when changing the password (a stolen session gets no free guesses). */
  passwordChange: { bucket: 'password_change_fail', max: 5, windowMs: 15 * 60 * 1000 },
  /** Sign-up attempts per address, refused ones too: room for a shop helping its neighbours, not for a bot (SIGN_UPS_PER_ADDRESS_HOUR, default 10). */
  signUpPerAddress: { bucket: 'sign_up_ip', max: env.SIGN_UPS_PER_ADDRESS_HOUR, windowMs: 60 * 60 * 1000, perAddress: true },
  /**
   * Wrong secret links (share, invite) per address. Guessing a 192-bit token is hopeless, but every
   * try costs a lookup: past the limit an address gets "no such link" without the data being read.
   */
  linkGuessPerAddress: { bucket: 'link_guess_ip', max: 30, windowMs: 15 * 60 * 1000, perAddress: true },
  /** Reviews sent from one address: a family sharing a phone, a shop's Wi-Fi — not a flood. */
  reviewSubmitPerAddress: { bucket: 'review_submit_ip', max: 20, windowMs: 60 * 60 * 1000, perAddress: true },
  /**
   * Reviews from a link's counter-mode tablet (sent through the owner's counter address, whose key
   * is checked), instead of the per-address limit: a customer every 30 seconds for an hour.
   */
  reviewSubmitPerCounter: { bucket: 'review_submit_counter', max: 120, windowMs: 60 * 60 * 1000 },
  /** Reviews into one link: a busy shop's day, well above; a script, stopped. */
  reviewSubmitPerLink: { bucket: 'review_submit_link', max: 300, windowMs: 60 * 60 * 1000 },
  /**
   * Second-factor codes per platform admin (TOTP or recovery code, lib/admin/factor.ts): a million
   * six-digit codes cannot be walked through at five tries per quarter hour. Every try counts until
   * one succeeds.
   */
  adminFactor: { bucket: 'admin_factor', max: 5, windowMs: 15 * 60 * 1000 },
  /**
   * New passwords set through one-time reset links (/reset/<token>) per address, tried or not: a
   * person needs one or two; each try costs an argon2 hash. Wrong tokens also count as link guesses.
   */
  passwordResetPerAddress: { bucket: 'password_reset_ip', max: 10, windowMs: 15 * 60 * 1000, perAddress: true },
} as const satisfies Record<string, Limit>;
