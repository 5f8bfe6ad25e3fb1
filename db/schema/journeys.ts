/** Customer journeys: the journey, its stages, its named versions and its read-only share links. */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { journeyStatuses, stageModelKeys, type Lanes } from '@/lib/shared/journeys';
import { tenants, users } from './accounts';
import { personas } from './personas';
import { createdAt, tenantIsolation } from './policies';

export const journeyStatus = pgEnum('journey_status', journeyStatuses);
export const stageModel = pgEnum('stage_model', stageModelKeys);

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

export type Journey = typeof journeys.$inferSelect;
export type JourneyStage = typeof journeyStages.$inferSelect;
export type JourneyVersion = typeof journeyVersions.$inferSelect;
export type JourneyStatus = (typeof journeyStatus.enumValues)[number];
export type StageModel = (typeof stageModel.enumValues)[number];
