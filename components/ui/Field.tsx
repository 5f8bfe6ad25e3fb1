'use client';

import {
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface Common {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const inputClass =
  'mt-1 block w-full min-w-0 rounded-lg border bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';

function describedBy(name: string, hint?: string, error?: string) {
  return [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A refused form's error for one field, shown until the field is fixed: once its value differs
 * from the one refused (`refused`, the form's kept value; a field whose value is not kept, a
 * password, counts as fixed once typed in), the message, the red border and aria-invalid go;
 * back to the refused value, they come back. The next refusal shows its errors again: a new
 * message or value changes the props, and the same one again comes with React's reset of the form
 * after its action (the `reset` event). Edits are seen through `input` events, not React's
 * onChange: after that reset React still takes the field for holding the value sent, and typing the
 * same value again would not count as a change.
 */
export function useFieldError<E extends Control>(error: string | undefined, refused: unknown, opts: { clearOnChange?: boolean } = {}) {
  const ref = useRef<E>(null);
  // As text, so a value rebuilt on every render (an array) is still the same value.
  const kept = refused === undefined || refused === null ? null : typeof refused === 'string' ? refused : JSON.stringify(refused);
  const [changed, setChanged] = useState(false);
  const [answer, setAnswer] = useState({ error, kept });
  if (answer.error !== error || answer.kept !== kept) {
    setAnswer({ error, kept });
    setChanged(false);
  }
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onReset = () => setChanged(false);
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, []);
  const track = (e: FormEvent<E>) => {
    if (!error || opts.clearOnChange === false) return;
    setChanged(kept === null ? true : e.currentTarget.value !== kept);
  };
  return { ref, shown: error && !changed ? error : undefined, track };
}

function Wrapper({ name, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={name} className="block text-sm font-medium break-words text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-sm break-words text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium break-words text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose hint and error are announced with it; the error goes once the value is changed (a file input keeps its own). */
export function TextField({ name, label, hint, error, onInput, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { ref, shown, track } = useFieldError<HTMLInputElement>(error, rest.defaultValue, { clearOnChange: rest.type !== 'file' });
  return (
    <Wrapper name={name} label={label} hint={hint} error={shown}>
      <input
        ref={ref}
        id={name}
        name={name}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(name, hint, shown)}
        className={`${inputClass} ${shown ? 'border-red-600' : 'border-slate-300'}`}
        onInput={(e) => {
          track(e);
          onInput?.(e);
        }}
        {...rest}
      />
    </Wrapper>
  );
}

/** A labelled multi-line input (three rows unless `rows` says otherwise). */
export function TextAreaField({ name, label, hint, error, onInput, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { ref, shown, track } = useFieldError<HTMLTextAreaElement>(error, rest.defaultValue);
  return (
    <Wrapper name={name} label={label} hint={hint} error={shown}>
      <textarea
        ref={ref}
        id={name}
        name={name}
        rows={3}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(name, hint, shown)}
        className={`${inputClass} ${shown ? 'border-red-600' : 'border-slate-300'}`}
        onInput={(e) => {
          track(e);
          onInput?.(e);
        }}
        {...rest}
      />
    </Wrapper>
  );
}

/**
 * A labelled select. It keeps what was chosen when a form is refused: React resets a form after
 * its action, and a select's `defaultValue` is read only when it mounts (unlike an input's), so the
 * select is mounted again (`key`) whenever the value to start from changes, e.g. to the refused one.
 */
export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  onInput,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { ref, shown, track } = useFieldError<HTMLSelectElement>(error, rest.defaultValue);
  return (
    <Wrapper name={name} label={label} hint={hint} error={shown}>
      <select
        key={JSON.stringify(rest.defaultValue ?? null)}
        ref={ref}
        id={name}
        name={name}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(name, hint, shown)}
        className={`${inputClass} ${shown ? 'border-red-600' : 'border-slate-300'}`}
        onInput={(e) => {
          track(e);
          onInput?.(e);
        }}
        {...rest}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
