/**
 * The pure part of personas, safe for client components: avatar colours, gender choices and the
 * photo limit. The database functions and the input schema are in lib/personas.
 */
import { LOGO_MAX_BYTES, logoTypes } from '../images/images';

/** Avatar backgrounds: each at shade 700, where white initials keep a contrast of at least 4.5:1. */
export const avatarColors = ['emerald', 'teal', 'sky', 'indigo', 'violet', 'fuchsia', 'rose', 'amber'] as const;
export type AvatarColor = (typeof avatarColors)[number];

/** The gender choices the form offers; stored as these keys ('' = not said). Imported files may hold other text. */
export const genders = ['female', 'male', 'all'] as const;

export const PHOTO_MAX_BYTES = LOGO_MAX_BYTES;
export const photoTypes = logoTypes;
