/**
 * A persona's fields have one home (lib/personas/fields.ts): the input schema, the form and the
 * persona page are built from that list. The exchange format's persona (export, import, version
 * snapshots) must hold the same fields with the same limits, or an exported persona would not
 * import again.
 */
import { describe, expect, it } from 'vitest';
import { personaDocSchema } from '@/lib/journeys/model';
import { blankPersonaTexts, PERSONA_NAME_MAX, personaTextFieldNames, personaTextFields, personaTexts } from '@/lib/personas/fields';
import { personaInputSchema } from '@/lib/personas/queries';

describe('the persona field list', () => {
  it('is the exchange format’s persona: the same fields', () => {
    expect(Object.keys(personaDocSchema.shape).sort()).toEqual(['name', 'preferredChannels', ...personaTextFieldNames].sort());
    expect(Object.keys(personaInputSchema.shape).sort()).toEqual(['avatarColor', 'name', 'photoUrl', 'preferredChannels', ...personaTextFieldNames].sort());
  });

  it('gives each text field one limit, which the input schema and the exchange format both keep', () => {
    for (const [field, max] of Object.entries(personaTextFields)) {
      const at = { name: 'A', [field]: 'x'.repeat(max) };
      const over = { name: 'A', [field]: 'x'.repeat(max + 1) };
      expect(personaInputSchema.safeParse(at).success, field).toBe(true);
      expect(personaInputSchema.safeParse(over).success, field).toBe(false);
      expect(personaDocSchema.safeParse(at).success, field).toBe(true);
      expect(personaDocSchema.safeParse(over).success, field).toBe(false);
    }
    expect(personaInputSchema.safeParse({ name: 'n'.repeat(PERSONA_NAME_MAX) }).success).toBe(true);
    expect(personaInputSchema.safeParse({ name: 'n'.repeat(PERSONA_NAME_MAX + 1) }).success).toBe(false);
    expect(personaDocSchema.safeParse({ name: 'n'.repeat(PERSONA_NAME_MAX + 1) }).success).toBe(false);
  });

  it('picks exactly the text fields from a row, and blanks them for a new persona', () => {
    const row = { ...Object.fromEntries(personaTextFieldNames.map((k) => [k, `isi ${k}`])), id: 'x', name: 'Pak Budi', photoUrl: 'data:…' };
    expect(personaTexts(row as never)).toEqual(Object.fromEntries(personaTextFieldNames.map((k) => [k, `isi ${k}`])));
    expect(Object.values(blankPersonaTexts).every((v) => v === '')).toBe(true);
    expect(Object.keys(blankPersonaTexts)).toEqual(personaTextFieldNames);
  });
});
