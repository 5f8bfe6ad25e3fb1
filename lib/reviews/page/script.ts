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
 *   Waiting reviews go oldest first, one at a time. Any other answer than the thank-you (a message
 *   about a field, a closed link) is shown by posting the form the ordinary way.
 * - counter (kiosk) mode (`data-counter` on the form, a shop's tablet): after each review the
 *   thank-you shows in the page with a countdown, then a fresh form for the next customer: every
 *   field emptied, a new submission key and signed render time (fetched from the page; offline,
 *   one of the spare tokens the page carries). Reviews sent while offline wait in the queue
 *   ("N reviews waiting to be sent") while the next customers go on; the thank-you is only for
 *   the person at the screen, so a queued review the server refuses later is dropped (its
 *   customer is gone) and one it holds back (429) waits.
 *
 * Written as a self-contained function (no imports, no outside names): the page inlines
 * `(${reviewPageScript})()`, so the function's compiled source is the script.
 */
export function reviewPageScript(): void {
  const form = document.getElementById('rf') as HTMLFormElement | null;
  if (!form) return;
  const data = form.dataset;
  const counter = !!data.counter;
  const action = form.getAttribute('action') ?? location.pathname;
  const path = action.split('?')[0];
  const prefix = 'jejak-review:';
  const box = document.getElementById('rq');
  const boxText = document.getElementById('rq-t');
  const block = document.getElementById('rb');
  const panel = document.getElementById('rt');
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement | null;
  const label = button ? button.textContent : '';
  const stars = Array.prototype.slice.call(form.querySelectorAll('input[name=stars]')) as HTMLInputElement[];
  const spares = (data.spare ?? '').split(' ').filter(Boolean);
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

  /** Waiting reviews of this link (whatever language they were sent in), oldest first. */
  function pending(): Entry[] {
    const out: Entry[] = [];
    if (!store) return out;
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (!k || k.indexOf(prefix) !== 0) continue;
      try {
        const entry = JSON.parse(store.getItem(k) ?? '') as Entry;
        if (entry.action.split('?')[0] === path && entry.values.key) out.push(entry);
      } catch {
        store.removeItem(k);
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /** The "waiting to send" box: shown while reviews wait; in counter mode it says how many. */
  function status(): void {
    const n = pending().length;
    if (box) box.hidden = !n;
    if (counter && boxText) boxText.textContent = n > 1 ? (data.mQn ?? '').replace('{n}', String(n)) : data.mQ1 ?? '';
  }

  function ready(): void {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }

  // Counter mode: the thank-you in the page, then a fresh form.
  let ticker = 0;
  let generation = 0;

  function setToken(token: string[]): void {
    ['key', 't', 'sig'].forEach((name, i) => {
      const el = field(name);
      if (el) el.value = token[i] ?? '';
    });
  }

  /** A new v4 uuid, for a form shown offline once the spare tokens have run out (stored as spam, not lost). */
  function uuid(): string {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 15) | 64;
    b[8] = (b[8]! & 63) | 128;
    const hex = Array.prototype.map.call(b, (x: number) => (x + 256).toString(16).slice(1)).join('');
    return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  }

  function thanks(): void {
    const g = ++generation;
    // Nothing of this customer stays: answers, messages, the key; the address is the form's own
    // (so Back or a reload never offers this review again).
    fill({});
    for (const el of Array.prototype.slice.call(document.querySelectorAll('.err')) as HTMLElement[]) el.textContent = '';
    for (const el of Array.prototype.slice.call(form!.querySelectorAll('[aria-invalid]')) as HTMLElement[]) el.removeAttribute('aria-invalid');
    const errs = document.getElementById('errs');
    if (errs) errs.remove();
    setToken((spares.shift() ?? `${uuid()}..`).split('.'));
    history.replaceState(null, '', action);
    // A fresh key and signed render time from the server (and fresh spares), when it answers.
    fetch(action, { headers: { accept: 'text/html' } })
      .then((res) => (res.ok ? res.text() : ''))
      .then((html) => {
        const m = /name="key" value="([^"]+)"><input type="hidden" name="t" value="([^"]+)"><input type="hidden" name="sig" value="([^"]+)"/.exec(html);
        const more = /data-spare="([^"]*)"/.exec(html);
        if (m && g === generation) setToken([m[1]!, m[2]!, m[3]!]);
        if (more) {
          spares.length = 0;
          for (const x of more[1]!.split(' ')) if (x) spares.push(x);
        }
      })
      .catch(() => undefined);
    ready();
    status();
    if (block) block.hidden = true;
    if (panel) {
      panel.hidden = false;
      const h = panel.querySelector('h1');
      if (h) h.focus();
    }
    let left = Number(data.counter);
    const n = document.getElementById('rt-n');
    if (n) n.textContent = String(left);
    clearInterval(ticker);
    ticker = window.setInterval(() => {
      left--;
      if (n) n.textContent = String(left);
      if (left <= 0) next();
    }, 1000);
  }

  function next(): void {
    clearInterval(ticker);
    if (panel) panel.hidden = true;
    if (block) block.hidden = false;
    window.scrollTo(0, 0);
    const h = block && block.querySelector('h1');
    if (h) {
      h.setAttribute('tabindex', '-1');
      h.focus();
    }
  }

  let busy = false;
  let timer = 0;
  /** The key of the review the person at the screen is waiting for ('' for none). */
  let mine = '';

  function send(entry: Entry): void {
    if (busy) return;
    busy = true;
    const own = entry.values.key === mine;
    if (own && button) {
      button.disabled = true;
      button.textContent = data.mSending ?? label;
    }
    // The 303 to the thank-you is not followed here: it says "stored" (the page goes there itself).
    fetch(entry.action, { method: 'POST', body: new URLSearchParams(entry.values), headers: { accept: 'text/html' }, redirect: 'manual' })
      .then((res) => {
        if (res.status >= 500 || (counter && res.status === 429)) throw new Error(String(res.status));
        if (store) store.removeItem(prefix + entry.values.key);
        busy = false;
        if (res.type === 'opaqueredirect') {
          // Stored (or stored before, with this key): the thank-you.
          if (!counter) return location.assign(entry.action.replace('?', '/thanks?'));
          if (own) thanks();
        } else if (own || !counter) {
          // A message about a field, too many reviews, a closed link: the server's own page says it.
          fill(entry.values);
          return HTMLFormElement.prototype.submit.call(form);
        }
        if (own) mine = '';
        status();
        flush();
      })
      .catch(() => {
        busy = false;
        if (own) {
          mine = '';
          // Counter mode: the review is safe on the tablet; the next customer need not wait for it.
          if (counter) thanks();
        }
        ready();
        status();
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
    generation++;
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
    // Counter mode, with earlier reviews still waiting: this one goes after them, the next customer now.
    if (counter && (busy || pending()[0]!.values.key !== values.key)) {
      thanks();
      return flush();
    }
    mine = values.key ?? '';
    send(entry);
  });

  const retry = document.getElementById('rq-send');
  if (retry) retry.addEventListener('click', flush);
  const nextButton = document.getElementById('rt-next');
  if (nextButton) nextButton.addEventListener('click', next);
  window.addEventListener('online', flush);

  paint();
  // Reviews typed earlier that have not been sent yet: send them (the ordinary page shows its one
  // again; a counter's next customer never sees the earlier ones).
  const earlier = pending()[0];
  if (earlier) {
    if (!counter) {
      fill(earlier.values);
      mine = earlier.values.key ?? '';
    }
    status();
    flush();
  }
}
