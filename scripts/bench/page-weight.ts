/**
 * How much JavaScript each page makes the browser fetch (issue 11 item 2: the map page under
 * 180 KB gzip), measured in a real browser against a running production server: headless Debian
 * Chromium (Playwright) signs in, opens each route, waits for the network to settle, and records
 * every script response (the <script> tags and the chunks they load). Per route: the scripts'
 * bytes as sent, gzipped (zlib's default level, as `next start` compresses; computed here, so the
 * figure does not depend on what the browser asked for) and the bytes on the wire; the HTML
 * document too (its inline flight data carries the translations a client tree is sent). Then the
 * biggest chunks with what is in them: the client components the build's client-reference
 * manifests place in each chunk (--dist), and libraries recognised by their signature in the code.
 * Prints a table; asserts nothing.
 *
 *   npx tsx scripts/bench/page-weight.ts [base=http://127.0.0.1:3000] [route …]
 *       [--email=pemilik@bengkel.test] [--password=jejak-demo-2026] [--dist=.next]
 *       [--map=<journey id>] [--top=12] [--json] [--dom]
 *
 * Default routes: /journeys/<the largest map> (the journey scripts/bench/largest-map.ts makes, found
 * on /journeys by its name; else --map; else the first journey listed), /dashboard,
 * /dashboard/stages, /personas, /reviews, /r/demo-bengkel. `--dom` also counts the DOM nodes of
 * each page once loaded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from '@playwright/test';

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => argv.includes(`--${name}`);
const positional = argv.filter((a) => !a.startsWith('--'));
const base = (positional[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const email = option('email') ?? 'pemilik@bengkel.test';
const password = option('password') ?? 'jejak-demo-2026';
const distDir = option('dist') ?? process.env.NEXT_DIST_DIR ?? '.next';
const top = Number(option('top') ?? 12);
const LARGEST_MAP_NAME = 'Peta terbesar (uji beban)';

const chromePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromePath) {
  console.error('page-weight: no Chromium found (set CHROMIUM_PATH, or run node scripts/ensure-chromium.mjs)');
  process.exit(2);
}

/** Libraries as they can be told apart in minified chunks (checked against this app's builds). */
const signatures: [label: string, test: RegExp][] = [
  ['zod', /\$ZodType|ZodError/],
  ['recharts', /recharts-wrapper|recharts-surface/],
  ['redux+immer (recharts state)', /immer|\breselect\b|@@redux/],
  ['decimal.js-light (recharts)', /DecimalError|decimal\.js/],
  ['react-dom', /__reactContainer|react-dom/],
  ['react', /react\.transitional\.element|react\.element/],
  ['next router', /NEXT_REDIRECT|__next_f|next-router/],
  ['react-i18next', /You will need to pass in an i18next instance/],
  ['i18next', /pluralSeparator/],
  ['next-auth/react', /nextauth\.message|__NEXTAUTH/],
  ['qrcode', /qrcode|QR Code/i],
  ['csv', /csv-stringify|text\/csv/],
];

/**
 * The translation namespaces a page's HTML carries (the flight data of each <ClientTranslations>:
 * `"ns":{"firstKey"…`, JSON-escaped inside the payload's strings), with their raw JSON bytes.
 */
function namespacesIn(html: string): { names: string[]; bytes: number } {
  const locale = /<html[^>]*\slang="([a-z]+)"/.exec(html)?.[1] ?? 'id';
  const dir = path.join(process.cwd(), 'locales', locale);
  const names: string[] = [];
  let bytes = 0;
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
    const ns = file.slice(0, -'.json'.length);
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    const first = Object.keys(json)[0];
    if (!first || !html.includes(`\\"${ns}\\":{\\"${first}\\"`)) continue;
    names.push(ns);
    bytes += JSON.stringify(json).length;
  }
  return { names, bytes };
}

interface Script {
  url: string;
  bytes: number;
  gzip: number;
  wire: number;
  contains: string[];
  modules: string[];
}

