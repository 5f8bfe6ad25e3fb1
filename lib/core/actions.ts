import 'server-only';
/**
 * One wrapper for every form action: authenticate, resolve the business and role from the
 * session (never from the form), check the permission, validate with zod, drop a repeated
 * submission, run, and answer in the user's language. Expected errors (AppError) become field or
 * form messages; anything else is logged with an id the user can quote.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { formSubmissions } from '@/db/schema';
import type { ActionState } from './action-state';
import { isSafeText, unsafeTextPaths } from './bad-bytes';
import { can, type Permission } from '../auth/permissions';
import { getSession, type MemberContext } from '../auth/session';
import { AppError } from './errors';
import { HONEYPOT_FIELD } from './honeypot';
import { getT } from '../i18n/server';
import { clientIp } from './request';
import { withTenant } from './tenancy';

type Handler<S extends z.ZodType, C> = (ctx: C, input: z.output<S>) => Promise<Record<string, string> | void>;

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

async function fail(err: unknown, values: Record<string, string>): Promise<ActionState> {
  const { t } = await getT('common');
  if (err instanceof AppError) {
    const message = t(err.key, err.opts.params);
    return err.opts.field
      ? { status: 'error', fieldErrors: { [err.opts.field]: message }, values: keptValues(values) }
      : { status: 'error', message, values: keptValues(values) };
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[action ${id}]`, err);
  return { status: 'error', message: t('errors.unexpected', { id }), values: keptValues(values) };
}

async function run<S extends z.ZodType, C>(
  formData: FormData,
  schema: S,
  ctx: C,
  handler: Handler<S, C>,
  successKey: string | undefined,
  dedupe: ((id: string) => Promise<boolean>) | undefined,
): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = schema.safeParse(formInput(formData));
  const unsafe = unsafeFields(values, parsed.success ? parsed.data : undefined);
  if (!parsed.success || unsafe.length) {
    const fieldErrors = parsed.success ? {} : await translateIssues(parsed.error);
    if (unsafe.length) {
      const { t } = await getT('common');
      for (const field of unsafe) fieldErrors[field] = t('validation.unsafe_text');
    }
    return { status: 'error', fieldErrors, values: keptValues(values) };
  }
  const submission = formData.get('_submission');
  let claimed: string | undefined;
  if (dedupe && typeof submission === 'string' && z.uuid().safeParse(submission).success) {
    if (!(await dedupe(submission))) {
      const { t } = await getT('common');
      return { status: 'ok', message: t('messages.already_saved') };
    }
    claimed = submission;
  }
  try {
    const data = await handler(ctx, parsed.data);
    const { t } = await getT('common');
    return { status: 'ok', message: successKey ? t(successKey) : undefined, data: data ?? undefined };
  } catch (err) {
    if (claimed && ctx && typeof ctx === 'object' && 'tenantId' in ctx) {
      const tenantId = (ctx as unknown as MemberContext).tenantId;
      await withTenant(tenantId, (tx) =>
        tx.delete(formSubmissions).where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.id, claimed!))),
      ).catch(() => {});
    }
    return fail(err, values);
  }
}

export interface MemberActionContext extends MemberContext {
  ip: string | null;
}

/** A form action of the signed-in area. `successKey` is a `common` key shown on success. */
export function memberAction<S extends z.ZodType>(
  permission: Permission | null,
  schema: S,
  handler: Handler<S, MemberActionContext>,
  opts: { successKey?: string } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const session = await getSession();
    const { t } = await getT('common');
    if (!session?.tenant) return { status: 'error', message: t('errors.signed_out'), values: keptValues(formValues(formData)) };
    if (permission && !can(session.tenant.role, permission)) return { status: 'error', message: t('errors.forbidden') };
    const ctx: MemberActionContext = {
      userId: session.user.id,
      tenantId: session.tenant.tenantId,
      role: session.tenant.role,
      user: session.user,
      tenant: session.tenant,
      ip: await clientIp(),
    };
    const dedupe = async (id: string) => {
      const rows = await withTenant(ctx.tenantId, (tx) =>
        tx.insert(formSubmissions).values({ tenantId: ctx.tenantId, id }).onConflictDoNothing().returning(),
      );
      return rows.length === 1;
    };
    return { ...(await run(formData, schema, ctx, handler, opts.successKey, dedupe)), submission: randomUUID() };
  };
}

/** A form action for visitors (sign-up, accepting an invite): no session needed. */
export function publicAction<S extends z.ZodType>(schema: S, handler: Handler<S, { ip: string | null }>, opts: { successKey?: string } = {}) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    // The honeypot (components/ui/Honeypot): only a bot fills in a field nobody can see.
    const trap = formData.get(HONEYPOT_FIELD);
    if (typeof trap === 'string' && trap !== '') {
      const { t } = await getT('common');
      return { status: 'error', message: t('errors.form_refused'), values: keptValues(formValues(formData)) };
    }
    return run(formData, schema, { ip: await clientIp() }, handler, opts.successKey, undefined);
  };
}
