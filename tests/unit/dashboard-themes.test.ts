/**
 * Comment themes (issue 10, item 6) on hand-written Indonesian comments with known themes: casual
 * spellings fold together, stopwords go but negations and intensifiers stay ("tidak ramah" survives
 * as a phrase), punctuation, emoji and numbers are stripped, English does not break it, and each
 * term carries the reviews that contain it.
 */
import { describe, expect, it } from 'vitest';
import { rankTerms } from '@/components/dashboard/ThemesSection';
import { CASUAL, sentimentOf, termsOf, themePattern, themes, tokens } from '@/lib/dashboard/themes';

describe('tokens', () => {
  it('lowercases, strips punctuation, emoji and numbers', () => {
    expect(tokens('Antri LAMA!!! 😡😡 2 jam...')).toEqual(['antri', 'lama', 'jam']);
  });

  it('folds casual spellings', () => {
    expect(tokens('gak ramah')).toEqual(['tidak', 'ramah']);
    expect(tokens('nggak ramah')).toEqual(['tidak', 'ramah']);
    expect(tokens('ngga ramah')).toEqual(['tidak', 'ramah']);
    expect(tokens('tdk ramah')).toEqual(['tidak', 'ramah']);
    expect(tokens('enggak ramah')).toEqual(['tidak', 'ramah']);
    expect(tokens('ramah bgt')).toEqual(['ramah', 'banget']);
    expect(tokens('blm selesai')).toEqual(['belum', 'selesai']);
    for (const [casual, word] of Object.entries(CASUAL)) expect(tokens(casual)).toEqual(tokens(word));
  });

  it('drops Indonesian stopwords but keeps negations and intensifiers', () => {
    expect(tokens('pelayanan yang sangat ramah dan cepat')).toEqual(['pelayanan', 'sangat', 'ramah', 'cepat']);
    expect(tokens('mekaniknya kurang teliti, terlalu buru-buru')).toEqual(['mekaniknya', 'kurang', 'teliti', 'terlalu', 'buru', 'buru']);
    expect(tokens('udah nunggu lama tapi blm dikerjain juga')).toEqual(['nunggu', 'lama', 'belum', 'dikerjain']);
  });

  it('handles English comments with English stopwords', () => {
    expect(tokens('The mechanic was very patient and not rude at all!')).toEqual(['mechanic', 'very', 'patient', 'not', 'rude']);
  });

  it('an empty or emoji-only comment has no tokens', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens('👍👍 !!! 100%')).toEqual([]);
  });
});

describe('termsOf', () => {
  it('"tidak ramah" survives as a phrase, negations are not words on their own', () => {
    const t = termsOf('Kasirnya gak ramah.');
    expect([...t.phrases]).toContain('tidak ramah');
    expect([...t.words]).not.toContain('tidak');
    expect([...t.words]).toContain('ramah');
  });

  it('phrases skip the dropped stopwords between words', () => {
    expect([...termsOf('Harga beda dari estimasi awal').phrases]).toEqual(expect.arrayContaining(['harga beda', 'beda estimasi']));
  });
});

