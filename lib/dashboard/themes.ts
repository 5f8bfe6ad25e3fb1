/**
 * What customers talk about (issue 10, item 6): the most frequent words and two-word phrases in
 * review comments, per group (e.g. stage × positive / negative), each with the reviews containing
 * it. Pure: comments in, themes out.
 *
 * The pipeline, per comment:
 * 1. Lowercase (NFKC), every character that is not a letter becomes a space: punctuation, emoji and
 *    numbers go ("lama2" → "lama", "30rb" → "rb" — then dropped as too short or a stopword).
 * 2. Casual spellings folded to one word (CASUAL below: gak/nggak/ga/tdk → tidak, bgt → banget …).
 * 3. Stopwords dropped: the `stopword` package's Indonesian and English lists (MIT, maintained),
 *    EXCEPT the KEEP words: negations and intensifiers carry the meaning ("tidak ramah" must not
 *    become "ramah"), plus a few words the list drops that reviews live on ("antri lama").
 * 4. Words: every kept token of 2+ letters that is not a negation/intensifier on its own.
 *    Phrases: consecutive pairs of kept tokens (so "harga beda dari estimasi" gives "harga beda"
 *    and "beda estimasi"), unless both are negations/intensifiers.
 * A term counts once per review (count = reviews mentioning it).
 */
import { eng, ind } from 'stopword';

/** Casual spelling → the word it stands for (folded before stopwords are removed). */
export const CASUAL: Readonly<Record<string, string>> = {
  gak: 'tidak',
  ga: 'tidak',
  gk: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  ngak: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  tdk: 'tidak',
  kagak: 'tidak',
  bgt: 'banget',
  bngt: 'banget',
  yg: 'yang',
  udh: 'sudah',
  udah: 'sudah',
  sdh: 'sudah',
  blm: 'belum',
  blum: 'belum',
  krn: 'karena',
  karna: 'karena',
  dgn: 'dengan',
  aja: 'saja',
  bener: 'benar',
  bkn: 'bukan',
  jgn: 'jangan',
  tp: 'tapi',
  lg: 'lagi',
  utk: 'untuk',
  dr: 'dari',
  sm: 'sama',
  bgs: 'bagus',
  mantul: 'mantap',
  antre: 'antri',
  ngantri: 'antri',
  ngantre: 'antri',
  recomended: 'recommended',
  rekomended: 'recommended',
};

/** Negations and intensifiers: kept for phrases ("tidak ramah"), not listed as words on their own. */
export const MODIFIERS: ReadonlySet<string> = new Set([
  'tidak', 'belum', 'bukan', 'jangan', 'tanpa', 'kurang', 'terlalu', 'sangat', 'banget', 'lebih', 'paling', 'sekali', 'amat', 'agak', 'cukup', 'masih',
  'not', 'no', 'never', 'too', 'very', 'most', 'more', 'less',
]);

/** Words the stopword lists drop that reviews need (besides the modifiers). */
const KEEP_WORDS = ['lama', 'jelas', 'tepat', 'benar', 'salah', 'mahal', 'murah', 'cepat', 'lambat', 'beda'];

const STOP: ReadonlySet<string> = (() => {
  const s = new Set([...ind, ...eng].map((w) => w.toLowerCase()));
  for (const w of [...MODIFIERS, ...KEEP_WORDS]) s.delete(w);
  return s;
})();

/** A comment's tokens: lowercased, letters only, casual spellings folded, stopwords dropped. */
export function tokens(comment: string): string[] {
  return comment
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .split(' ')
    .map((w) => CASUAL[w] ?? w)
    .filter((w) => w.length >= 2 && !STOP.has(w));
}

/** The distinct words and two-word phrases of one comment. */
export function termsOf(comment: string): { words: Set<string>; phrases: Set<string> } {
  const t = tokens(comment);
  const words = new Set(t.filter((w) => !MODIFIERS.has(w)));
  const phrases = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) {
    if (MODIFIERS.has(t[i]!) && MODIFIERS.has(t[i + 1]!)) continue;
    if (t[i] === t[i + 1]) continue;
    phrases.add(`${t[i]} ${t[i + 1]}`);
  }
  return { words, phrases };
}

