import 'server-only';
/**
 * One wrapper for every form action: authenticate, resolve the business and role from the
 * session (never from the form), check the permission, validate with zod, refuse unsafe text,
 * drop a repeated submission, run, and answer in the user's language with the handler's typed
 * result. Expected errors (AppError) become field or form messages; anything else is logged with
 * an id the user can quote.
 *
 * `memberAction` runs the handler inside ONE transaction of the member's tenant (`ctx.tx`): the
 * claim of the submission id, the work and its audit rows commit together or not at all, so a
 * crash can never leave "already saved" behind for work that was not saved.
 */
import { randomUUID } from 'node:crypto';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { formSubmissions } from '@/db/schema';
import type { ActionState } from './action-state';
import { isSafeText, unsafeTextPaths } from './bad-bytes';
import { can, type Permission } from '../auth/permissions';
import { getSession, type MemberContext } from '../auth/session';
import { AppError } from './errors';
import { HONEYPOT_FIELD } from './honeypot';
import { getT } from '../i18n/server';
import type { Locale, Namespace } from '../i18n/settings';
import { clientIp } from './request';
import { inTenant, type TenantDb } from './tenancy';

type Handler<S extends z.ZodType, C, D> = (ctx: C, input: z.output<S>) => Promise<D>;

export interface ActionOptions<D> {
  /** Shown on success: a `common` key (`messages.saved`) or one of another namespace (`map:editor.saved`). */
  successKey?: string;
  /** Where the browser goes once the work has committed (a redirect), chosen from the result. */
  redirectTo?: (data: D) => string | null | undefined;
  /** Where a repeated submission goes (its first run already went to `redirectTo`, whose data is gone). */
  repeatRedirectTo?: string;
}

const secretFields = /password/i;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !k.startsWith('$ACTION') && !k.startsWith('_')) out[k] = v;
  }
  return out;
}

/** What the schema parses: the text fields, plus any file chosen (an empty file input sends a nameless empty File). */
function formInput(formData: FormData): Record<string, string | File> {
  const out: Record<string, string | File> = formValues(formData);
  for (const [k, v] of formData.entries()) {
    if (typeof v !== 'string' && v.size > 0 && !k.startsWith('$ACTION') && !k.startsWith('_')) out[k] = v;
  }
  return out;
}

function keptValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !secretFields.test(k)));
}

async function translateIssues(error: z.ZodError): Promise<Record<string, string>> {
  const { t } = await getT('common');
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
    out[field] = t(key);
  }
  return out;
}

/**
 * The fields holding text no column can hold (a NUL, another control character: lib/core/bad-bytes.ts):
 * as typed, and anywhere inside what the schema parsed (a field may carry JSON, like the map
 * editor's). PostgreSQL would refuse a NUL and the user would read "unexpected error"; instead
 * the field says what is wrong, and the form keeps what was typed.
 */
function unsafeFields(values: Record<string, string>, parsed: unknown): string[] {
  const fields = new Set(Object.keys(values).filter((k) => !isSafeText(values[k]!)));
  for (const path of unsafeTextPaths(parsed)) fields.add(String(path[0] ?? '_form'));
  return [...fields];
}

