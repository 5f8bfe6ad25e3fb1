import 'server-only';
/**
 * For journey pages: a malformed id, an unknown one and another business's one all end in the
 * same 404 page (a malformed id would otherwise reach Postgres as an invalid uuid).
 */
import { notFound } from 'next/navigation';
import { NotFoundError } from '../core/errors';
import { uuid } from '../core/validation';

export function journeyIdOr404(id: string): string {
  if (!uuid.safeParse(id).success) notFound();
  return id;
}

export async function or404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
