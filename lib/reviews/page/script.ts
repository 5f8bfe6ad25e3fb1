/**
 * The review page's only script, inlined (its SHA-256 is in the page's CSP). It only improves a
 * form that works without it:
 * - stars: paints the stars up to the chosen one (CSS does it too where `:has()` exists);
 * - instant validation: stars chosen, consent ticked when a name or number is given (the server
 *   checks everything again and answers with the same messages);
 * - offline queue: on submit the typed review is kept in localStorage under its submission key
 *   and sent with fetch; if the network fails (or the server answers 5xx) it stays there, the
 *   page says "waiting to send", and it is sent again with the SAME key when the connection
 *   returns, also after the page is closed and reopened (the server stores one review per key).
 *   Any other answer than the thank-you (a message about a field, a closed link) is shown by
 *   posting the form the ordinary way.
 *
 * Written as a self-contained function (no imports, no outside names): the page inlines
 * `(${reviewPageScript})()`, so the function's compiled source is the script.
 */
export function reviewPageScript(): void {
  const form = document.getElementById('rf') as HTMLFormElement | null;
  if (!form) return;
  const data = form.dataset;
  const action = form.getAttribute('action') ?? location.pathname;
  const prefix = 'jejak-review:';
  const box = document.getElementById('rq');
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement | null;
  const label = button ? button.textContent : '';
  const stars = Array.prototype.slice.call(form.querySelectorAll('input[name=stars]')) as HTMLInputElement[];
  let store: Storage | null = null;
  try {
    store = window.localStorage;
    store.setItem(prefix + 'probe', '1');
    store.removeItem(prefix + 'probe');
  } catch {
    store = null;
  }

  type Entry = { action: string; values: Record<string, string>; at: number };

  function paint(): void {
    let chosen = 0;
    for (const s of stars) if (s.checked) chosen = Number(s.value);
    for (const s of stars) if (s.nextElementSibling) s.nextElementSibling.classList.toggle('on', Number(s.value) <= chosen);
  }

  function field(name: string): HTMLInputElement | null {
    const el = form!.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el as HTMLInputElement) : null;
  }

  function showError(name: string, message: string): void {
    const el = document.getElementById('e-' + name);
    if (el) el.textContent = message;
    const input = name === 'stars' ? null : field(name);
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  function validate(): boolean {
    const name = field('name');
    const number = field('whatsapp');
    const consent = field('contactConsent');
    const problems: [string, string, HTMLElement | null | undefined][] = [
      ['stars', stars.some((s) => s.checked) ? '' : data.mStars ?? '', stars[0]],
      [
        'contactConsent',
        consent && !consent.checked && ((name && name.value.trim()) || (number && number.value.trim())) ? data.mConsent ?? '' : '',
        consent,
      ],
    ];
    let first: HTMLElement | null | undefined = null;
    for (const [n, message, el] of problems) {
      showError(n, message);
      if (message && !first) first = el;
    }
    if (first) first.focus();
    return !first;
  }

  function fill(values: Record<string, string>): void {
    for (const el of Array.prototype.slice.call(form!.elements) as HTMLInputElement[]) {
      if (!el.name) continue;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = values[el.name] === el.value;
      else if (el.type !== 'submit') el.value = values[el.name] ?? '';
    }
    paint();
  }

  function pending(): Entry[] {
    const out: Entry[] = [];
    if (!store) return out;
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (!k || k.indexOf(prefix) !== 0) continue;
      try {
        const entry = JSON.parse(store.getItem(k) ?? '') as Entry;
        if (entry.action === action && entry.values.key) out.push(entry);
      } catch {
        store.removeItem(k);
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  function waiting(on: boolean): void {
    if (box) box.hidden = !on;
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }

  let busy = false;
  let timer = 0;
  function send(entry: Entry): void {
    if (busy) return;
    busy = true;
    if (button) {
      button.disabled = true;
      button.textContent = data.mSending ?? label;
    }
    fetch(entry.action, { method: 'POST', body: new URLSearchParams(entry.values), headers: { accept: 'text/html' } })
      .then((res) => {
        if (res.status >= 500) throw new Error(String(res.status));
        if (store) store.removeItem(prefix + entry.values.key);
        // Stored (or stored before, with this key): the thank-you.
        if (res.redirected) return location.assign(res.url);
        // A message about a field, too many reviews, a closed link: the server's own page says it.
        fill(entry.values);
        HTMLFormElement.prototype.submit.call(form);
      })
      .catch(() => {
        busy = false;
        waiting(true);
        clearTimeout(timer);
        timer = window.setTimeout(flush, 20000);
      });
  }

  function flush(): void {
    const first = pending()[0];
    if (first) send(first);
  }

  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === 'stars') {
      paint();
      showError('stars', '');
    }
    if (t.name === 'contactConsent' && t.checked) showError('contactConsent', '');
  });

  form.addEventListener('submit', (e) => {
    if (!validate()) return e.preventDefault();
    if (!store) return; // the ordinary post
    e.preventDefault();
    const values: Record<string, string> = {};
    new FormData(form).forEach((v, k) => {
      if (typeof v === 'string') values[k] = v;
    });
    const entry: Entry = { action, values, at: Date.now() };
    try {
      store.setItem(prefix + values.key, JSON.stringify(entry));
    } catch {
      return HTMLFormElement.prototype.submit.call(form);
    }
    send(entry);
  });

  const retry = document.getElementById('rq-send');
  if (retry) retry.addEventListener('click', flush);
  window.addEventListener('online', flush);

  paint();
  // A review typed earlier that has not been sent yet: show it, and send it.
  const earlier = pending()[0];
  if (earlier) {
    fill(earlier.values);
    waiting(true);
    flush();
  }
}
