/**
 * Reviews from customers: review links (a journey stage, optionally a touchpoint, a short slug
 * served at /r/<slug>), the platform routing table that finds a slug's business, and the
 * reviews themselves.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgEnum, pgPolicy, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { locale, tenants, users } from './accounts';
import { journeys } from './journeys';
import { appRole, createdAt, currentTenant, tenantIsolation } from './policies';

export const reviewStatus = pgEnum('review_status', ['new', 'read', 'spam']);

/**
 * A review link: where reviews come in for one stage of one journey (and, optionally, one
 * touchpoint: "QR di kasir"). The slug is not secret (it is printed on posters) but cannot be
 * guessed in practice (lib/reviews/slug.ts). `stage_id` has no foreign key on purpose: a stage
 * deleted from the map keeps its links and reviews (shown as a removed stage).
 */
export const reviewLinks = pgTable(
  'review_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    journeyId: uuid('journey_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    touchpoint: text('touchpoint').notNull().default(''),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    thankYou: text('thank_you').notNull(),
    askNps: boolean('ask_nps').notNull().default(false),
    askComment: boolean('ask_comment').notNull().default(true),
    /** Name and WhatsApp number, optional for the customer and only with their consent. */
    askContact: boolean('ask_contact').notNull().default(false),
    /** "May we show this as a testimonial?" */
    askTestimonial: boolean('ask_testimonial').notNull().default(false),
    /** Offered to every customer after they submit (never only to happy ones). */
    googleMapsUrl: text('google_maps_url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    openedCount: integer('opened_count').notNull().default(0),
    submittedCount: integer('submitted_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('review_links_slug_key').on(t.tenantId, t.slug),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'review_links_journey_fk' }).onDelete('cascade'),
    tenantIsolation(t.tenantId),
  ],
);

/**
 * The platform's routing table: a slug's SHA-256 → its business and link, so /r/<slug> can be
 * served inside that business like every other request. A platform (Citus reference) table: it
 * holds no review data, only where to look.
 */
export const reviewLinkRoutes = pgTable('review_link_routes', {
  slugHash: text('slug_hash').primaryKey(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  linkId: uuid('link_id').notNull(),
  createdAt: createdAt(),
});

/**
 * A business's public testimonial page (/t/<slug>): the slug it chose → the business. Like
 * review_link_routes a platform routing table (a Citus reference table), read before any business
 * is known; a business has at most one. No row: the business has no public testimonial page.
 */
export const testimonialPages = pgTable(
  'testimonial_pages',
  {
    slug: text('slug').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .unique('testimonial_pages_tenant_key')
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Anyone may find a page by its slug (that is what it is for); only the business itself may
    // claim, rename or remove its own.
    pgPolicy('public_read', { as: 'permissive', for: 'select', to: appRole, using: sql`true` }),
    pgPolicy('own_insert', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`${t.tenantId} = ${currentTenant}` }),
    pgPolicy('own_update', { as: 'permissive', for: 'update', to: appRole, using: sql`${t.tenantId} = ${currentTenant}`, withCheck: sql`${t.tenantId} = ${currentTenant}` }),
    pgPolicy('own_delete', { as: 'permissive', for: 'delete', to: appRole, using: sql`${t.tenantId} = ${currentTenant}` }),
  ],
);

/** A customer's review, tied to the stage (and touchpoint) of the link it came through. */
export const reviews = pgTable(
  'reviews',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    linkId: uuid('link_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    touchpoint: text('touchpoint').notNull().default(''),
    stars: smallint('stars').notNull(),
    /** 0–10, or null when the link did not ask or the customer skipped it (never counted as 0). */
    nps: smallint('nps'),
    comment: text('comment').notNull().default(''),
    customerName: text('customer_name'),
    customerWhatsapp: text('customer_whatsapp'),
    contactConsent: boolean('contact_consent').notNull().default(false),
    testimonialConsent: boolean('testimonial_consent').notNull().default(false),
    status: reviewStatus('status').notNull().default('new'),
    /** Why the intake thought it spam (stored as spam, never dropped). */
    spamReason: text('spam_reason'),
    featured: boolean('featured').notNull().default(false),
    note: text('note').notNull().default(''),
    /** The form's one-time key: a double tap or a retry stores one review. */
    submissionKey: uuid('submission_key').notNull(),
    locale: locale('locale').notNull().default('id'),
    /** When the customer's personal data was erased on request (the anonymous score stays). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reviews_submission_key').on(t.tenantId, t.submissionKey),
    foreignKey({ columns: [t.tenantId, t.linkId], foreignColumns: [reviewLinks.tenantId, reviewLinks.id], name: 'reviews_link_fk' }),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'reviews_journey_fk' }).onDelete('cascade'),
    index('reviews_tenant_time_idx').on(t.tenantId, t.createdAt),
    index('reviews_stage_time_idx').on(t.tenantId, t.journeyId, t.stageId, t.createdAt),
    // The testimonial page: a business's featured reviews, newest first.
    index('reviews_featured_idx').on(t.tenantId, t.createdAt).where(sql`${t.featured}`),
    check('reviews_stars_range', sql`${t.stars} between 1 and 5`),
    check('reviews_nps_range', sql`${t.nps} between 0 and 10`),
    check('reviews_contact_needs_consent', sql`${t.contactConsent} or (${t.customerName} is null and ${t.customerWhatsapp} is null)`),
    check('reviews_featured_needs_consent', sql`not ${t.featured} or ${t.testimonialConsent}`),
    tenantIsolation(t.tenantId),
  ],
);

export type ReviewLink = typeof reviewLinks.$inferSelect;
export type TestimonialPage = typeof testimonialPages.$inferSelect;
export type Review = typeof reviews.$inferSelect;
export type ReviewStatus = (typeof reviewStatus.enumValues)[number];
