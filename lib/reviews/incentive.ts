/**
 * Owner-written texts on a review link (title, thank-you) are checked for incentive wording:
 * Google's fake-engagement policy bans reviews rewarded with discounts, free goods or services,
 * and asking only happy customers. The check is friendly advice, not a refusal: it returns the
 * phrases it found so the form can point at them.
 */
const patterns: RegExp[] = [
  /\bdiskon\b/i,
  /\bpotongan(\s+harga)?\b/i,
  /\bgratis\b/i,
  /\bfree\b/i,
  /\bvoucher\b/i,
  /\bkupon\b/i,
  /\bcash\s?back\b/i,
  /\bhadiah\b/i,
  /\bbonus\b/i,
  /\bpromo\b/i,
  /\bdiscount\b/i,
  /\breward\b/i,
  /\bbintang\s*(5|lima)\b/i,
  /\b(5|five)[\s-]*stars?\b/i,
  /\bkasih\s+(nilai|rating)\s+(bagus|tinggi)\b/i,
  /\bulasan\s+(positif|bagus)\b/i,
  /\b(positive|good)\s+reviews?\b/i,
];

/** The incentive phrases found in the text (as written), empty when none. */
export function incentivePhrases(text: string): string[] {
  const found: string[] = [];
  for (const p of patterns) {
    const m = text.match(p);
    if (m && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}
