/**
 * What the browser loads (issue 8, item 9): each client tree gets only the translation namespaces
 * its client components use. A layout (or page) sends them with `<ClientTranslations
 * namespaces={[…]}>`, on top of what the layouts above it sent. This test walks every route file's
 * imports and fails when a `useTranslation('ns')` under it names a namespace no provider on its
 * path sends (the browser would show raw keys), and when a provider sends a namespace that an
 * outer provider already sent or that nothing under it uses (bytes for nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaces } from '@/lib/i18n/settings';
import { reachable, root, stripComments, translationNamespaces } from '../support/module-graph';

const appDir = path.join(root, 'app');
const routeFile = /^(page|layout|error|not-found|loading|template|default|global-error)\.tsx$/;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const routeFiles = walk(appDir).filter((f) => routeFile.test(path.basename(f)));
const rel = (f: string) => path.relative(root, f);

/** The namespaces a file's `<ClientTranslations namespaces={[…]}>` send (none if it has none). */
function sentBy(file: string): string[] {
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  const uses = text.match(/<ClientTranslations\b/g)?.length ?? 0;
  const lists = [...text.matchAll(/<ClientTranslations\s+namespaces=\{\[([^\]]*)\]\}/g)].map((m) =>
    [...m[1]!.matchAll(/['"]([\w-]+)['"]/g)].map((x) => x[1]!),
  );
  if (lists.length !== uses) throw new Error(`${rel(file)}: write <ClientTranslations namespaces={['…']}> with a literal list, so this test can read it`);
  return lists.flat();
}

/** The layouts around a route file, outermost first (a layout is inside its own provider). */
function layoutsAround(file: string): string[] {
  if (path.basename(file) === 'global-error.tsx') return []; // replaces the root layout
  const dirs: string[] = [];
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    dirs.unshift(d);
    if (d === appDir) break;
  }
  return dirs.map((d) => path.join(d, 'layout.tsx')).filter((l) => fs.existsSync(l));
}

/** Namespaces the client components reachable from a file use, with one file naming each. */
function needs(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of reachable(file)) for (const ns of translationNamespaces(f)) if (!out.has(ns)) out.set(ns, rel(f));
  return out;
}

describe('translations sent to the browser', () => {
  it('finds the route files and their client components', () => {
    expect(routeFiles.map(rel)).toContain('app/layout.tsx');
    expect(needs(path.join(appDir, 'error.tsx')).get('errors')).toBe('app/error.tsx');
  });

  it('every namespace a client component uses is sent on every route that renders it', () => {
    const missing: string[] = [];
    for (const file of routeFiles) {
      const sent = new Set([...layoutsAround(file), ...(path.basename(file) === 'layout.tsx' ? [] : [file])].flatMap(sentBy));
      for (const [ns, user] of needs(file)) {
        if (!sent.has(ns)) missing.push(`${rel(file)}: '${ns}' (used by ${user}) is sent by no <ClientTranslations> around it`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no provider sends a namespace already sent above it, or one that nothing under it uses', () => {
    const waste: string[] = [];
    for (const file of routeFiles) {
      const own = sentBy(file);
      if (!own.length) continue;
      const outer = new Set(layoutsAround(file).filter((l) => l !== file).flatMap(sentBy));
      const dir = path.dirname(file);
      const under = path.basename(file) === 'layout.tsx' ? routeFiles.filter((f) => f.startsWith(dir + path.sep)) : [file];
      const used = new Set(under.flatMap((f) => [...needs(f).keys()]));
      for (const ns of own) {
        if (!(namespaces as readonly string[]).includes(ns)) waste.push(`${rel(file)}: '${ns}' is no namespace`);
        else if (outer.has(ns)) waste.push(`${rel(file)}: '${ns}' is already sent by a layout above`);
        else if (!used.has(ns)) waste.push(`${rel(file)}: '${ns}' is used by no client component under it`);
      }
    }
    expect(waste).toEqual([]);
  });

  it('the public pages get almost nothing', () => {
    const sentTo = (page: string) => new Set(layoutsAround(path.join(root, page)).flatMap(sentBy));
    expect([...sentTo('app/share/[tenantId]/[token]/page.tsx')]).toEqual(['errors']);
    expect([...sentTo('app/page.tsx')]).toEqual(['errors']);
  });
});
