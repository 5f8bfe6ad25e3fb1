/** Buyer personas. */
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './accounts';
import { createdAt, tenantIsolation } from './policies';

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

export type Persona = typeof personas.$inferSelect;
export type NewPersona = typeof personas.$inferInsert;
