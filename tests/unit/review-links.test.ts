import { describe, expect, it } from 'vitest';
import { normalizeIndonesianMobile, whatsAppChatUrl } from '@/lib/links/whatsapp';
import { incentivePhrases } from '@/lib/reviews/incentive';
import { hashSlug, newReviewSlug, normalizeSlug, SLUG_ALPHABET, SLUG_LENGTH } from '@/lib/reviews/slug';

describe('review link slugs', () => {
  it('are 9 characters without look-alikes, and different each time', () => {
    const slugs = new Set(Array.from({ length: 2000 }, newReviewSlug));
    expect(slugs.size).toBe(2000);
    for (const s of slugs) expect(s).toMatch(new RegExp(`^[${SLUG_ALPHABET}]{${SLUG_LENGTH}}$`));
    expect(SLUG_ALPHABET).not.toMatch(/[01ilo]/);
  });

  it('read the way people type them from a poster', () => {
    expect(normalizeSlug(' K7P-MX4 QZ2 ')).toBe('k7pmx4qz2');
    expect(normalizeSlug('demo-bengkel')).toBe('demo-bengkel');
    for (const bad of ['', 'k7pmx4qz', 'k7pmx4qz2a', 'k7pmx4q0l', '../etc', 'k7pmx4qz%', '\u0000k7pmx4qz']) expect(normalizeSlug(bad), bad).toBeNull();
  });

  it('are kept hashed in the routing table', () => {
    expect(hashSlug('k7pmx4qz2')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashSlug('k7pmx4qz2')).not.toBe(hashSlug('k7pmx4qz3'));
  });
});

describe('WhatsApp numbers', () => {
  it('become 62… from every way people write them', () => {
    for (const raw of ['0812-3456-7890', '+62 812 3456 7890', '62 812.3456.7890', '0062 81234567890', '(0812) 3456 7890', '812 3456 7890']) {
      expect(normalizeIndonesianMobile(raw), raw).toBe('6281234567890');
    }
  });

  it('are refused when they are not Indonesian mobile numbers', () => {
    for (const raw of ['', '021 123 4567', '+1 415 555 0100', '0812', '08123456789012345', 'nol delapan', '0812-3456-789a']) {
      expect(normalizeIndonesianMobile(raw), raw).toBeNull();
    }
  });

  it('open a chat with the message ready', () => {
    expect(whatsAppChatUrl('6281234567890', 'Halo Sari, boleh minta ulasan? https://jejak.id/r/k7pmx4qz2')).toBe(
      'https://wa.me/6281234567890?text=Halo%20Sari%2C%20boleh%20minta%20ulasan%3F%20https%3A%2F%2Fjejak.id%2Fr%2Fk7pmx4qz2',
    );
  });
});

describe('incentive wording', () => {
  it('is found in owner texts that reward a score', () => {
    expect(incentivePhrases('Diskon 10% kalau kasih bintang 5!')).toEqual(['Diskon', 'bintang 5']);
    expect(incentivePhrases('Dapat voucher gratis kopi untuk ulasan positif')).toEqual(['gratis', 'voucher', 'ulasan positif']);
    expect(incentivePhrases('Leave a 5-star review and get a free drink')).toEqual(['free', '5-star']);
  });

  it('is not found in a fair request', () => {
    expect(incentivePhrases('Bagaimana pengalaman servis Anda hari ini? Kritik dan saran sangat membantu kami.')).toEqual([]);
    expect(incentivePhrases('Terima kasih sudah mampir, sampai jumpa lagi!')).toEqual([]);
  });
});
