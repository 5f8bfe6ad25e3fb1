import { TextField } from '@/components/ui/Field';

/**
 * The field for a 6-digit code from an authenticator app: the phone shows its number pad and
 * offers the code from an SMS or the app (`one-time-code`).
 */
export function CodeField({ label, hint, error }: { label: string; hint?: string; error?: string }) {
  return (
    <TextField
      name="code"
      label={label}
      hint={hint}
      error={error}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      minLength={6}
      maxLength={6}
      required
      spellCheck={false}
    />
  );
}
