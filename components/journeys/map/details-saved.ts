/**
 * The details form and the map editor are separate forms on one page, and both bump the journey's
 * revision. The form says when its save was the only change (revision `from` → `to`), so the
 * editor can carry its unsaved edits over instead of reporting a conflict with the user's own save.
 */
export interface DetailsSaved {
  journeyId: string;
  from: number;
  to: number;
}

const EVENT = 'jejak:journey-details-saved';

export function announceDetailsSaved(detail: DetailsSaved) {
  window.dispatchEvent(new CustomEvent<DetailsSaved>(EVENT, { detail }));
}

/** Calls `listener` on every details save on this page; returns the unsubscribe function. */
export function onDetailsSaved(listener: (detail: DetailsSaved) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<DetailsSaved>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
