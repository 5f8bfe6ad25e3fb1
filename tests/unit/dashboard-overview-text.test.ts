/**
 * The overview's words (components/dashboard/overview/text.ts): a change is called "naik"/"turun"
 * only when the comparison says so, otherwise "belum bisa dipastikan" with the raw difference;
 * stars with one decimal and CSAT in points; the plain subtitle beside marketing stage names; the
 * emotion scale with a true minus; local days in the business's zone.
 */
import { describe, expect, it } from 'vitest';
import { changeText, fmtDay, fmtEmotion, stageLabel, tooFew } from '@/components/dashboard/overview/text';
import { averageStars, compareAverageStars, compareCsat } from '@/lib/dashboard/stats';
import { i18nFor } from '@/lib/i18n/instance';

const tFor = (l: 'id' | 'en') => i18nFor(l).getFixedT(l, 'overview');

describe('overview text', () => {
  it('words a change only as far as the intervals go', () => {
    const t = tFor('id');
    const before = [0, 0, 2, 10, 18] as const;
    const after = [12, 10, 5, 2, 1] as const;
    expect(changeText(t, 'stars', compareAverageStars(after, before), 'id')).toEqual({ text: 'turun 2,5', arrow: '↓', tone: 'down' });
    expect(changeText(t, 'stars', compareAverageStars(before, after), 'id')).toMatchObject({ text: 'naik 2,5', tone: 'up' });
    expect(changeText(t, 'csat', compareCsat(after, before), 'id')).toMatchObject({ text: 'turun 83 poin', tone: 'down' });
    // Too few reviews in one period: no direction, but the difference is still given.
    expect(changeText(t, 'stars', compareAverageStars([0, 0, 0, 0, 3], [3, 0, 0, 0, 0]), 'id')).toEqual({ text: 'belum bisa dipastikan (selisih +4,0)', arrow: '≈', tone: 'uncertain' });
    expect(changeText(tFor('en'), 'stars', compareAverageStars([0, 0, 0, 0, 0], [3, 0, 0, 0, 0]), 'en')).toEqual({ text: 'not certain yet', arrow: '≈', tone: 'uncertain' });
    expect(tooFew(t, averageStars([1, 0, 2, 0, 1]), 'id')).toBe('Ulasan belum cukup — perlu sekitar 6 lagi');
    expect(tooFew(tFor('en'), averageStars([0, 0, 0, 0, 9]), 'en')).toBe('Not enough reviews yet — about 1 more needed');
  });

  it('names stages plainly, writes the emotion scale and local days', () => {
    const t = tFor('id');
    expect(stageLabel(t, 'Retensi', 'retention')).toBe('Retensi – datang lagi');
    expect(stageLabel(t, 'Pembelian', 'purchase')).toBe('Pembelian');
    expect(stageLabel(t, null, null)).toBe('Tahap yang sudah dihapus');
    expect([fmtEmotion(-0.83, 'id'), fmtEmotion(2, 'id', 0), fmtEmotion(0.04, 'en')]).toEqual(['−0,8', '+2', '0,0']);
    expect(fmtDay('2026-11-29', 'id', 'Asia/Jayapura')).toBe('29 November 2026');
    expect(fmtDay('2026-01-01', 'id', 'Asia/Jakarta')).toBe('1 Januari 2026');
  });
});
