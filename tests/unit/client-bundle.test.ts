/**
 * What client bundles may contain (issue 11 item 2: the map page under 180 KB of JavaScript).
 * From every client module (a file that starts with 'use client'), this walks the run-time
 * imports the bundler follows (`import type` left out; a 'use server' file is a reference, not
 * bundled) and fails when the browser would get:
 * - zod: validation runs on the server; client code imports plain limits from zod-free modules
 *   (lib/journeys/limits.ts, lib/reviews/limits.ts, lib/images/limits.ts, lib/shared/*);
 * - recharts, anywhere but the dashboards' own chart components (the map draws its curve in SVG);
 * - a Node built-in or the global `Buffer`, which the bundler answers with a polyfill (the
 *   `buffer` package: 11 KB gzip on the map page before this test).
 * `npx tsx scripts/bench/page-weight.ts` measures what the browser then fetches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, stripComments } from '../support/module-graph';

/** The only files that may import recharts: the dashboards' charts (the business's and the platform admin's). */
const chartFiles = new Set(['components/dashboard/TrendSection.tsx', 'components/dashboard/stages/EmotionCompareChart.tsx', 'components/admin/OverviewCharts.tsx']);

const extensions = ['.tsx', '.ts', '.mts', '.js', '.mjs', '/index.tsx', '/index.ts'];
const rel = (f: string) => path.relative(root, f);

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(tsx?|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

const directive = (text: string, name: string) => new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*['"]${name}['"]`).test(text);

type Import = { kind: 'file'; file: string } | { kind: 'package'; name: string };

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function resolve(from: string, spec: string): Import | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('./') || spec.startsWith('../')) base = path.resolve(path.dirname(from), spec);
  else return { kind: 'package', name: spec };
  if (/\.(json|css|svg)$/.test(base)) return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return { kind: 'file', file: base };
  for (const ext of extensions) if (fs.existsSync(base + ext)) return { kind: 'file', file: base + ext };
  throw new Error(`${rel(from)}: cannot resolve import '${spec}'`);
}

interface Reach {
  /** Each reachable file, with the file that imports it (the entry: null). */
  parents: Map<string, string | null>;
  /** Each package imported, with the first file importing it. */
  packages: Map<string, string>;
  /** Files that use Node's global Buffer. */
  bufferUsers: string[];
}

/** What the browser bundle of one client module holds, as far as imports say. */
function clientReach(entry: string): Reach {
  const parents = new Map<string, string | null>([[entry, null]]);
  const packages = new Map<string, string>();
  const bufferUsers: string[] = [];
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    const raw = fs.readFileSync(file, 'utf8');
    if (file !== entry && directive(raw, 'use server')) continue; // server actions: a reference only
    const text = stripComments(raw);
    if (/(?<![\w.$])Buffer\s*[.(]/.test(text)) bufferUsers.push(file);
    for (const m of text.matchAll(importPattern)) {
      if (m[1]) continue; // import type … / export type …
      const target = resolve(file, (m[2] ?? m[3])!);
      if (!target) continue;
      if (target.kind === 'package') {
        if (!packages.has(target.name)) packages.set(target.name, file);
      } else if (!parents.has(target.file)) {
        parents.set(target.file, file);
        todo.push(target.file);
      }
    }
  }
  return { parents, packages, bufferUsers };
}

/** "a.tsx → b.ts → c.ts": how the entry reaches a file. */
function chain(reach: Reach, file: string): string {
  const out: string[] = [];
  for (let f: string | null | undefined = file; f; f = reach.parents.get(f)) out.unshift(rel(f));
  return out.join(' → ');
}

const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const nodeBuiltins = new Set(['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib']);

/** Everything one client module's bundle must not hold, each with how it gets there. */
function problems(entry: string): string[] {
  const reach = clientReach(entry);
  const out: string[] = [];
  const isChart = (f: string) => chartFiles.has(rel(f));
  for (const file of reach.parents.keys()) {
    const text = stripComments(fs.readFileSync(file, 'utf8'));
    for (const m of text.matchAll(importPattern)) {
      if (m[1]) continue;
      const spec = (m[2] ?? m[3])!;
      if (spec.startsWith('@/') || spec.startsWith('.')) continue;
      const name = packageName(spec);
      if (name === 'zod') out.push(`zod: ${chain(reach, file)}`);
      else if (name === 'recharts' && !isChart(file)) out.push(`recharts outside the dashboards' charts: ${chain(reach, file)}`);
      else if (spec.startsWith('node:') || nodeBuiltins.has(name)) out.push(`Node built-in '${spec}': ${chain(reach, file)}`);
    }
  }
  // The map and every other page that is not a dashboard: no chart library at all.
  if (!rel(entry).startsWith('components/dashboard/') && !isChart(entry) && reach.packages.has('recharts')) {
    const via = reach.packages.get('recharts')!;
    if (isChart(via)) out.push(`recharts (through a dashboard chart) outside the dashboards: ${chain(reach, via)}`);
  }
  for (const file of reach.bufferUsers) out.push(`global Buffer (a polyfill in the browser): ${chain(reach, file)}`);
  return out;
}

const sourceFiles = ['app', 'components', 'lib'].flatMap((d) => walk(path.join(root, d)));
const clientEntries = sourceFiles.filter((f) => directive(fs.readFileSync(f, 'utf8'), 'use client'));

describe('client bundles', () => {
  it('finds the client modules, and sees zod, recharts and Buffer where they are', () => {
    expect(clientEntries.map(rel)).toContain('components/i18n/I18nProvider.tsx');
    expect(clientEntries.length).toBeGreaterThan(40);
    // The walker itself: these server-side modules do reach what the rules look for.
    expect(problems(path.join(root, 'lib/journeys/model.ts')).some((p) => p.startsWith('zod: lib/journeys/model.ts'))).toBe(true);
    expect(problems(path.join(root, 'lib/images/images.ts')).some((p) => p.startsWith('global Buffer'))).toBe(true);
    expect(clientReach(path.join(root, 'components/dashboard/TrendSection.tsx')).packages.has('recharts')).toBe(true);
    // A mixed import (`import { A, type B }`) is a run-time import; `import type` is not.
    expect(clientReach(path.join(root, 'lib/journeys/exchange.ts')).parents.has(path.join(root, 'lib/journeys/model.ts'))).toBe(true);
  });

  it('no client module brings zod, recharts (outside the dashboards\' charts), a Node built-in or Buffer into the browser', () => {
    const found = [...new Set(clientEntries.flatMap(problems))].sort();
    expect(found).toEqual([]);
  });

  it('the map page\'s client components are among those checked', () => {
    const page = path.join(root, 'app/(app)/journeys/[id]/page.tsx');
    const reached = [...clientReach(page).parents.keys()].filter((f) => clientEntries.includes(f)).map(rel);
    expect(reached.some((f) => f.startsWith('components/journeys/map/'))).toBe(true);
  });

  it('the signed-in header (on every page of the app) signs out and switches business without next-auth\'s client library', () => {
    // lib/auth/browser.ts makes the same two requests; next-auth/react was about 7 KB gzip on every page.
    const layout = path.join(root, 'app/(app)/layout.tsx');
    const headerClients = [...clientReach(layout).parents.keys()].filter((f) => clientEntries.includes(f));
    expect(headerClients.map(rel)).toEqual(expect.arrayContaining(['components/auth/SignOutButton.tsx', 'components/layout/BusinessSwitcher.tsx']));
    const withNextAuth = headerClients.filter((f) => [...clientReach(f).packages.keys()].some((p) => p.startsWith('next-auth'))).map(rel);
    expect(withNextAuth).toEqual([]);
  });
});
