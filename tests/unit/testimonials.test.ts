/**
 * The testimonial page's pure parts: the address rules (normalised from what the owner types,
 * 3–40 characters, reserved words), the suggestion from a business name, how a customer is named
 * (first name and an initial at most, never contact data), and the HTML: escaped, accessible
 * (headings, a list, stars as text), honest when empty, tiny, and allowed by its own policy.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { getTestimonialPage, honestyLine, renderTestimonialNotice, renderTestimonialPage, testimonialPageCsp, testimonialPageCss } from '@/lib/reviews/page/testimonials';
import {
  normalizeTestimonialSlug,
  publicDisplayName,
  readTestimonialSlug,
  suggestTestimonialSlug,
  TESTIMONIAL_PAGE_LIMIT,
  testimonialSlugSchema,
} from '@/lib/reviews/testimonial-model';
import type { TestimonialPageData } from '@/lib/reviews/testimonials';

// The database, as the page's route meets it when it is down (the HTML and rules above are pure).
vi.mock('@/lib/reviews/testimonials', () => ({
  routeTestimonialSlug: vi.fn(async () => {
    throw new Error('connection refused');
  }),
  loadTestimonialPage: vi.fn(),
}));

const parse = (raw: string) => {
  const r = testimonialSlugSchema.safeParse(raw);
  return r.success ? r.data : r.error.issues[0]!.message;
};

describe('testimonial page address', () => {
  it('is made from what the owner types: lower case, no accents, one dash between words', () => {
    expect(normalizeTestimonialSlug('  Bengkel Maju Jaya! ')).toBe('bengkel-maju-jaya');
    expect(normalizeTestimonialSlug('Kafé  &  Teh -- Senja')).toBe('kafe-teh-senja');
    expect(normalizeTestimonialSlug('---Toko_99---')).toBe('toko-99');
    expect(normalizeTestimonialSlug('warung/../admin')).toBe('warung-admin');
    expect(parse('Bengkel Maju Jaya')).toBe('bengkel-maju-jaya');
    expect(parse('abc')).toBe('abc');
    expect(parse('a'.repeat(40))).toBe('a'.repeat(40));
  });

  it('refuses what is too short, too long or reserved, with a translation key', () => {
    expect(parse('ab')).toBe('testimonials:errors.slug_short');
    expect(parse('!!!')).toBe('testimonials:errors.slug_short');
    expect(parse('a'.repeat(41))).toBe('testimonials:errors.slug_long');
    expect(parse('x'.repeat(201))).toBe('testimonials:errors.slug_long');
    for (const word of ['admin', 'Api', 'JEJAK', 'login', 'Sign In', 'dashboard', 'embed']) expect(parse(word), word).toBe('testimonials:errors.slug_reserved');
  });

  it('reads a slug from a URL leniently about case only', () => {
    expect(readTestimonialSlug('Bengkel-Maju-Jaya')).toBe('bengkel-maju-jaya');
    expect(readTestimonialSlug('bengkel%20maju')).toBeNull();
    expect(readTestimonialSlug('bengkel--maju')).toBeNull();
    expect(readTestimonialSlug('-bengkel')).toBeNull();
    expect(readTestimonialSlug('ab')).toBeNull();
    expect(readTestimonialSlug('%E0%A4%A')).toBeNull();
  });

  it('is suggested from the business name, cut at a word, or left empty when nothing fits', () => {
    expect(suggestTestimonialSlug('Bengkel Maju Jaya')).toBe('bengkel-maju-jaya');
    expect(suggestTestimonialSlug('Toko Sembako dan Kelontong Ibu Sri Rahayu Makmur Sejahtera')).toBe('toko-sembako-dan-kelontong-ibu-sri');
    expect(suggestTestimonialSlug('Toko Sembako dan Kelontong Ibu Sri Rahayu Makmur Sejahtera').length).toBeLessThanOrEqual(40);
    expect(suggestTestimonialSlug('AB')).toBe('');
    expect(suggestTestimonialSlug('Admin')).toBe('');
  });
});

describe('a customer’s name on the testimonial page', () => {
  it('is the first name, with only the initial of the last word when there are several', () => {
    expect(publicDisplayName('Rina')).toBe('Rina');
    expect(publicDisplayName('  rina  ')).toBe('rina');
    expect(publicDisplayName('Rina Susanti')).toBe('Rina S.');
    expect(publicDisplayName('Rina Sari Dewi')).toBe('Rina D.');
    expect(publicDisplayName('Ni Luh ayu')).toBe('Ni A.');
    expect(publicDisplayName('Ólafur élan')).toBe('Ólafur É.');
    expect(publicDisplayName('"Budi" (Pak)')).toBe('Budi P.');
  });

  it('is nothing for no name, an erased review, or contact data typed as a name', () => {
    expect(publicDisplayName(null)).toBeNull();
    expect(publicDisplayName('')).toBeNull();
    expect(publicDisplayName('   ')).toBeNull();
    expect(publicDisplayName('Rina', true)).toBeNull();
    expect(publicDisplayName('0812 3456 7890')).toBeNull();
    expect(publicDisplayName('Rina 0812345678')).toBeNull();
    expect(publicDisplayName('rina@contoh.id')).toBeNull();
    expect(publicDisplayName('Rina ٣')).toBeNull();
    expect(publicDisplayName('!!!')).toBeNull();
  });
});

function pageData(over: Partial<TestimonialPageData> = {}): TestimonialPageData {
  return {
    businessName: 'Bengkel "Maju" <Jaya>',
    timeZone: 'Asia/Jakarta',
    defaultLocale: null,
    testimonials: [
      { id: '1', stars: 4, comment: 'Mekaniknya <b>jujur</b> & sabar', name: 'Rina S.', stageName: 'Pembelian', createdAt: new Date('2026-11-30T20:00:00Z') },
      { id: '2', stars: 5, comment: '', name: null, stageName: null, createdAt: new Date('2026-11-01T03:00:00Z') },
    ],
    totalReviews: 40,
    averageStars: 4.3,
    suspended: false,
    ...over,
  };
}

describe('testimonial page HTML', () => {
  it('says how many of all reviews it shows and their average, in each language', () => {
    expect(honestyLine('id', 12, 40, 4.3)).toBe('Menampilkan 12 dari 40 ulasan; rata-rata semua ulasan 4,3 dari 5 bintang.');
    expect(honestyLine('en', 12, 40, 4.3)).toBe('Showing 12 of 40 reviews; average of all reviews 4,3 out of 5 stars.');
    expect(honestyLine('en', 1, 1, 5)).toBe('Showing 1 of 1 review; average of all reviews 5,0 out of 5 stars.');
    expect(honestyLine('id', 0, 1200, 3.25)).toBe('Menampilkan 0 dari 1.200 ulasan; rata-rata semua ulasan 3,3 dari 5 bintang.');
    expect(honestyLine('id', 0, 0, null)).toBe('Belum ada ulasan.');
  });

  it('escapes what people wrote, reads well to a screen reader and shows dates in the business’s zone', () => {
    const html = renderTestimonialPage('id', 'bengkel-maju', pageData(), { embed: false });
    expect(html).toMatch(/^<!doctype html><html lang="id">/);
    expect(html).toContain('Mekaniknya &#60;b&#62;jujur&#60;/b&#62; &#38; sabar');
    expect(html).not.toContain('<b>jujur');
    expect(html).toContain('<h1>Kata pelanggan tentang Bengkel &#34;Maju&#34; &#60;Jaya&#62;</h1>');
    expect(html).toContain('<p class="honest" id="honesty">Menampilkan 2 dari 40 ulasan; rata-rata semua ulasan 4,3 dari 5 bintang.</p>');
    expect(html).toContain('<ul class="tl" aria-label="Testimoni, terbaru lebih dulu"><li><figure>');
    expect(html).toContain('<span class="sr">4 dari 5 bintang</span>');
    // 20:00 UTC is the next morning in Jakarta.
    expect(html).toContain('<figcaption>Rina S. · Pembelian · 1 Desember 2026</figcaption>');
    expect(html).toContain('<figcaption>Pelanggan · 1 November 2026</figcaption>');
    expect(html).toContain('<a href="?lang=en" hreflang="en" lang="en">English</a>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('target="_blank"');
    const en = renderTestimonialPage('en', 'bengkel-maju', pageData(), { embed: false });
    expect(en).toContain('<span class="sr">4 out of 5 stars</span>');
    expect(en).toContain('A customer · 1 November 2026');
  });

  it('is friendly when nothing is featured yet, and still honest', () => {
    const html = renderTestimonialPage('id', 'bengkel-maju', pageData({ testimonials: [] }), { embed: false });
    expect(html).toContain('Menampilkan 0 dari 40 ulasan; rata-rata semua ulasan 4,3 dari 5 bintang.');
    expect(html).toContain('belum memilih testimoni');
    expect(html).not.toContain('<ul');
  });

  it('in the embed, links to the full page in a new tab', () => {
    const html = renderTestimonialPage('en', 'bengkel-maju', pageData(), { embed: true });
    expect(html).toContain('<body class="embed">');
    expect(html).toContain('<a class="more" href="/t/bengkel-maju?lang=en" target="_blank" rel="noopener">See all testimonials for Bengkel');
  });

  it('stays under 14 KB gzip with the most testimonials it shows', () => {
    const comment = 'Servis cepat, mekaniknya ramah dan jujur. Harga sesuai estimasi awal, gak ada biaya siluman. Ruang tunggu bersih, ada kopi. Recommended bgt buat yg di Surabaya!';
    const many = Array.from({ length: TESTIMONIAL_PAGE_LIMIT }, (_, i) => ({
      id: String(i),
      stars: (i % 3) + 3,
      comment: `${comment} (${i})`,
      name: i % 2 ? 'Rina S.' : null,
      stageName: 'Pembelian',
      createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
    }));
    const html = renderTestimonialPage('id', 'bengkel-maju', pageData({ testimonials: many }), { embed: false });
    expect(gzipSync(html).length).toBeLessThan(14 * 1024);
  });

  it('is allowed by its own policy: its style by hash, no script, no framing but the embed', () => {
    const hash = `'sha256-${createHash('sha256').update(testimonialPageCss).digest('base64')}'`;
    const page = testimonialPageCsp({ https: true, embed: false });
    expect(page).toBe(
      `default-src 'none'; script-src 'none'; style-src ${hash}; img-src data:; form-action 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; upgrade-insecure-requests`,
    );
    expect(testimonialPageCsp({ https: false, embed: true })).toContain('frame-ancestors *;');
    expect(testimonialPageCsp({ https: false, embed: true })).not.toContain('upgrade-insecure-requests');
    expect(renderTestimonialPage('id', 'x-y-z', pageData(), { embed: false })).toContain(`<style>${testimonialPageCss}</style>`);
    expect(renderTestimonialNotice('en', 'not_found', { embed: false })).toContain('<h1>Testimonial page not found</h1>');
  });

  it('answers a failure on our side with a 503 page and Retry-After, never a bare 500', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await getTestimonialPage(new Request('http://jejak.test/t/bengkel-maju', { headers: { 'accept-language': 'en-US,en;q=0.9' } }), 'bengkel-maju', { embed: true });
    quiet.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('content-security-policy')).toBe(testimonialPageCsp({ https: false, embed: true }));
    expect(await res.text()).toContain('<h1>Something went wrong</h1>');
  });
});