describe('themes', () => {
  const reviews = [
    { id: 'r1', group: 'servis:negative', comment: 'Antri lama banget, 2 jam!' },
    { id: 'r2', group: 'servis:negative', comment: 'antre lama, kasirnya gak ramah' },
    { id: 'r3', group: 'servis:negative', comment: 'Harga beda dari estimasi. Kasir nggak ramah 😞' },
    { id: 'r4', group: 'servis:negative', comment: 'harga beda dgn estimasi, antri lama lama' },
    { id: 'r5', group: 'servis:positive', comment: 'Mekanik sabar dan ramah bgt 👍' },
    { id: 'r6', group: 'servis:positive', comment: 'mekanik sabar, jelasin detail. Recommended!' },
    { id: 'r7', group: 'servis:positive', comment: 'Mekaniknya sabar sekali' },
    { id: 'r8', group: 'servis:positive', comment: '' },
  ];
  const th = themes(reviews, { limit: 5 });

  it('finds the known negative themes with their reviews, a phrase counted once per review', () => {
    const neg = th['servis:negative']!;
    const phrase = (p: string) => neg.phrases.find((x) => x.term === p);
    expect(phrase('antri lama')).toEqual({ term: 'antri lama', count: 3, reviewIds: ['r1', 'r2', 'r4'] });
    expect(phrase('tidak ramah')).toEqual({ term: 'tidak ramah', count: 2, reviewIds: ['r2', 'r3'] });
    expect(phrase('harga beda')).toEqual({ term: 'harga beda', count: 2, reviewIds: ['r3', 'r4'] });
    expect(phrase('beda estimasi')).toMatchObject({ count: 2 });
    expect(neg.phrases[0]!.term).toBe('antri lama');
    expect(neg.words[0]).toEqual({ term: 'antri', count: 3, reviewIds: ['r1', 'r2', 'r4'] });
    expect(neg.words.find((w) => w.term === 'lama')).toMatchObject({ count: 3 });
  });

  it('finds the known positive theme, and keeps the groups apart', () => {
    const pos = th['servis:positive']!;
    expect(pos.phrases).toEqual([{ term: 'mekanik sabar', count: 2, reviewIds: ['r5', 'r6'] }]);
    expect(pos.words[0]).toEqual({ term: 'sabar', count: 3, reviewIds: ['r5', 'r6', 'r7'] });
    expect(pos.words.some((w) => w.term === 'antri')).toBe(false);
    expect(pos.phrases.some((p) => p.term === 'tidak ramah')).toBe(false);
  });

  it('keeps only the top N, and a phrase from one comment is not a theme', () => {
    expect(th['servis:negative']!.words).toHaveLength(5);
    expect(th['servis:negative']!.phrases.every((p) => p.count >= 2)).toBe(true);
    expect(themes([]).constructor).toBe(Object);
    expect(Object.keys(themes([]))).toEqual([]);
  });
});

describe('sentimentOf', () => {
  it('maps stars to the groups', () => {
    expect([1, 2, 3, 4, 5].map(sentimentOf)).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });
});

// The pattern itself runs in PostgreSQL: tests/integration/dashboard-trend-themes.test.ts checks
// that it finds exactly the comments termsOf gives a term, on both databases.
describe('themePattern', () => {
  it('is the same for a theme typed in any of its spellings, and names each spelling', () => {
    expect(themePattern('gak ramah')).toBe(themePattern('tidak ramah'));
    expect(themePattern('Tidak, RAMAH!')).toBe(themePattern('tidak ramah'));
    const p = themePattern('tidak ramah')!;
    for (const casual of Object.keys(CASUAL).filter((k) => CASUAL[k] === 'tidak')) expect(p).toContain(`|${casual}`);
    expect(themePattern('antri')).toBe('(^|[^[:alpha:]])(antri|antre|ngantri|ngantre)([^[:alpha:]]|$)');
  });

  it('is null for what is not a theme: only stopwords, nothing, or more than two words', () => {
    expect(themePattern('yang dan')).toBeNull();
    expect(themePattern('')).toBeNull();
    expect(themePattern('!!! 123')).toBeNull();
    expect(themePattern('parkir sempit lama')).toBeNull();
  });

  it('holds letters and regex syntax only: typed metacharacters never reach it', () => {
    expect(themePattern('ramah.*')).toBe(themePattern('ramah'));
    expect(themePattern('(ramah)|x')).toBe(themePattern('ramah'));
  });
});

describe('rankTerms (the themes section’s one list per side)', () => {
  it('orders by reviews, phrases first on a tie, and drops a word that only repeats a listed phrase', () => {
    const ranked = rankTerms({
      phrases: [
        { term: 'antri lama', count: 3 },
        { term: 'tidak ramah', count: 2 },
      ],
      words: [
        { term: 'antri', count: 3 },
        { term: 'lama', count: 4 },
        { term: 'ramah', count: 2 },
        { term: 'kasir', count: 3 },
      ],
    });
    expect(ranked).toEqual([
      { term: 'lama', count: 4 },
      { term: 'antri lama', count: 3 },
      { term: 'kasir', count: 3 },
      { term: 'tidak ramah', count: 2 },
    ]);
  });
});
