/**
 * Demo data: fixed ids, safe to run again (existing rows are left as they are). Refuses to run
 * with NODE_ENV=production unless ALLOW_SEED=1. `npm run db:seed` (scripts/seed.ts); the first `npm run dev` runs it.
 * Rows are written through the same tenant-scoped path as the app (row-level security applies).
 */
import { and, count, eq } from 'drizzle-orm';
import { env } from '@/lib/core/env';
import { hashPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/links/tokens';
import { sharePath } from '@/lib/journeys/sharing';
import { getTemplate, stageNamesFor } from '@/lib/journeys/templates';
import { createJourney, getJourney, saveMap, saveVersion } from '@/lib/journeys/queries';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';
import { withOwnerDatabase } from '../../db/client';
import { journeys, journeyShareLinks, journeyStages, memberships, personas, reviewLinkRoutes, reviewLinks, reviews, tenants, testimonialPages, users, funnelCounts, type NewTenant, type NewUser, type MemberRole } from '../../db/schema';
import type { StageKey } from '@/lib/journeys/model';
import { demoFunnelRows } from './seed-funnel';
import { bengkelReviewPlan, demoReviewRows, kopiReviewPlan, type ShopReviewPlan } from './seed-reviews';

export const DEMO_PASSWORD = 'jejak-demo-2026';
export const DEMO_ADMIN_PASSWORD = 'jejak-admin-2026';

export const demo = {
  bengkel: {
    // Its public pages (review page, testimonials) open in Indonesian whatever the browser says; Kedai Kopi Senja's follow the browser.
    tenant: { id: '0b5e1c00-0000-4000-8000-000000000001', name: 'Bengkel Maju Jaya', businessType: 'bengkel', city: 'Surabaya', timeZone: 'Asia/Jakarta', defaultLocale: 'id' },
    owner: { id: '0b5e1c00-0000-4000-8000-0000000000a1', email: 'pemilik@bengkel.test', name: 'Budi Santoso' },
    staff: { id: '0b5e1c00-0000-4000-8000-0000000000a2', email: 'staf@bengkel.test', name: 'Sari Wulandari' },
    /** Demo persona and journey (from the bengkel template) with two saved versions. */
    personaId: '0b5e1c00-0000-4000-8000-000000000101',
    journeyId: '0b5e1c00-0000-4000-8000-000000000201',
    /** A read-only share link to that journey, so the signed-out view can be tried at once. */
    shareLink: { id: '0b5e1c00-0000-4000-8000-000000000301', token: 'DemoBengkelMajuJaya-PetaServis01' },
    /** The review link on the purchase stage, served at /r/demo-bengkel (lib/demo/seed-reviews.ts has the others). */
    reviewLink: { id: '0b5e1c00-0000-4000-8000-000000000401', slug: 'demo-bengkel' },
    /** Its public testimonial page, /t/bengkel-maju-jaya, with the reviews featured in lib/demo/seed-reviews.ts. */
    testimonialSlug: 'bengkel-maju-jaya',
  },
  kopi: {
    tenant: { id: '0b5e1c00-0000-4000-8000-000000000002', name: 'Kedai Kopi Senja', businessType: 'cafe', city: 'Makassar', timeZone: 'Asia/Makassar' },
    owner: { id: '0b5e1c00-0000-4000-8000-0000000000b1', email: 'pemilik@kopi.test', name: 'Dewi Lestari' },
    staff: { id: '0b5e1c00-0000-4000-8000-0000000000b2', email: 'staf@kopi.test', name: 'Rian Pratama' },
    personaId: '0b5e1c00-0000-4000-8000-000000000102',
    journeyId: '0b5e1c00-0000-4000-8000-000000000202',
  },
  admin: { id: '0b5e1c00-0000-4000-8000-0000000000f1', email: 'admin@jejak.test', name: 'Admin Jejak' },
} as const satisfies Record<string, unknown>;

/** Accounts in the database (a platform table: no row-level security), to tell an empty database. */
export async function countUsers(): Promise<number> {
  const [row] = await withPlatform((tx) => tx.select({ n: count(users.id) }).from(users));
  return row?.n ?? 0;
}

async function upsertUser(u: Omit<NewUser, 'passwordHash' | 'isPlatformAdmin'>, password: string) {
  const passwordHash = await hashPassword(password);
  await withPlatform((tx) => tx.insert(users).values({ ...u, passwordHash }).onConflictDoNothing());
}

/** The app role may not make a platform admin (migration 0008): the owner role does it. */
async function makePlatformAdmin(userId: string) {
  await withOwnerDatabase((db) => db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, userId)));
}

async function upsertTenant(t: NewTenant & { id: string }, members: { userId: string; role: MemberRole }[]) {
  await withTenant(t.id, async (tx) => {
    await tx.insert(tenants).values(t).onConflictDoNothing();
    for (const m of members) {
      await tx.insert(memberships).values({ tenantId: t.id, ...m }).onConflictDoNothing();
    }
  });
}

