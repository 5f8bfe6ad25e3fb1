/**
 * Every table of Jejak. Tenant tables carry `tenant_id`, a primary key that starts with it and
 * foreign keys that include it, so they can be distributed by `tenant_id` on Citus. Row-level
 * security restricts the app role (`jejak_app`) to the tenant set for the transaction
 * (see db/tenancy.ts); `tests/integration/schema-rules.test.ts` checks these rules.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  smallint,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { timeZones } from '../lib/i18n/format';
import type { Lanes } from '../lib/journeys/model';
import { locales } from '../lib/i18n/settings';

/** The role every request runs as: owns nothing, has no BYPASSRLS. Created by migration 0000. */
export const appRole = pgRole('jejak_app').existing();

const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;
const currentUser = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

const sameTenant = (col: AnyPgColumn): SQL => sql`${col} = ${currentTenant}`;

/** The one policy of a tenant table: rows of the transaction's tenant only, for reads and writes. */
const tenantIsolation = (col: AnyPgColumn) =>
  pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: appRole, using: sameTenant(col), withCheck: sameTenant(col) });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const memberRole = pgEnum('member_role', ['owner', 'staff']);
export const locale = pgEnum('locale', locales);
export const timeZone = pgEnum('time_zone', timeZones);
export const businessType = pgEnum('business_type', [
  'warung',
  'cafe',
  'salon',
  'bengkel',
  'laundry',
  'online_shop',
  'retail',
  'other',
]);

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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
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
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
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

/** What happened in a business, by whom. Written in the same transaction as the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: inet('ip'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_tenant_time_idx').on(t.tenantId, t.createdAt),
    tenantIsolation(t.tenantId),
  ],
);

/** A staff invitation: single use, expires. Only the hash of its secret is stored. */
export const invites = pgTable(
  'invites',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    role: memberRole('role').notNull().default('staff'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('invites_token_key').on(t.tenantId, t.tokenHash),
    tenantIsolation(t.tenantId),
  ],
);

/**
 * Events counted by the rate limiter (failed sign-ins per account and per IP, later public
 * review submissions). Kept in the database so limits hold across restarts and app instances.
 * Platform table: keyed by hashed account or IP, no tenant.
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_lookup_idx').on(t.bucket, t.key, t.at)],
);


/** Submitted form ids: a form posted twice (double tap, flaky network retry) is stored once. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation(t.tenantId)],
);

export const journeyStatus = pgEnum('journey_status', ['draft', 'active', 'archived']);
export const stageModel = pgEnum('stage_model', ['five_stage', 'five_phase', 'three_stage', 'blank']);

/** A buyer persona: a fictional, research-based customer of one segment. */
export const personas = pgTable(
  'personas',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    avatarColor: text('avatar_color').notNull().default('emerald'),
    photoUrl: text('photo_url'),
    ageRange: text('age_range').notNull().default(''),
    gender: text('gender').notNull().default(''),
    location: text('location').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    lifestyle: text('lifestyle').notNull().default(''),
    personality: text('personality').notNull().default(''),
    goals: text('goals').notNull().default(''),
    painPoints: text('pain_points').notNull().default(''),
    expectations: text('expectations').notNull().default(''),
    shoppingPreferences: text('shopping_preferences').notNull().default(''),
    preferredChannels: jsonb('preferred_channels').$type<string[]>().notNull().default([]),
    activeTimes: text('active_times').notNull().default(''),
    brandView: text('brand_view').notNull().default(''),
    notes: text('notes').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation(t.tenantId)],
);

/**
 * A customer journey. `revision` is the optimistic-concurrency token: every save names the
 * revision it started from and bumps it; a save from a stale revision is refused.
 */
export const journeys = pgTable(
  'journeys',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    personaId: uuid('persona_id'),
    status: journeyStatus('status').notNull().default('draft'),
    stageModel: stageModel('stage_model').notNull().default('blank'),
    templateKey: text('template_key'),
    /** Advocacy loops back to awareness: drawn as a cycle. */
    isCycle: boolean('is_cycle').notNull().default(false),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personaId], foreignColumns: [personas.tenantId, personas.id], name: 'journeys_persona_fk' }),
    tenantIsolation(t.tenantId),
  ],
);

/** A stage of a journey, in order. Stable ids: reviews and dashboards will point at them. */
export const journeyStages = pgTable(
  'journey_stages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    journeyId: uuid('journey_id').notNull(),
    position: integer('position').notNull(),
    /** The stage of the model it came from (awareness, purchase…), or null for a custom one. */
    stageKey: text('stage_key'),
    name: text('name').notNull(),
    emotionScore: smallint('emotion_score'),
    emotionNote: text('emotion_note').notNull().default(''),
    metric: text('metric').notNull().default(''),
    lanes: jsonb('lanes').$type<Lanes>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'journey_stages_journey_fk' }).onDelete('cascade'),
    index('journey_stages_journey_idx').on(t.tenantId, t.journeyId, t.position),
    check('journey_stages_emotion_range', sql`${t.emotionScore} between -2 and 2`),
    tenantIsolation(t.tenantId),
  ],
);

/** A named snapshot of a journey (the whole map as exported JSON). */
export const journeyVersions = pgTable(
  'journey_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    journeyId: uuid('journey_id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    note: text('note').notNull().default(''),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('journey_versions_number_key').on(t.tenantId, t.journeyId, t.number),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'journey_versions_journey_fk' }).onDelete('cascade'),
    tenantIsolation(t.tenantId),
  ],
);

/** A read-only link to a journey for people outside the team; revocable. Only the hash is kept. */
export const journeyShareLinks = pgTable(
  'journey_share_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    journeyId: uuid('journey_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('journey_share_links_token_key').on(t.tenantId, t.tokenHash),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'journey_share_links_journey_fk' }).onDelete('cascade'),
    tenantIsolation(t.tenantId),
  ],
);

export type Persona = typeof personas.$inferSelect;
export type NewPersona = typeof personas.$inferInsert;
export type Journey = typeof journeys.$inferSelect;
export type JourneyStage = typeof journeyStages.$inferSelect;
export type JourneyVersion = typeof journeyVersions.$inferSelect;
export type JourneyStatus = (typeof journeyStatus.enumValues)[number];
export type StageModel = (typeof stageModel.enumValues)[number];

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
export type AuditEntry = typeof auditLog.$inferSelect;
export type Invite = typeof invites.$inferSelect;
