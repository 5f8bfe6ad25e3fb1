'use client';

import en from '@/locales/en/errors.json';
import id from '@/locales/id/errors.json';

// Replaces the root layout when it fails, so no provider or cookie is available: show both languages.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560, margin: '4rem auto', padding: '0 1rem' }}>
        <main>
          <h1>{id.server.title}</h1>
          <p>{id.server.body}</p>
          <p lang="en">
            {en.server.title}. {en.server.body}
          </p>
          {error.digest ? <p>{id.server.reference.replace('{{id}}', error.digest)}</p> : null}
          <button type="button" onClick={reset}>
            {id.server.retry} / {en.server.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
