/**
 * Part 5 of `npm run bench`: bad input. fast-check generates --fuzz-requests (10,000) requests over
 * every public endpoint — the review post and page (/r/<slug>, its thank-you), the testimonial page
 * and its embed (/t/<slug>, /t/<slug>/embed), a share link, an invite link, sign-in (the page and
 * next-auth's credentials callback) and sign-up — with malformed bodies, huge fields, bytes that are
 * not UTF-8 and broken percent-encoding, odd Unicode (lone surrogates, controls, right-to-left marks,
 * emoji), SQL and HTML payloads, wrong methods and content types, and odd slugs, tokens and queries.
 * They go out --fuzz-concurrency (8) at a time, from addresses spread over a few thousand (so some
 * meet the per-address limits and some do not). Printed: requests, answers by status, every 5xx
 * (target 0, the first few in full), answers that echo an HTML payload unescaped, and afterwards the
 * stored reviews that break the schema's rules (target 0). Then an HTML payload stored through the
 * real form and featured is fetched on the testimonial page and in the owner's inbox: it must come
 * back escaped, never as markup. The seed is printed: `--fuzz-seed=<n>` replays the same requests.
 *
 *   npx tsx scripts/bench/fuzz.ts [--dist=.builds/bench] [--fuzz-requests=10000] [--fuzz-seed=…]
 */
import fc from 'fast-check';
import { formSigner, urlencoded } from './form';
import { isMain, option, runAlone, type Stack } from './stack';

interface FuzzRequest {
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** An HTML payload's marker the answer must not contain unescaped. */
  marker?: string;
}

const markerTag = (n: number) => `<b data-fz="${n}">`;
const sqlPayloads = ["' or '1'='1", "'; drop table reviews; --", '1; select pg_sleep(5)', "\\' union select password_hash from users --", '$1', '%27%20or%201=1'];
const oddUnicode = ['\u0000', '\u0007', '\u001b[31m', '\u202e\u0635\u0648\u0631\u0629', '\ud800', '\udfff', '\ufeff', 'e\u0301', '👩🏽‍🔧', '\u2028', '𝕵𝖊𝖏𝖆𝖐', 'ﷺ', '\u200b'];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const contentTypes = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'multipart/form-data; boundary=----fz',
  'multipart/form-data',
  'application/json',
  'text/plain',
  'text/html; charset=utf-16',
  '',
];

