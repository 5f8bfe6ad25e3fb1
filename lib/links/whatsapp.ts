/**
 * WhatsApp links. `wa.me/<number>` wants the full international number without "+", spaces or
 * the leading zero: 0812-3456-789 and +62 812 3456 789 are both 628123456789.
 */

/**
 * An Indonesian mobile number in wa.me form, or null when it is not one. Accepts 08…, 8…,
 * +62…, 62… and 0062…, with spaces, dots, dashes and brackets.
 */
export function normalizeIndonesianMobile(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith('+62')) national = digits.slice(3);
  else if (digits.startsWith('0062')) national = digits.slice(4);
  else if (digits.startsWith('62')) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else national = digits;
  national = national.replace(/^0+/, '');
  // Mobile numbers start with 8 and have 9 to 12 digits after the country code.
  return /^8\d{8,11}$/.test(national) ? `62${national}` : null;
}

/** Opens a chat with that number, the message ready to send. */
export function whatsAppChatUrl(number: string, message: string): string {
  return `https://wa.me/${number}?text=${encodeURIComponent(message)}`;
}
