/**
 * The start-up check of the role the app connects as (db/client.ts runs it on PostgreSQL). A role
 * that is a superuser, has BYPASSRLS, or owns the tables, itself or through a role it may switch
 * to, can step past row-level security with one `RESET ROLE` or `ALTER TABLE`: then every tenant's
 * rows rest on the app's `SET LOCAL ROLE jejak_app` alone. Pure, so it is unit-tested.
 */

/** What the connecting (session) role can reach. */
export interface RoleReach {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Owns a table in `public` (an owner can switch row-level security off). */
  ownsTables: boolean;
}

export type RoleVerdict = { level: 'ok' } | { level: 'warn' | 'refuse'; message: string };

export function rlsBypassVerdict(reach: RoleReach, opts: { production: boolean; allowBypass: boolean }): RoleVerdict {
  const why = [reach.superuser && 'superuser', reach.bypassRls && 'BYPASSRLS', reach.ownsTables && 'owner of the tables'].filter(Boolean);
  if (why.length === 0) return { level: 'ok' };
  const message =
    `The database role "${reach.role}" can bypass row-level security (${why.join(', ')}): only the app's SET ROLE keeps ` +
    `tenants apart. Point DATABASE_URL at a login role that is a member of jejak_app and nothing else, and ` +
    `MIGRATION_DATABASE_URL at the owner (migrating then creates the login role; see README, "Running against a real PostgreSQL").`;
  if (opts.production && !opts.allowBypass) {
    return { level: 'refuse', message: `${message} Refusing to start in production; set ALLOW_RLS_BYPASS=1 to start anyway.` };
  }
  return { level: 'warn', message };
}
