/**
 * Expected failures carry a translation key (namespace `common`, under `errors.` or
 * `validation.`) and, for form fields, the field's name. Anything else is unexpected: logged with
 * an id, shown as a generic message.
 */
export class AppError extends Error {
  constructor(
    public readonly key: string,
    /** `data` travels to the form with the message (e.g. which revision a conflict is about). */
    public readonly opts: { field?: string; params?: Record<string, string | number>; data?: unknown } = {},
  ) {
    super(key);
    this.name = 'AppError';
  }
}

/** Unknown id, or an id of another tenant: the two are answered the same way. */
export class NotFoundError extends AppError {
  constructor(public readonly what = 'record') {
    super('errors.not_found');
    this.name = 'NotFoundError';
  }
}

/** The signed-in member's role lacks the permission. */
export class ForbiddenError extends AppError {
  constructor() {
    super('errors.forbidden');
    this.name = 'ForbiddenError';
  }
}

/** Postgres unique violation (23505), on either driver, through drizzle's wrapping. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