/** Demo personas, written as a shop owner would (the seed articles' bengkel and coffee-shop customers). */
const demoPersonas = {
  bengkel: {
    name: 'Pak Hendra, karyawan yang sibuk',
    avatarColor: 'sky',
    ageRange: '35–44',
    gender: 'male',
    location: 'Surabaya',
    occupation: 'Karyawan swasta, sering ke luar kota',
    lifestyle: 'Berangkat pagi, pulang malam. Mobil dipakai setiap hari untuk kerja dan antar anak sekolah.',
    personality: 'Praktis, tidak suka basa-basi, menghargai janji yang ditepati.',
    goals: 'Mobil selalu siap pakai tanpa harus mengambil cuti untuk ke bengkel.',
    painPoints: 'Bengkel tidak mengangkat telepon; harus menunggu berhari-hari; biaya tiba-tiba membengkak tanpa penjelasan.',
    expectations: 'Dijawab cepat lewat WhatsApp, diberi perkiraan biaya di awal, bisa servis di rumah atau kantor.',
    shoppingPreferences: 'Membandingkan ulasan di Google Maps dan bertanya ke teman kantor sebelum memilih bengkel.',
    preferredChannels: ['whatsapp', 'google_maps', 'word_of_mouth'],
    activeTimes: 'Pagi sebelum jam 7 dan malam setelah jam 8',
    brandView: 'Belum kenal Bengkel Maju Jaya; pernah kecewa dengan bengkel lain.',
    notes: 'Dari wawancara 5 pelanggan servis berkala, Oktober 2026.',
  },
  kopi: {
    name: 'Nadia, mahasiswi pencari tempat nugas',
    avatarColor: 'rose',
    ageRange: '18–24',
    gender: 'female',
    location: 'Makassar',
    occupation: 'Mahasiswi',
    lifestyle: 'Mengerjakan tugas di kafe bersama teman, aktif di Instagram dan TikTok.',
    personality: 'Suka mencoba tempat baru, peka harga.',
    goals: 'Tempat nyaman dengan Wi-Fi kencang dan colokan, harga bersahabat.',
    painPoints: 'Wi-Fi lambat, colokan sedikit, antre lama saat jam ramai.',
    expectations: 'Menu dan harga bisa dilihat sebelum datang; ada promo pelajar.',
    shoppingPreferences: 'Pesan lewat aplikasi saat ramai; bayar pakai QRIS.',
    preferredChannels: ['instagram', 'tiktok', 'google_maps'],
    activeTimes: 'Sore sampai malam',
    brandView: 'Suka suasananya, tapi menganggap harganya sedikit mahal.',
    notes: '',
  },
} as const;

/** A persona and a journey from the business type's template, with two saved versions (revise and repeat). */
async function seedJourney(shop: typeof demo.bengkel | typeof demo.kopi, persona: (typeof demoPersonas)[keyof typeof demoPersonas], template: 'bengkel' | 'cafe', journeyName: string) {
  const ctx = { tenantId: shop.tenant.id, userId: shop.owner.id };
  const exists = await withTenant(ctx.tenantId, async (tx) => {
    await tx.insert(personas).values({ tenantId: ctx.tenantId, id: shop.personaId, ...persona, preferredChannels: [...persona.preferredChannels] }).onConflictDoNothing();
    const [j] = await tx.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, shop.journeyId)));
    return !!j;
  });
  if (exists) return;
  const tpl = getTemplate(template, 'id');
  // Each step its own unit of work, as a user's would be (the versions get their own times).
  await inTenant(ctx, (db) =>
    createJourney(db, {
      id: shop.journeyId,
      name: journeyName,
      personaId: shop.personaId,
      model: tpl.model,
      stageNames: stageNamesFor('id'),
      stages: tpl.stages,
      templateKey: tpl.key,
      isCycle: tpl.isCycle,
    }),
  );
  await inTenant(ctx, (db) => saveVersion(db, shop.journeyId, { name: 'Versi awal dari template', note: 'Dibuat dari template, sebelum wawancara pelanggan.' }));
  // The revision after talking to customers: a new pain point and an idea at the first stage.
  const { journey, stages } = await inTenant(ctx, (db) => getJourney(db, shop.journeyId));
  const [first, ...rest] = stages;
  if (first) {
    first.lanes.painPoints = [...first.lanes.painPoints, 'Tidak tahu bengkel mana yang buka hari Minggu'];
    first.lanes.opportunities = [...first.lanes.opportunities, 'Tulis jam buka dan layanan darurat di profil Google Maps'];
    first.emotion = { score: -1, note: first.emotion.note };
  }
  await inTenant(ctx, (db) => saveMap(db, shop.journeyId, { revision: journey.revision, isCycle: journey.isCycle, stages: first ? [first, ...rest] : stages }));
  await inTenant(ctx, (db) => saveVersion(db, shop.journeyId, { name: 'Setelah wawancara pelanggan', note: 'Menambah titik nyeri dan peluang dari 5 wawancara.' }));
}

