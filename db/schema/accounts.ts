/** Businesses (tenants), the people who sign in (users), their browsers (user_sessions) and who belongs where (memberships). */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessTypes, memberRoles } from '@/lib/shared/business';
import { locales } from '@/lib/shared/locales';
import { timeZones } from '@/lib/shared/time-zones';
import { appRole, createdAt, currentUser, tenantIsolation } from './policies';

export const memberRole = pgEnum('member_role', memberRoles);
export const locale = pgEnum('locale', locales);
export const timeZone = pgEnum('time_zone', timeZones);
export const businessType = pgEnum('business_type', businessTypes);

/** A business using Jejak. Its `id` is the distribution key every tenant table points to. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    businessType: businessType('business_type').notNull().default('other'),
    city: text('city').notNull().default(''),
    timeZone: timeZone('time_zone').notNull().default('Asia/Jakarta'),
    logoUrl: text('logo_url'),
    /**
     * The language the business's public pages (review page, testimonials) open in, before the
     * customer's browser language; null: follow the browser (then Indonesian). `?lang=` wins over both.
     */
    defaultLocale: locale('default_locale'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When a member last did something recorded in the audit log (signed in, saved…), to the
     * minute: kept by a trigger on audit_log (migration 0013), for the admin console's list.
     */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set by a platform admin (the admin door, lib/admin/suspension.ts): while set, no member can
     * use the business and its public pages answer 503. Only jejak_admin may change these two
     * columns (migration 0014); the app reads them.
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspendedReason: text('suspended_reason'),
  },
  (t) => [
    // The admin console's list of businesses (lib/admin/businesses.ts): sorted by name, creation or
    // last activity, searched by words of the name and city (prefix per word).
    index('tenants_name_idx').on(sql`lower(${t.name})`, t.id),
    index('tenants_created_idx').on(t.createdAt, t.id),
    index('tenants_last_active_idx').on(t.lastActiveAt, t.id),
    index('tenants_search_idx').using('gin', sql`to_tsvector('simple'::regconfig, ${t.name} || ' ' || ${t.city})`),
    tenantIsolation(t.id),
    // A signed-in user may see the businesses they belong to (to list and switch between them).
    pgPolicy('member_can_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`exists (select 1 from memberships m where m.tenant_id = ${t.id} and m.user_id = ${currentUser})`,
    }),
  ],
);

/** A person who signs in. Global (a Citus reference table): one account may belong to several businesses. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: locale('locale').notNull().default('id'),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    /** Bumped to end every session of the user (password change, removal from a team). */
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    // Prefix search by email (the admin console), whatever the database's collation.
    index('users_email_prefix_idx').using('btree', sql`lower(${t.email}) text_pattern_ops`),
  ],
);

/**
 * A signed-in browser. Its id travels in the session cookie (the JWT's `sid`); signing out
 * revokes it here, so a copied cookie stops working at once. Platform table (a Citus reference
 * table, like `users`): one row per sign-in, pruned after it expires.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * When this session passed a platform admin's second factor (lib/admin/factor.ts); null until
     * then. Set only by the admin door's role: jejak_app may not set it (migration 0013).
     */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export const memberships = pgTable(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    tenantIsolation(t.tenantId),
    pgPolicy('user_can_read_own', { as: 'permissive', for: 'select', to: appRole, using: sql`${t.userId} = ${currentUser}` }),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type Locale = (typeof locale.enumValues)[number];
export type TimeZone = (typeof timeZone.enumValues)[number];
export type BusinessType = (typeof businessType.enumValues)[number];