interface RouteWeight {
  route: string;
  status: number;
  html: { bytes: number; gzip: number };
  translations: { names: string[]; bytes: number };
  scripts: Script[];
  js: { bytes: number; gzip: number; wire: number };
  dom?: number;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;

/**
 * Client components per chunk URL, from every client-reference manifest of the build (if it is
 * there): a manifest lists each client module's id and the chunks it needs; the one chunk among
 * them that defines the module (Turbopack writes `,<id>,e=>{…}` there) is where its code is.
 */
function modulesByChunk(dir: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const serverApp = path.join(dir, 'server', 'app');
  if (!existsSync(serverApp)) return out;
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const f = path.join(d, name);
      return statSync(f).isDirectory() ? walk(f) : name.endsWith('_client-reference-manifest.js') ? [f] : [];
    });
  const chunkText = new Map<string, string>();
  const textOf = (url: string) => {
    if (!chunkText.has(url)) {
      const file = path.join(dir, url.replace(/^\/_next\//, ''));
      chunkText.set(url, existsSync(file) ? readFileSync(file, 'utf8') : '');
    }
    return chunkText.get(url)!;
  };
  const done = new Set<string>();
  for (const file of walk(serverApp)) {
    const text = readFileSync(file, 'utf8');
    let manifest: { clientModules?: Record<string, { id?: number | string; chunks?: string[] }> };
    try {
      manifest = JSON.parse(text.slice(text.indexOf('= {') + 2).replace(/;\s*$/, '')) as typeof manifest;
    } catch {
      continue;
    }
    for (const [mod, entry] of Object.entries(manifest.clientModules ?? {})) {
      const name = shortModule(mod);
      if (!name || done.has(mod) || entry.id === undefined) continue;
      done.add(mod);
      const defines = new RegExp(`[\\[,]${entry.id},(?:\\(|[\\w$]+=>|function)`);
      for (const url of entry.chunks ?? []) {
        if (!defines.test(textOf(url))) continue;
        const set = out.get(url) ?? new Set<string>();
        set.add(name);
        out.set(url, set);
      }
    }
  }
  return out;
}

/** "[project]/components/x/Y.tsx <module evaluation>" → "components/x/Y.tsx"; a package → its name. */
function shortModule(mod: string): string | null {
  const p = mod.replace(/^\[project\]\//, '').replace(/\s*<.*>$/, '').replace(/\s*\[.*\]$/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (nm) return nm[1] === 'next' ? null : nm[1]!;
  return p;
}

async function signIn(request: import('@playwright/test').APIRequestContext) {
  const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: `${base}/dashboard`, json: 'true' },
    headers: { origin: base },
    maxRedirects: 0,
  });
  if (res.status() >= 400) throw new Error(`sign-in answered ${res.status()}`);
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const contextOptions = { viewport: { width: 390, height: 844 }, locale: 'id-ID', serviceWorkers: 'block' } as const;
  const context = await browser.newContext(contextOptions);
  try {
    await signIn(context.request);
    const signedIn = await context.storageState();
    let routes = positional.slice(1);
    if (!routes.length) {
      let mapId = option('map');
      if (!mapId) {
        const page = await context.newPage();
        const res = await page.goto(`${base}/journeys`, { waitUntil: 'domcontentloaded' });
        if (!res || res.status() >= 400 || new URL(page.url()).pathname !== '/journeys') throw new Error(`/journeys answered ${res?.status()} at ${page.url()}: is ${email} able to sign in?`);
        const largest = page.locator('a[href^="/journeys/"]', { hasText: LARGEST_MAP_NAME }).first();
        const href = (await largest.count()) ? await largest.getAttribute('href') : await page.locator('a[href^="/journeys/"]:not([href$="/new"]):not([href$="/import"])').first().getAttribute('href');
        mapId = href?.split('/')[2];
        if (!(await largest.count())) console.error(`page-weight: no journey named "${LARGEST_MAP_NAME}" (scripts/bench/largest-map.ts makes it); measuring ${href}`);
        await page.close();
      }
      routes = [`/journeys/${mapId}`, '/dashboard', '/dashboard/stages', '/personas', '/reviews', '/r/demo-bengkel'];
    }

    const manifests = modulesByChunk(distDir);
    const results: RouteWeight[] = [];
    const chunkSeen = new Map<string, Script & { routes: string[] }>();
    for (const route of routes) {
      // Each route as a first visit (an empty cache), signed in.
      const routeContext = await browser.newContext({ ...contextOptions, storageState: signedIn });
      const page = await routeContext.newPage();
      const pending: Promise<Script | null>[] = [];
      page.on('response', (response: Response) => {
        const req = response.request();
        if (req.resourceType() !== 'script' || !response.ok()) return;
        pending.push(
          (async () => {
            const body = await response.body().catch(() => null);
            if (!body) return null;
            const sizes = await req.sizes().catch(() => null);
            const text = body.toString('utf8');
            const url = new URL(response.url()).pathname;
            return {
              url,
              bytes: body.length,
              gzip: gzipSync(body).length,
              wire: sizes?.responseBodySize ?? body.length,
              contains: signatures.filter(([, re]) => re.test(text)).map(([label]) => label),
              modules: [...(manifests.get(url) ?? [])].sort(),
            };
          })(),
        );
      });
      const res = await page.goto(base + route, { waitUntil: 'networkidle', timeout: 120_000 });
      await page.waitForTimeout(500);
      const html = res ? await res.body() : Buffer.alloc(0);
      const scripts = (await Promise.all(pending)).filter((s): s is Script => !!s);
      const unique = [...new Map(scripts.map((s) => [s.url, s])).values()];
      const dom = flag('dom') ? await page.evaluate(() => document.getElementsByTagName('*').length) : undefined;
      const sum = (k: 'bytes' | 'gzip' | 'wire') => unique.reduce((n, s) => n + s[k], 0);
      results.push({ route, status: res?.status() ?? 0, html: { bytes: html.length, gzip: gzipSync(html).length }, translations: namespacesIn(html.toString('utf8')), scripts: unique, js: { bytes: sum('bytes'), gzip: sum('gzip'), wire: sum('wire') }, dom });
      for (const s of unique) {
        const seen = chunkSeen.get(s.url) ?? { ...s, routes: [] };
        seen.routes.push(route);
        chunkSeen.set(s.url, seen);
      }
      await routeContext.close();
    }

    if (flag('json')) {
      console.log(JSON.stringify({ base, routes: results }, null, 2));
      return;
    }
    console.log(`JavaScript per page (KB; gzip = zlib default level of each script as sent), ${base}, signed in as ${email}`);
    console.log(['route', 'status', 'scripts', 'JS raw', 'JS gzip', 'JS wire', 'HTML gzip', ...(flag('dom') ? ['DOM nodes'] : [])].join('\t'));
    for (const r of results) {
      console.log([r.route, r.status, r.scripts.length, kb(r.js.bytes), kb(r.js.gzip), kb(r.js.wire), kb(r.html.gzip), ...(r.dom !== undefined ? [r.dom] : [])].join('\t'));
    }
    console.log('\nTranslation namespaces in each page (sent to its client components, in the HTML):');
    for (const r of results) console.log(`${r.route}\t${r.translations.names.join(', ') || '—'}\t(${kb(r.translations.bytes)} KB of JSON)`);
    console.log(`\nBiggest chunks (gzip KB), where they load and what they hold (client components from ${existsSync(distDir) ? distDir : 'no build folder: --dist'}):`);
    const biggest = [...chunkSeen.values()].sort((a, b) => b.gzip - a.gzip).slice(0, top);
    for (const c of biggest) {
      const where = c.routes.length === results.length ? 'every page' : c.routes.join(' ');
      const mods = c.modules.length > 6 ? [...c.modules.slice(0, 6), `… ${c.modules.length - 6} more`] : c.modules;
      console.log(`${kb(c.gzip).padStart(6)}  ${path.basename(c.url)}  [${where}]`);
      if (c.contains.length) console.log(`        libraries: ${c.contains.join(', ')}`);
      if (mods.length) console.log(`        components: ${mods.join(', ')}`);
    }
  } finally {
    await context.close();
    await browser.close();
  }
}

await main();