function arbitraries(stack: Stack) {
  const slugs = stack.links.slice(0, 50).map((l) => l.slug);
  let markers = 0;
  // No U+FFFD is generated, and no lone surrogate (URLSearchParams and TextEncoder would send one
  // as U+FFFD): a U+FFFD in a stored row can then only come from a lossy decode on the server.
  // Surrogates reach the server as bytes instead (`%ED%A0%80`, the 'surrogate-bytes' encoding).
  const noReplacement = (a: fc.Arbitrary<string>) => a.map((x) => x.replace(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...oddUnicode.filter((u) => !/^[\uD800-\uDFFF]$/.test(u))) },
    { weight: 2, arbitrary: noReplacement(fc.string({ unit: 'grapheme', maxLength: 40 })) },
    { weight: 2, arbitrary: noReplacement(fc.string({ unit: 'binary', maxLength: 40 })) },
    { weight: 2, arbitrary: fc.constantFrom(...sqlPayloads) },
    { weight: 1, arbitrary: fc.constantFrom(2001, 5000, 70_000).map((n) => 'é'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }).map(String) },
  );
  const html = fc.constant(null).map(() => {
    const n = ++markers;
    return { text: `${markerTag(n)}<script>alert(${n})</script><img src=x onerror=alert(${n})>`, marker: markerTag(n) };
  });
  const slug = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...slugs, 'demo-bengkel') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%ff%fe', '..%2f..%2fetc%2fpasswd', '%00', 'a'.repeat(3000), 'DEMO-BENGKEL', ' demo-bengkel ', '%E2%80%AE') },
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom('?lang=en', '?lang=xx', '?mode=counter', '?mode=counter&c=AAAAAAAAAAAAAAAAAAAAAA', '?lang=%ff', '?v=1', '?callbackUrl=https://evil.example', '?callbackUrl=//evil.example', '?error=CredentialsSignin'),
    fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
  );
  const signer = formSigner(stack.secret);
  /** A body: a map of fields encoded one of several ways, some of them broken. */
  const formBody = (fields: fc.Arbitrary<Record<string, string>>) =>
    fc.tuple(fields, fc.constantFrom('urlencoded', 'urlencoded', 'urlencoded', 'bad-utf8', 'surrogate-bytes', 'bad-percent', 'json', 'multipart', 'latin1', 'huge', 'empty')).map(([f, how]) => {
      const enc = new TextEncoder();
      switch (how) {
        case 'bad-utf8':
          return Buffer.concat([Buffer.from(urlencoded(f)), Buffer.from('&comment=%C3%28%FF%FE'), Buffer.from([0xc3, 0x28, 0xff])]);
        case 'surrogate-bytes':
          // First, so it is the value read (the first of a repeated field counts).
          return enc.encode(`comment=${['%ED%A0%80', '%ED%BF%BF', '%F4%90%80%80', '%C0%AF'][Object.keys(f).length % 4]}&${urlencoded(f)}`);
        case 'bad-percent':
          return enc.encode(`${urlencoded(f)}&comment=100%&name=%zz%&stars=%`);
        case 'json':
          return enc.encode(JSON.stringify(f));
        case 'multipart':
          return enc.encode(Object.entries(f).map(([k, v]) => `------fz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + '------fz--\r\n');
        case 'latin1':
          return Buffer.from(urlencoded(f).replace(/%[0-9A-F]{2}/g, ''), 'latin1');
        case 'huge':
          return enc.encode(`${urlencoded(f)}&comment=${'x'.repeat(1_100_000)}`);
        case 'empty':
          return new Uint8Array();
        default:
          return enc.encode(urlencoded(f));
      }
    });
  const reviewFields = fc
    .record({
      valid: fc.boolean(),
      stars: fc.oneof(fc.constantFrom('1', '3', '5'), text),
      nps: fc.oneof(fc.constantFrom('', '0', '10'), text),
      comment: fc.oneof(text, html.map((h) => h.text)),
      name: fc.option(fc.oneof(text, html.map((h) => h.text)), { nil: undefined }),
      whatsapp: fc.option(fc.oneof(fc.constantFrom('0812 3456 7890', '+62 812-3456-7890', '62812'), text), { nil: undefined }),
      contactConsent: fc.option(fc.constantFrom('on', 'yes', '1', ''), { nil: undefined }),
      testimonialConsent: fc.option(fc.constantFrom('on', 'off'), { nil: undefined }),
      website: fc.constantFrom('', '', '', 'http://spam.example'),
      extra: fc.option(text, { nil: undefined }),
    })
    .map(({ valid, extra, ...f }) => {
      const base = valid ? signer.fields({}) : { key: 'not-a-uuid', t: '1', sig: 'x' };
      const out: Record<string, string> = { ...base };
      for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
      if (extra !== undefined) out[extra.slice(0, 20) || 'x'] = extra;
      return out;
    });
  const credentialFields = fc.record({ email: fc.oneof(fc.emailAddress(), text, fc.constant('pemilik@bengkel.test')), password: text, csrfToken: text, callbackUrl: fc.oneof(text, fc.constant('https://evil.example')) });
  const signUpFields = fc.record({ name: text, email: fc.oneof(fc.emailAddress(), text), password: text, businessName: text, website: fc.constantFrom('', 'x') });
  const token = fc.oneof(fc.constant('DemoBengkelMajuJaya-PetaServis01'), fc.string({ maxLength: 60 }).map(encodeURIComponent), fc.constantFrom('%ff', 'A'.repeat(500), "'or'1'='1"));
  const tenant = fc.oneof(fc.constant('0b5e1c00-0000-4000-8000-000000000001'), fc.uuid().map(String), fc.string({ maxLength: 40 }).map(encodeURIComponent));
  const headers = fc.record({ ct: fc.constantFrom(...contentTypes), ip: fc.integer({ min: 0, max: 3000 }), lang: fc.constantFrom('id', 'en', 'xx', '*', '', 'id-ID,id;q=0.9,en;q=0.8') });
  const mk = (endpoint: string, method: fc.Arbitrary<string>, path: fc.Arbitrary<string>, body?: fc.Arbitrary<Uint8Array>) =>
    fc.record({ method, path, body: body ?? fc.constant(undefined), h: headers, nextAction: fc.option(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 42 }), { nil: undefined }) }).map(({ method, path, body, h, nextAction }): FuzzRequest => {
      const hdrs: Record<string, string> = { 'x-forwarded-for': `10.77.${h.ip >> 8}.${h.ip & 255}`, 'accept-language': h.lang, accept: 'text/html' };
      if (h.ct && method !== 'GET') hdrs['content-type'] = h.ct;
      if (nextAction && method === 'POST' && !path.startsWith('/r/')) hdrs['next-action'] = nextAction;
      const m = body ? /<b data-fz="\d+">/.exec(Buffer.from(body).toString('utf8')) : null;
      return { endpoint, method, path, headers: hdrs, body: method === 'GET' || method === 'OPTIONS' ? undefined : body, marker: m?.[0] };
    });
  const weighted = (w: number, a: fc.Arbitrary<FuzzRequest>) => ({ weight: w, arbitrary: a });
  const postMostly = fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom(...methods) });
  const getMostly = fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 2, arbitrary: fc.constantFrom(...methods) });
  return fc.oneof(
    weighted(34, mk('review post', postMostly, fc.tuple(slug, query).map(([s, q]) => `/r/${s}${q}`), formBody(reviewFields))),
    weighted(12, mk('review page', getMostly, fc.tuple(slug, query).map(([s, q]) => `/r/${s}${q}`))),
    weighted(5, mk('review thanks', getMostly, fc.tuple(slug, query).map(([s, q]) => `/r/${s}/thanks${q}`))),
    weighted(9, mk('testimonial page', getMostly, fc.tuple(fc.oneof(fc.constant('bengkel-maju-jaya'), slug), query).map(([s, q]) => `/t/${s}${q}`))),
    weighted(6, mk('testimonial embed', getMostly, fc.tuple(fc.oneof(fc.constant('bengkel-maju-jaya'), slug), query).map(([s, q]) => `/t/${s}/embed${q}`))),
    weighted(8, mk('share link', getMostly, fc.tuple(tenant, token, query).map(([a, b, q]) => `/share/${a}/${b}${q}`))),
    weighted(8, mk('invite link', getMostly, fc.tuple(tenant, token, query).map(([a, b, q]) => `/invite/${a}/${b}${q}`), formBody(signUpFields))),
    weighted(6, mk('sign-in page', getMostly, query.map((q) => `/sign-in${q}`), formBody(credentialFields))),
    weighted(4, mk('sign-in callback', postMostly, fc.constantFrom('/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/csrf', '/api/auth/session', '/api/auth/callback/%ff'), formBody(credentialFields))),
    weighted(8, mk('sign-up', getMostly, query.map((q) => `/sign-up${q}`), formBody(signUpFields))),
  );
}

export interface FuzzResult {
  seed: number;
  requests: number;
  byEndpoint: Record<string, Record<string, number>>;
  serverErrors: { request: string; status: number; body: string }[];
  serverErrorCount: number;
  echoedMarkup: string[];
  badRows: { rule: string; rows: number }[];
  htmlEscaped: { where: string; ok: boolean; note: string }[];
  seconds: number;
  serverLog: string[];
  json: Record<string, unknown>;
}

const describe = (r: FuzzRequest) => `${r.method} ${r.path.slice(0, 160)} [${r.headers['content-type'] ?? 'no content-type'}${r.body ? `, ${r.body.length} bytes: ${JSON.stringify(Buffer.from(r.body.slice(0, 160)).toString('latin1'))}` : ''}]`;

/** Stored reviews breaking the rules the intake's schema promises. */
async function badRows(stack: Stack): Promise<{ rule: string; rows: number }[]> {
  const rules: [string, string][] = [
    ['stars outside 1–5', 'not (stars between 1 and 5)'],
    ['nps outside 0–10', 'nps is not null and not (nps between 0 and 10)'],
    ['comment over 2000 characters', 'char_length(comment) > 2000'],
    ['name over 80 characters', 'char_length(customer_name) > 80'],
    ['control characters in comment or name', "comment ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]' or customer_name ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]'"],
    ['U+FFFD (a lossy decode) in comment or name', "comment like '%\uFFFD%' or customer_name like '%\uFFFD%'"],
    ['untrimmed comment or name', "comment <> btrim(comment, E' \\t\\n\\r') or customer_name <> btrim(customer_name, E' \\t\\n\\r')"],
    ['empty name stored instead of null', "customer_name = ''"],
    ['whatsapp not in 62… form', "customer_whatsapp is not null and customer_whatsapp !~ '^62[0-9]{8,13}$'"],
    ['contact without consent', 'not contact_consent and (customer_name is not null or customer_whatsapp is not null)'],
    ['spam without a reason', "status = 'spam' and spam_reason is null"],
    ['featured without consent', 'featured and not testimonial_consent'],
  ];
  const out: { rule: string; rows: number }[] = [];
  for (const [rule, where] of rules) {
    const [r] = await stack.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from reviews where ${where}`);
    out.push({ rule, rows: r?.n ?? -1 });
  }
  return out;
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

/** An HTML payload through the real form, featured, then on the testimonial page and in the owner's inbox. */
async function storedHtmlStaysText(stack: Stack): Promise<{ where: string; ok: boolean; note: string }[]> {
  const signer = formSigner(stack.secret);
  const marker = `<i data-fz-stored="1">`;
  const payload = `${marker}<script>alert('fz')</script><img src=x onerror=alert(1)> Bagus &amp; murah`;
  const fields: Record<string, string> = { ...signer.fields({ stars: 5, comment: payload }), testimonialConsent: 'on' };
  const res = await fetch(`${stack.base}/r/demo-bengkel`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.78.0.1' }, body: urlencoded(fields) });
  const [row] = await stack.sql<{ id: string; consent: boolean }[]>`select id::text, testimonial_consent as consent from reviews where submission_key = ${fields.key!}`;
  if (res.status !== 303 || !row) return [{ where: 'stored through /r/demo-bengkel', ok: false, note: `answered ${res.status}, stored: ${!!row}` }];
  await stack.sql`update reviews set featured = true, testimonial_consent = true, status = 'read' where id = ${row.id}`;
  const out: { where: string; ok: boolean; note: string }[] = [];
  const check = (where: string, html: string, status: number) => {
    const raw = html.includes(marker) || html.includes("<script>alert('fz')");
    const escaped = /(&lt;|&#60;|&#x3c;)i data-fz-stored/i.test(html);
    out.push({ where, ok: status === 200 && !raw && escaped, note: `status ${status}; raw markup ${raw ? 'FOUND' : 'absent'}; escaped text ${escaped ? 'present' : 'absent'}` });
  };
  for (const p of ['/t/bengkel-maju-jaya', '/t/bengkel-maju-jaya/embed']) {
    const r = await fetch(stack.base + p);
    check(p, await r.text(), r.status);
  }
  // The owner's inbox, signed in as a browser would (next-auth's CSRF token, then the form post).
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${stack.base}/api/auth/csrf`, { headers: { 'x-forwarded-for': '10.78.0.2' } });
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${stack.base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: stack.base, 'x-forwarded-for': '10.78.0.2' },
    body: new URLSearchParams({ csrfToken, email: 'pemilik@bengkel.test', password: 'jejak-demo-2026', callbackUrl: `${stack.base}/reviews`, json: 'true' }),
  });
  cookiesOf(signIn, jar);
  const inbox = await fetch(`${stack.base}/reviews`, { headers: { cookie: cookie(), 'x-forwarded-for': '10.78.0.2' } });
  check('/reviews (the owner\'s inbox)', await inbox.text(), inbox.status);
  return out;
}

export async function fuzzPart(stack: Stack, log: (s: string) => void = console.error): Promise<FuzzResult> {
  const count = Math.max(1, Number(option('fuzz-requests') ?? 10_000));
  const concurrency = Math.max(1, Number(option('fuzz-concurrency') ?? 8));
  const seed = Number(option('fuzz-seed') ?? Math.floor(Math.random() * 2 ** 31));
  const requests = fc.sample(arbitraries(stack), { numRuns: count, seed });
  log(`fuzz: ${requests.length} generated requests (seed ${seed}), ${concurrency} at a time …`);
  const byEndpoint: Record<string, Record<string, number>> = {};
  const serverErrors: FuzzResult['serverErrors'] = [];
  const echoedMarkup: string[] = [];
  let serverErrorCount = 0;
  const seen = new Map<string, number>();
  const logBefore = stack.server.log().split('\n').length;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      let status: number | string;
      let text = '';
      try {
        const res = await fetch(stack.base + r.path, { method: r.method, headers: r.headers, body: r.body as BodyInit | undefined, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        status = res.status;
        text = await res.text();
      } catch (err) {
        status = `error:${(err as Error).name}`;
      }
      const e = (byEndpoint[r.endpoint] ??= {});
      e[String(status)] = (e[String(status)] ?? 0) + 1;
      if (typeof status === 'string' || status >= 500) {
        serverErrorCount++;
        const kind = `${r.endpoint} ${status}`;
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        if (seen.get(kind)! <= 2 && serverErrors.length < 24) serverErrors.push({ request: describe(r), status: typeof status === 'number' ? status : -1, body: text.replace(/\s+/g, ' ').slice(0, 200) });
      }
      if (r.marker && text.includes(r.marker) && echoedMarkup.length < 10) echoedMarkup.push(describe(r));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  // What the server logged as unexpected meanwhile (its error ids and first lines).
  const serverLog = stack.server
    .log()
    .split('\n')
    .slice(Math.max(0, logBefore - 400))
    .filter((l) => /error|\[review page|\[testimonial/i.test(l))
    // The app's own unexpected errors first (their ids match the 503 pages), then the framework's.
    .sort((a, b) => Number(/\[review page|\[testimonial/.test(b)) - Number(/\[review page|\[testimonial/.test(a)))
    .slice(0, 16)
    .map((l) => l.slice(0, 240));
  const rows = await badRows(stack);
  const htmlEscaped = await storedHtmlStaysText(stack);
  const badRowCount = rows.reduce((s, r) => s + r.rows, 0);
  return {
    seed,
    requests: requests.length,
    byEndpoint,
    serverErrors,
    serverErrorCount,
    echoedMarkup,
    badRows: rows,
    htmlEscaped,
    seconds,
    serverLog,
    json: {
      requests: requests.length,
      server_errors: serverErrorCount,
      bad_rows: badRowCount,
      echoed_markup: echoedMarkup.length,
      stored_html_escaped: htmlEscaped.every((h) => h.ok),
      seed,
      seconds: Math.round(seconds),
      by_endpoint: byEndpoint,
    },
  };
}

export function printFuzz(r: FuzzResult): void {
  console.log(`## Fuzz: ${r.requests} generated requests in ${r.seconds.toFixed(0)} s (fast-check seed ${r.seed})`);
  console.log('| endpoint | answers by status |');
  console.log('| --- | --- |');
  for (const [e, s] of Object.entries(r.byEndpoint)) console.log(`| ${e} | ${Object.entries(s).map(([k, v]) => `${k}: ${v}`).join(', ')} |`);
  console.log(`5xx or no answer: ${r.serverErrorCount}`);
  for (const e of r.serverErrors) console.log(`  ${e.status} ← ${e.request}\n      ${e.body}`);
  if (r.serverLog.length) console.log(`server log lines meanwhile:\n  ${r.serverLog.join('\n  ')}`);
  console.log(`answers echoing an HTML payload unescaped: ${r.echoedMarkup.length}`);
  for (const e of r.echoedMarkup) console.log(`  ${e}`);
  console.log(`stored reviews breaking a rule: ${r.badRows.reduce((s, x) => s + x.rows, 0)} (${r.badRows.filter((x) => x.rows).map((x) => `${x.rule}: ${x.rows}`).join(', ') || 'none'})`);
  for (const h of r.htmlEscaped) console.log(`stored HTML on ${h.where}: ${h.ok ? 'shown as text' : 'NOT OK'} (${h.note})`);
}

if (isMain(import.meta.url)) {
  void runAlone('fuzz', (s) => fuzzPart(s), (r) => {
    printFuzz(r);
    console.log(JSON.stringify({ fuzz: r.json }, null, 2));
  });
}
