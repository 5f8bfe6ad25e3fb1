/**
 * Ids from outside (a URL, a form): one check, and one way to answer an id that names nothing.
 * A malformed id, an unknown one and another business's one all end the same way, and a
 * malformed one never reaches PostgreSQL (which would refuse it as an invalid uuid).
 */
import { z } from 'zod';
import { NotFoundError } from './errors';

const uuidSchema = z.uuid();

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidSchema.safeParse(value).success;
}

/** Throws NotFound (answered as 404 / "not found") unless every id is a well-formed uuid. */
export function assertUuids(...ids: string[]): void {
  for (const id of ids) if (!isUuid(id)) throw new NotFoundError('id');
}
