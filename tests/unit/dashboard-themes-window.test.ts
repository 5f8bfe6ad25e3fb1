/**
 * Which comments a stage's themes come from (components/dashboard/ThemesSection.tsx,
 * stageWindowText): per stage, "from the 500 most recent comments on this stage (since …)" only when
 * that stage's window was hit, otherwise "from all N comments in this period", in both languages.
 */
import { describe, expect, it } from 'vitest';
import { stageWindowText } from '@/components/dashboard/ThemesSection';
import { i18nFor } from '@/lib/i18n/instance';

const tFor = (l: 'id' | 'en') => i18nFor(l).getFixedT(l, 'trends');
const themes = { window: 500, timeZone: 'Asia/Jakarta' as const };

describe('stageWindowText', () => {
  it('names the stage window and its first day only when the window was hit', () => {
    const hit = { read: 500, windowHit: true, oldestDay: '2026-03-01' };
    expect(stageWindowText(tFor('id'), hit, themes, 'id')).toBe('Dari 500 komentar terbaru tahap ini (sejak 1 Maret 2026); komentar yang lebih lama tidak dihitung.');
    expect(stageWindowText(tFor('en'), hit, themes, 'en')).toBe('From the 500 most recent comments on this stage (since 1 March 2026); older comments are not counted.');
  });

  it('otherwise says every comment of the period was read, with the stage’s own count', () => {
    const all = { read: 1234, windowHit: false, oldestDay: '2025-12-01' };
    expect(stageWindowText(tFor('id'), { ...all, read: 499 }, themes, 'id')).toBe('Dari semua 499 komentar pada periode ini.');
    expect(stageWindowText(tFor('id'), { ...all, read: 12 }, { ...themes, window: 1000 }, 'id')).toBe('Dari semua 12 komentar pada periode ini.');
    expect(stageWindowText(tFor('en'), { ...all, read: 3 }, themes, 'en')).toBe('From all 3 comments in this period.');
    expect(stageWindowText(tFor('id'), { ...all, read: 1 }, themes, 'id')).toBe('Dari 1 komentar pada periode ini.');
    expect(stageWindowText(tFor('en'), { ...all, read: 1 }, themes, 'en')).toBe('From the only comment in this period.');
  });
});
