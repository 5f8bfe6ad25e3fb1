/**
 * The leaf module: enums and types that the database schema (db/) and the rest of the app both
 * need. Files here import nothing but each other (and zod, if ever needed), so any layer may
 * import them, client components included. The lint enforces it (eslint.config.mjs, local/layers).
 */
export * from './business';
export * from './journeys';
export * from './locales';
export * from './time-zones';
