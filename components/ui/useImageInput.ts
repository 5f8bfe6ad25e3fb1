'use client';

import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shrinkImage } from './shrink-image';

/**
 * A file input for an image with a size limit (persona photo, business logo). A wrong type is
 * refused before anything is sent over a slow connection; a photo too big (a phone camera's) is
 * made smaller in the browser so it fits. The server checks type and size again in any case; an
 * unknown type (some phones report none) is left for it to judge.
 */
export function useImageInput({ types, maxBytes }: { types: readonly string[]; maxBytes: number }) {
  const { t: tc } = useTranslation('common');
  const [error, setError] = useState<string>();
  const [shrinking, setShrinking] = useState(false);

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const input = e.target;
    const file = input.files?.[0];
    setError(undefined);
    if (!file) return;
    if (file.type && !types.includes(file.type)) {
      input.value = '';
      setError(tc('validation.image_type'));
      return;
    }
    if (file.size <= maxBytes) return;
    setShrinking(true);
    const small = await shrinkImage(file, maxBytes);
    setShrinking(false);
    if (!small) {
      input.value = '';
      setError(tc('validation.image_size'));
      return;
    }
    const files = new DataTransfer();
    files.items.add(small);
    input.files = files.files;
  }

  return { error, shrinking, onChange: (e: ChangeEvent<HTMLInputElement>) => void onChange(e) };
}
