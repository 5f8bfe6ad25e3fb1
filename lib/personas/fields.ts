/**
 * The pure part of personas, safe for client components: the one list of a persona's text
 * fields with their limits, avatar colours, gender choices and the photo limit. The database
 * functions and the input schema are in lib/personas/queries.ts.
 */
import { IMAGE_MAX_BYTES, imageTypes } from '../images/limits';

/** A persona's name, at most this long (the journey map's name limit). */
export const PERSONA_NAME_MAX = 120;

/**
 * A persona's free-text fields and the most characters each may hold: the one list the input
 * schema, the form, the persona page, copies and the exchange format are built from. (Limits in
 * step with the journey map's: a name 120, a text 500; longer texts twice or four times that.)
 */
export const personaTextFields = {
  ageRange: 60,
  gender: 30,
  location: 120,
  occupation: 120,
  lifestyle: 1000,
  personality: 1000,
  goals: 1000,
  painPoints: 1000,
  expectations: 1000,
  shoppingPreferences: 1000,
  activeTimes: 120,
  brandView: 1000,
  notes: 2000,
} as const satisfies Record<string, number>;
export type PersonaTextField = keyof typeof personaTextFields;
export const personaTextFieldNames = Object.keys(personaTextFields) as PersonaTextField[];

/** The text fields of a persona (a stored row, a document), and nothing else. */
export function personaTexts(source: Record<PersonaTextField, string>): Record<PersonaTextField, string> {
  return Object.fromEntries(personaTextFieldNames.map((k) => [k, source[k]])) as Record<PersonaTextField, string>;
}

/** Every text field empty: a new persona's. */
export const blankPersonaTexts = Object.fromEntries(personaTextFieldNames.map((k) => [k, ''])) as Record<PersonaTextField, string>;

/** Avatar backgrounds: each at shade 700, where white initials keep a contrast of at least 4.5:1. */
export const avatarColors = ['emerald', 'teal', 'sky', 'indigo', 'violet', 'fuchsia', 'rose', 'amber'] as const;
export type AvatarColor = (typeof avatarColors)[number];

/** The gender choices the form offers; stored as these keys ('' = not said). Imported files may hold other text. */
export const genders = ['female', 'male', 'all'] as const;

export const PHOTO_MAX_BYTES = IMAGE_MAX_BYTES;
export const photoTypes = imageTypes;