/**
 * Review links (with their platform routes) and a few hundred reviews (lib/demo/seed-reviews.ts),
 * in one transaction per business. Written with the schema, not the domain functions: the
 * reviews carry their own past dates and statuses. Existing rows are left as they are.
 */
/** Demo funnel numbers (./seed-funnel.ts): the three months before this one, per stage. */
async function seedFunnel(shop: typeof demo.bengkel) {
  await withTenant(shop.tenant.id, async (tx) => {
    const stages = await tx
      .select({ id: journeyStages.id, key: journeyStages.stageKey })
      .from(journeyStages)
      .where(and(eq(journeyStages.tenantId, shop.tenant.id), eq(journeyStages.journeyId, shop.journeyId)));
    const stageIds = Object.fromEntries(stages.filter((s) => s.key).map((s) => [s.key!, s.id]));
    const rows = demoFunnelRows({ tenantId: shop.tenant.id, journeyId: shop.journeyId, ownerId: shop.owner.id, stageIds }, new Date());
    if (rows.length) await tx.insert(funnelCounts).values(rows).onConflictDoNothing();
  });
}

async function seedReviews(shop: typeof demo.bengkel | typeof demo.kopi, plan: ShopReviewPlan) {
  await withTenant(shop.tenant.id, async (tx) => {
    const stages = await tx
      .select({ id: journeyStages.id, key: journeyStages.stageKey })
      .from(journeyStages)
      .where(and(eq(journeyStages.tenantId, shop.tenant.id), eq(journeyStages.journeyId, shop.journeyId)));
    const stageIds: Partial<Record<StageKey, string>> = {};
    for (const s of stages) if (s.key && !stageIds[s.key as StageKey]) stageIds[s.key as StageKey] = s.id;
    // A demo map someone reshaped (a stage removed) gets no demo reviews rather than a failed seed.
    if (!plan.links.every((l) => stageIds[l.stage])) return;
    const rows = demoReviewRows(plan, { tenantId: shop.tenant.id, journeyId: shop.journeyId, ownerId: shop.owner.id, stageIds }, new Date());
    await tx.insert(reviewLinks).values(rows.links).onConflictDoNothing();
    await tx.insert(reviewLinkRoutes).values(rows.routes).onConflictDoNothing();
    for (let i = 0; i < rows.reviews.length; i += 100) {
      await tx.insert(reviews).values(rows.reviews.slice(i, i + 100)).onConflictDoNothing();
    }
  });
}

export async function seed(): Promise<void> {
  if (env.NODE_ENV === 'production' && env.ALLOW_SEED !== '1') {
    throw new Error('Refusing to seed demo data with NODE_ENV=production. Set ALLOW_SEED=1 if you really mean it.');
  }
  await upsertUser(demo.admin, DEMO_ADMIN_PASSWORD);
  await makePlatformAdmin(demo.admin.id);
  for (const shop of [demo.bengkel, demo.kopi]) {
    await upsertUser(shop.owner, DEMO_PASSWORD);
    await upsertUser(shop.staff, DEMO_PASSWORD);
    await upsertTenant({ ...shop.tenant }, [
      { userId: shop.owner.id, role: 'owner' },
      { userId: shop.staff.id, role: 'staff' },
    ]);
  }
  await seedJourney(demo.bengkel, demoPersonas.bengkel, 'bengkel', 'Servis mobil: dari mencari bengkel sampai merekomendasikan');
  await seedJourney(demo.kopi, demoPersonas.kopi, 'cafe', 'Nugas di Kedai Kopi Senja');
  const { tenant, journeyId, shareLink, owner } = demo.bengkel;
  await withTenant(tenant.id, (tx) =>
    tx
      .insert(journeyShareLinks)
      .values({ tenantId: tenant.id, id: shareLink.id, journeyId, tokenHash: hashToken(shareLink.token), createdBy: owner.id })
      .onConflictDoNothing(),
  );
  await seedReviews(demo.bengkel, bengkelReviewPlan);
  await seedReviews(demo.kopi, kopiReviewPlan);
  await seedFunnel(demo.bengkel);
  await withTenant(tenant.id, (tx) => tx.insert(testimonialPages).values({ slug: demo.bengkel.testimonialSlug, tenantId: tenant.id }).onConflictDoNothing());
}

/** The demo testimonial page's path (README, e2e). */
export const demoTestimonialPath = `/t/${demo.bengkel.testimonialSlug}`;

/** The demo review link's path (README, e2e). */
export const demoReviewPath = `/r/${demo.bengkel.reviewLink.slug}`;

/** The demo share link's path (README, e2e). */
export const demoSharePath = sharePath(demo.bengkel.tenant.id, demo.bengkel.shareLink.token);
