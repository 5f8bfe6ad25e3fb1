/**
 * A small import walker for tests that reason about what a route ships: from one source file it
 * follows static and dynamic imports (`@/…` and relative, not packages, not `import type`) and
 * reads what the reachable files declare. A regex reader, not a compiler: it understands the
 * import shapes this codebase writes, and fails loudly on a `useTranslation` it cannot read.
 */
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

const extensions = ['.tsx', '.ts', '.mts', '.js', '.mjs', '/index.tsx', '/index.ts'];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('./') || spec.startsWith('../')) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  if (/\.(json|css|svg)$/.test(base)) return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of extensions) if (fs.existsSync(base + ext)) return base + ext;
  throw new Error(`${path.relative(root, from)}: cannot resolve import '${spec}'`);
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The files a file imports at run time (type-only imports left out). */
export function importsOf(file: string): string[] {
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  const out: string[] = [];
  for (const m of text.matchAll(importPattern)) {
    if (m[1]) continue; // import type … / export type …
    const spec = m[2] ?? m[3];
    if (!spec) continue;
    const resolved = resolveImport(file, spec);
    if (resolved) out.push(resolved);
  }
  return out;
}

/** Every file reachable from `entry` through run-time imports, `entry` included. */
export function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...importsOf(f));
  }
  return seen;
}

export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The namespaces a file's `useTranslation('ns')` calls name; throws on one it cannot read. */
export function translationNamespaces(file: string): string[] {
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  const out: string[] = [];
  for (const m of text.matchAll(/useTranslation\(([^)]*)\)/g)) {
    const arg = m[1]!.trim();
    const literal = /^['"]([\w-]+)['"]$/.exec(arg);
    if (!literal) {
      throw new Error(`${path.relative(root, file)}: useTranslation(${arg}) — name the namespace as a string literal, so the route checks can read it`);
    }
    out.push(literal[1]!);
  }
  return out;
}