async function fail<D>(err: unknown, values: Record<string, string>): Promise<ActionState<D>> {
  unstable_rethrow(err); // Next's own control flow (redirect, notFound) is not a failure
  const { t } = await getT('common');
  if (err instanceof AppError) {
    const message = t(err.key, err.opts.params);
    const data = err.opts.data as D | undefined;
    return err.opts.field
      ? { status: 'error', fieldErrors: { [err.opts.field]: message }, values: keptValues(values), data }
      : { status: 'error', message, values: keptValues(values), data };
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[action ${id}]`, err);
  return { status: 'error', message: t('errors.unexpected', { id }), values: keptValues(values) };
}

async function successMessage(key: string | undefined): Promise<string | undefined> {
  if (!key) return undefined;
  const [ns, k] = key.includes(':') ? (key.split(':', 2) as [Namespace, string]) : (['common', key] as const);
  const { t } = await getT(ns);
  return t(k);
}

/** Parses the form; answers the refusal, or the input the handler gets. */
async function parseForm<S extends z.ZodType>(formData: FormData, schema: S): Promise<{ input: z.output<S> } | { refused: ActionState<never> }> {
  const values = formValues(formData);
  const parsed = schema.safeParse(formInput(formData));
  const unsafe = unsafeFields(values, parsed.success ? parsed.data : undefined);
  if (!parsed.success || unsafe.length) {
    const fieldErrors = parsed.success ? {} : await translateIssues(parsed.error);
    if (unsafe.length) {
      const { t } = await getT('common');
      for (const field of unsafe) fieldErrors[field] = t('validation.unsafe_text');
    }
    return { refused: { status: 'error', fieldErrors, values: keptValues(values) } };
  }
  return { input: parsed.data };
}

const alreadySaved = Symbol('already saved');

/** Runs the work; turns its result or failure into the form's answer; redirects after a success. */
async function answer<D>(
  formData: FormData,
  work: () => Promise<D | typeof alreadySaved>,
  opts: ActionOptions<D>,
): Promise<ActionState<D>> {
  let data: D;
  try {
    const result = await work();
    if (result === alreadySaved) {
      if (opts.repeatRedirectTo) redirect(opts.repeatRedirectTo);
      const { t } = await getT('common');
      return { status: 'ok', message: t('messages.already_saved') };
    }
    data = result;
  } catch (err) {
    return fail<D>(err, formValues(formData));
  }
  const to = opts.redirectTo?.(data);
  if (to) redirect(to);
  return { status: 'ok', message: await successMessage(opts.successKey), data };
}

/**
 * Why a session has no business to act in: signed out (or removed), or its business was suspended
 * by a platform admin (a suspended business is no membership: lib/accounts/accounts.ts sessionUserIn).
 */
function noBusinessMessage(t: (key: string, opts?: Record<string, unknown>) => string, session: { suspendedBusiness?: string | null } | null): string {
  return session?.suspendedBusiness ? t('errors.business_suspended', { business: session.suspendedBusiness }) : t('errors.signed_out');
}

export interface MemberActionContext extends MemberContext, TenantDb {
  ip: string | null;
  /**
   * The request's language, resolved before the transaction opens: use it (`getT(ns, ctx.locale)`)
   * rather than getLocale()/getT(ns) in a handler, which may read the session from the database —
   * a second transaction, and on PGlite (one connection) a deadlock.
   */
  locale: Locale;
}

/** A form action of the signed-in area, run in one transaction of the member's business. */
export function memberAction<S extends z.ZodType, D = void>(
  permission: Permission | null,
  schema: S,
  handler: Handler<S, MemberActionContext, D>,
  opts: ActionOptions<D> = {},
): (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>> {
  return async (_prev, formData) => {
    const session = await getSession();
    const { t, locale } = await getT('common');
    if (!session?.tenant) return { status: 'error', message: noBusinessMessage(t, session), values: keptValues(formValues(formData)) };
    if (permission && !can(session.tenant.role, permission)) return { status: 'error', message: t('errors.forbidden') };
    const parsed = await parseForm(formData, schema);
    if ('refused' in parsed) return parsed.refused;
    const who = { userId: session.user.id, tenantId: session.tenant.tenantId, ip: await clientIp() };
    const submission = formData.get('_submission');
    const key = typeof submission === 'string' && z.uuid().safeParse(submission).success ? submission : null;
    const state = await answer<D>(
      formData,
      () =>
        inTenant(who, async (db) => {
          // A repeated submission (double tap, retry) finds its id taken: nothing is done twice. The
          // claim is part of this transaction, so it exists only if the work committed.
          if (key) {
            const claimed = await db.tx.insert(formSubmissions).values({ tenantId: db.tenantId, id: key }).onConflictDoNothing().returning();
            if (claimed.length === 0) return alreadySaved;
          }
          return handler({ ...db, ip: who.ip, locale, role: session.tenant!.role, user: session.user, tenant: session.tenant! }, parsed.input);
        }),
      opts,
    );
    return { ...state, submission: randomUUID() };
  };
}

export interface AccountActionContext extends MemberContext {
  ip: string | null;
}

/**
 * A form action about the signed-in person's own account (profile, password, sessions), which
 * spans all their businesses: no tenant transaction is opened; the handler's own domain calls
 * are its units of work, each idempotent when repeated.
 */
export function accountAction<S extends z.ZodType, D = void>(
  schema: S,
  handler: Handler<S, AccountActionContext, D>,
  opts: ActionOptions<D> = {},
): (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>> {
  return async (_prev, formData) => {
    const session = await getSession();
    const { t } = await getT('common');
    if (!session?.tenant) return { status: 'error', message: noBusinessMessage(t, session), values: keptValues(formValues(formData)) };
    const parsed = await parseForm(formData, schema);
    if ('refused' in parsed) return parsed.refused;
    const ctx: AccountActionContext = {
      userId: session.user.id,
      tenantId: session.tenant.tenantId,
      role: session.tenant.role,
      user: session.user,
      tenant: session.tenant,
      ip: await clientIp(),
    };
    return answer<D>(formData, () => handler(ctx, parsed.input), opts);
  };
}

/** A form action for visitors (sign-up, accepting an invite): no session; the handler opens its own units of work. */
export function publicAction<S extends z.ZodType, D = void>(
  schema: S,
  handler: Handler<S, { ip: string | null }, D>,
  opts: ActionOptions<D> = {},
): (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>> {
  return async (_prev, formData) => {
    // The honeypot (components/ui/Honeypot): only a bot fills in a field nobody can see.
    const trap = formData.get(HONEYPOT_FIELD);
    if (typeof trap === 'string' && trap !== '') {
      const { t } = await getT('common');
      return { status: 'error', message: t('errors.form_refused'), values: keptValues(formValues(formData)) };
    }
    const parsed = await parseForm(formData, schema);
    if ('refused' in parsed) return parsed.refused;
    const ip = await clientIp();
    return answer<D>(formData, () => handler({ ip }, parsed.input), opts);
  };
}
