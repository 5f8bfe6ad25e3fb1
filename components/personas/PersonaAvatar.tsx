import { avatarColors, type AvatarColor } from '@/lib/personas/fields';

// Literal class names, so Tailwind generates them. Shade 700: white initials stay readable (≥ 4.5:1).
const backgrounds: Record<AvatarColor, string> = {
  emerald: 'bg-emerald-700',
  teal: 'bg-teal-700',
  sky: 'bg-sky-700',
  indigo: 'bg-indigo-700',
  violet: 'bg-violet-700',
  fuchsia: 'bg-fuchsia-700',
  rose: 'bg-rose-700',
  amber: 'bg-amber-700',
};

export function avatarBackground(color: string): string {
  return (avatarColors as readonly string[]).includes(color) ? backgrounds[color as AvatarColor] : backgrounds.emerald;
}

/** Up to two letters: the first of the first two words ("Pak Budi" → "PB"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '')
    .join('')
    .toUpperCase();
}

/** Served by app/api/persona-photo; the version makes a new photo a new URL. */
export function personaPhotoPath(id: string, updatedAt: Date): string {
  return `/api/persona-photo/${id}?v=${updatedAt.getTime()}`;
}

/**
 * The persona's photo, or its initials on its colour. Decorative: the name is always written
 * next to it, so it is hidden from screen readers.
 */
export function PersonaAvatar({ name, color, photoSrc, size = 'md' }: { name: string; color: string; photoSrc?: string | null; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'h-20 w-20 text-2xl' : 'h-12 w-12 text-lg';
  if (photoSrc) {
    return (
      // A small image from our own route: next/image would add nothing here.
      // eslint-disable-next-line @next/next/no-img-element
      <img src={photoSrc} alt="" aria-hidden="true" className={`${box} shrink-0 rounded-full object-cover`} width={size === 'lg' ? 80 : 48} height={size === 'lg' ? 80 : 48} />
    );
  }
  return (
    <span aria-hidden="true" className={`${box} ${avatarBackground(color)} inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white`}>
      {initials(name)}
    </span>
  );
}
