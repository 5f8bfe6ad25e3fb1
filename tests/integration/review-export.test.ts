/**
 * The review inbox's CSV export (issue 9): a byte-order mark for Excel, the header in the user's
 * language, awkward comments that survive the round trip, formulas neutralised, the customer's
 * contact only with consent (and never after erasure), and the filter applied across keyset pages.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '@/lib/core/tenancy';
import { i18nFor } from '@/lib/i18n/instance';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { buildReviewsCsv, exportFileName, neutraliseFormula, reviewsForExport } from '@/lib/reviews/export';
import { eraseReviewContact } from '@/lib/reviews/inbox';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

describe('the review CSV export', () => {
  let ctx: Who;
  let linkId: string;
  const id: Record<string, string> = {};

  async function add(raw: Record<string, unknown>) {
    const { reviewId } = await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) =>
      submitReview(db, linkId, reviewSubmissionSchema.parse(raw), { key: randomUUID(), locale: 'id', spamReason: null }),
    );
    return reviewId;
  }

  async function exportCsv(locale: 'id' | 'en', filter = {}) {
    const rows = await inTenant(ctx, (db) => reviewsForExport(db, { status: 'inbox', ...filter }));
    const t = i18nFor(locale).getFixedT(locale, 'reviews');
    return buildReviewsCsv(rows, { t, locale, timeZone: 'Asia/Jakarta' });
  }
  const table = (csv: string) => parse(csv.slice(1), { relax_column_count: false }) as string[][];

  beforeAll(async () => {
    const tenant = await makeTenant(`Kedai Ekspor ${randomUUID().slice(0, 6)}`);
    ctx = { tenantId: tenant.id, userId: tenant.owner.id };
    linkId = await inTenant(ctx, async (db) => {
      const { id: journeyId } = await createJourney(db, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'Cari', purchase: 'Pesan', post_purchase: 'Balik lagi' } });
      const { stages } = await getJourney(db, journeyId);
      const link = await createReviewLink(
        db,
        reviewLinkInputSchema.parse({ journeyId, stageId: stages[1]!.id!, touchpoint: 'QR di kasir', title: 'Ulasan', askNps: 'on', askComment: 'on', askContact: 'on', askTestimonial: 'on' }),
      );
      return link.id;
    });
    id.awkward = await add({ stars: '4', nps: '', comment: 'Enak, tapi "agak" mahal\nbaris kedua', name: 'Sari', whatsapp: '0812 3456 7890', contactConsent: 'on', testimonialConsent: 'on' });
    id.formula = await add({ stars: '1', nps: '3', comment: '=HYPERLINK("http://jahat.test","klik")' });
    id.erased = await add({ stars: '5', nps: '10', comment: 'Mantap', name: 'Budi', whatsapp: '081298765432', contactConsent: 'on' });
    await inTenant(ctx, (db) => eraseReviewContact(db, id.erased!));
  });

  it('starts with a BOM and a header in the user’s language, one row per review', async () => {
    const csv = await exportCsv('id');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = table(csv);
    expect(header).toEqual(['Diterima', 'Perjalanan', 'Tahap', 'Tautan', 'Titik kontak', 'Bintang', 'NPS', 'Komentar', 'Nama pelanggan', 'WhatsApp', 'Persetujuan testimoni', 'Ditampilkan', 'Status', 'Catatan']);
    expect(rows).toHaveLength(3);
    const [enHeader] = table(await exportCsv('en'));
    expect(enHeader![0]).toBe('Received');
    expect(enHeader![8]).toBe('Customer name');
  });

  it('round-trips a comment with a comma, quotes and a line break, with the consented contact', async () => {
    const rows = table(await exportCsv('id', { stars: 4 }));
    expect(rows).toHaveLength(2);
    const row = rows[1]!;
    expect(row[0]).toMatch(/WIB$/);
    expect(row.slice(1, 8)).toEqual(['Ngopi', 'Pesan', 'Ulasan', 'QR di kasir', '4', '', 'Enak, tapi "agak" mahal\nbaris kedua']);
    expect(row.slice(8)).toEqual(['Sari', "'+6281234567890", 'Ya', 'Tidak', 'Baru', '']);
  });

  it('neutralises a formula-looking comment', async () => {
    const row = table(await exportCsv('en', { stars: 1 }))[1]!;
    expect(row[6]).toBe('3');
    expect(row[7]).toBe(`'=HYPERLINK("http://jahat.test","klik")`);
    expect(row.slice(8, 10)).toEqual(['', '']);
    for (const s of ['+1', '-1', '@x', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('Bagus')).toBe('Bagus');
  });

  it('gives no contact after erasure, nor without consent', async () => {
    const row = table(await exportCsv('id', { stars: 5 }))[1]!;
    expect(row.slice(5, 10)).toEqual(['5', '10', '', '', '']);
    const csv = await exportCsv('id');
    expect(csv).not.toContain('Budi');
    expect(csv).not.toContain('6281298765432');
  });

  it('pages through the whole filtered list up to the cap', async () => {
    const all = await inTenant(ctx, (db) => reviewsForExport(db, { status: 'inbox' }));
    expect(all.map((r) => r.id).sort()).toEqual(Object.values(id).sort());
    // Keyset pages of one row each: the same three, newest first, no repeats.
    const paged = await inTenant(ctx, (db) => reviewsForExport(db, { status: 'inbox' }, { batch: 1 }));
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    const capped = await inTenant(ctx, (db) => reviewsForExport(db, { status: 'inbox' }, { max: 2, batch: 1 }));
    expect(capped.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    expect(exportFileName(new Date('2026-11-29T18:30:00Z'), 'Asia/Jakarta')).toBe('ulasan-2026-11-30.csv');
  });
});
