'use client';

import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_LIMIT_BYTES, BODY_LIMIT_LABEL, formDataBytes } from '@/lib/core/body-limit';
import { shrinkImage } from './shrink-image';

/**
 * A file input for an image with a size limit (persona photo, business logo). A wrong type is
 * refused before anything is sent over a slow connection; a photo too big (a phone camera's) is
 * made smaller in the browser so it fits. The server checks type and size again in any case; an
 * unknown type (some phones report none) is left for it to judge.
 *
 * `onSubmit`, on the form, makes sure a big photo is never sent: a form sent while the photo is
 * still being made smaller is sent again once it is small; a photo chosen before the page's
 * script ran is made smaller first; and a form that would still be over the 1 MB a request may
 * carry (lib/core/body-limit.ts) is not sent, with a message saying so, everything typed kept. The
 * form's action stays the server action itself, so it still posts without JavaScript (then the
 * server answers an oversized body with a page stating the limit: lib/http/request-guards.ts).
 */
export function useImageInput({ types, maxBytes }: { types: readonly string[]; maxBytes: number }) {
  const { t: tc } = useTranslation('common');
  const [error, setError] = useState<string>();
  const [shrinking, setShrinking] = useState(false);
  // The photo being made smaller right now, if any: resolves to whether the input now holds one that fits.
  const pending = useRef<Promise<boolean> | null>(null);

  /** Checks the chosen file, making it smaller if needed; false when the input was emptied instead. */
  function choose(input: HTMLInputElement, file: File): Promise<boolean> | boolean {
    if (file.type && !types.includes(file.type)) {
      input.value = '';
      setError(tc('validation.image_type'));
      return false;
    }
    if (file.size <= maxBytes) return true;
    // The input holds nothing while the photo is made smaller: a form sent meanwhile by some other
    // way than onSubmit below never carries the big file.
    input.value = '';
    const work = (async () => {
      setShrinking(true);
      const small = await shrinkImage(file, maxBytes);
      setShrinking(false);
      if (!small) {
        setError(tc('validation.image_size'));
        return false;
      }
      const files = new DataTransfer();
      files.items.add(small);
      input.files = files.files;
      return true;
    })();
    pending.current = work;
    // Cleared before anyone waiting on it goes on (callbacks run in the order they were added).
    void work.then(() => {
      if (pending.current === work) pending.current = null;
    });
    return work;
  }

  function onChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setError(undefined);
    pending.current = null;
    if (file) void choose(e.target, file);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const again = (fits: boolean) => {
      if (fits) form.requestSubmit(submitter);
    };
    if (pending.current) {
      e.preventDefault();
      void pending.current.then(again);
      return;
    }
    const unchecked = [...form.querySelectorAll<HTMLInputElement>('input[type="file"]')].find((el) => (el.files?.[0]?.size ?? 0) > maxBytes);
    if (unchecked) {
      e.preventDefault();
      setError(undefined);
      void Promise.resolve(choose(unchecked, unchecked.files![0]!)).then(again);
      return;
    }
    if (formDataBytes(new FormData(form)) > BODY_LIMIT_BYTES) {
      e.preventDefault();
      setError(tc('validation.form_too_large', { limit: BODY_LIMIT_LABEL }));
    }
  }

  return { error, shrinking, onChange, onSubmit };
}
