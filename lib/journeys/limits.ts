/**
 * How big a journey map may grow, and how big an imported journey file may be: plain numbers,
 * safe for client components (no validation library comes with them). The server's schemas in
 * lib/journeys/model.ts and lib/journeys/exchange.ts are built from these same constants and
 * re-export them; the map editor and the forms import them from here so that zod stays out of
 * the browser's bundles (tests/unit/client-bundle.test.ts checks it).
 */
export const LIMITS = { stages: 12, itemsPerLane: 30, text: 500, name: 120 } as const;

/** Real maps are a few kilobytes; this keeps an upload well inside the 1 MB server-action body limit. */
export const IMPORT_MAX_BYTES = 512 * 1024;