export interface ThemeInput {
  id: string;
  comment: string;
  /** Where it is counted, e.g. `${stageId}:negative`. */
  group: string;
}

export interface Term {
  term: string;
  /** Reviews mentioning it. */
  count: number;
  /** Those reviews' ids, in input order. */
  reviewIds: string[];
}

export interface Themes {
  words: Term[];
  phrases: Term[];
}

function add(m: Map<string, string[]>, term: string, id: string) {
  const ids = m.get(term);
  if (ids) ids.push(id);
  else m.set(term, [id]);
}

function top(counts: Map<string, string[]>, n: number): Term[] {
  return [...counts.entries()]
    .map(([term, reviewIds]) => ({ term, count: reviewIds.length, reviewIds }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, n);
}

/**
 * The top `limit` words and phrases of each group (most reviews first, then alphabetical).
 * Phrases mentioned by fewer than `minPhraseCount` reviews are left out (a phrase from one comment
 * is not a theme); words are not filtered.
 */
export function themes(reviews: readonly ThemeInput[], { limit = 10, minPhraseCount = 2 }: { limit?: number; minPhraseCount?: number } = {}): Record<string, Themes> {
  const groups = new Map<string, { words: Map<string, string[]>; phrases: Map<string, string[]> }>();
  for (const r of reviews) {
    if (!r.comment.trim()) continue;
    let g = groups.get(r.group);
    if (!g) groups.set(r.group, (g = { words: new Map(), phrases: new Map() }));
    const { words, phrases } = termsOf(r.comment);
    for (const w of words) add(g.words, w, r.id);
    for (const p of phrases) add(g.phrases, p, r.id);
  }
  const out: Record<string, Themes> = {};
  for (const [key, g] of groups) {
    for (const [p, ids] of g.phrases) if (ids.length < minPhraseCount) g.phrases.delete(p);
    out[key] = { words: top(g.words, limit), phrases: top(g.phrases, limit) };
  }
  return out;
}

/** The sentiment group of a review's stars: positive 4–5, neutral 3, negative 1–2. */
export function sentimentOf(stars: number): 'positive' | 'neutral' | 'negative' {
  return stars >= 4 ? 'positive' : stars === 3 ? 'neutral' : 'negative';
}

/** Spellings that fold to each word ("tidak" ← tidak, gak, ga, nggak, tdk …), for themePattern. */
const SPELLINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [casual, word] of Object.entries(CASUAL)) m.set(word, [...(m.get(word) ?? []), casual]);
  return m;
})();

/** Letter runs tokens() drops between two kept words: stopwords (after folding) and single letters. */
const DROPPED: readonly string[] = (() => {
  const out = new Set<string>();
  for (const w of STOP) if (!(w in CASUAL) && /^\p{L}+$/u.test(w)) out.add(w);
  for (const [casual, word] of Object.entries(CASUAL)) if (STOP.has(word)) out.add(casual);
  // Longest first, so the alternation reads naturally (the boundaries make the order irrelevant).
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
})();

const NON_LETTERS = '[^[:alpha:]]+';

/**
 * A PostgreSQL regular expression (for `comment ~* pattern`) matching the comments whose terms
 * (termsOf) include `term`, a word or a two-word phrase as the themes show it: each word in any of
 * its spellings (CASUAL), as a whole letter run, and between the two words of a phrase only
 * non-letters and the words tokens() drops (stopwords, single letters). So the reviews inbox can list
 * exactly the reviews a theme counted: "tidak ramah" finds "gak ramah" and "tidak begitu ramah"
 * (when "begitu" is a stopword) but not "tidak enak, tapi ramah". Null when `term` is not a theme
 * (no kept word, or more than two).
 */
export function themePattern(term: string): string | null {
  const t = tokens(term);
  if (t.length === 0 || t.length > 2) return null;
  const word = (w: string) => `(${[w, ...(SPELLINGS.get(w) ?? [])].join('|')})`;
  const gap = `${NON_LETTERS}((${DROPPED.join('|')}|[[:alpha:]])${NON_LETTERS})*`;
  return `(^|[^[:alpha:]])${t.map(word).join(gap)}([^[:alpha:]]|$)`;
}
