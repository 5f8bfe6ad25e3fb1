import 'server-only';
/**
 * For pages and route handlers: an id that names nothing here (malformed, unknown, or another
 * business's) ends in the same 404.
 */
import { notFound } from 'next/navigation';
import { NotFoundError } from './errors';
import { isUuid } from './ids';

/** The id itself when well-formed; else the 404 page. */
export function idOr404(id: string): string {
  if (!isUuid(id)) notFound();
  return id;
}

/** The loaded value; a NotFoundError becomes the 404 page. */
export async function or404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
