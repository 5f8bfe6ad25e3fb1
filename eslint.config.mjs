import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * Layers (docs/architecture.md): app → components → lib → db, and lib/shared, the leaf every
 * layer may import. Two local rules keep the arrows pointing one way:
 *
 * - local/layers: what each folder may import.
 *     lib/shared   only lib/shared and zod.
 *     db/          only db/, lib/shared and lib/core/env (its connection settings), plus packages.
 *     lib/         not app/ or components/.
 *     components/  not app/; not db/ except `import type` from db/schema (row types are erased
 *                  at build, so no database code can follow them into a bundle; values, such as
 *                  the enums, come from lib/shared).
 *     app/         not db/ except `import type` from db/schema: pages and actions reach the
 *                  database through lib (lib/core/tenancy is the one door).
 * - local/no-server-in-client: a 'use client' file imports nothing that reaches the database or
 *   server-only code, followed through every import (type-only imports aside, and stopping at
 *   'use server' modules, which the client only calls). A module "reaches the server" if it
 *   imports 'server-only', db/, drizzle-orm, postgres or PGlite. The build would fail on a
 *   'server-only' module; this rule says so at lint time, and also for modules that cannot be
 *   marked because Node scripts import them (lib/core/tenancy, lib/accounts, lib/demo/seed).
 *
 * tests/unit/lint-boundaries.test.ts proves each rule fails on a deliberate wrong import.
 */

const root = path.dirname(fileURLToPath(import.meta.url));
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function layerOf(relPath) {
  if (relPath.startsWith('lib/shared/')) return 'shared';
  for (const layer of ['app', 'components', 'lib', 'db']) if (relPath.startsWith(`${layer}/`)) return layer;
  return null;
}

const isFile = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

const extensions = ['', '.ts', '.tsx', '.js', '.mjs', '.json', '/index.ts', '/index.tsx', '/index.js'];

/** A project specifier ('@/…' or relative) as an absolute path (the file if found), or null for a package. */
function resolveLocal(spec, fromFile) {
  let base;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const ext of extensions) if (isFile(base + ext)) return base + ext;
  return base;
}

const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Whether an import/export node brings in types only (erased at build). */
function isTypeOnly(node) {
  if (node.type === 'ImportExpression') return false;
  const kind = node.type === 'ImportDeclaration' ? node.importKind : node.exportKind;
  if (kind === 'type') return true;
  const specs = node.specifiers ?? [];
  const specKind = (s) => (node.type === 'ImportDeclaration' ? s.importKind : s.exportKind);
  return specs.length > 0 && specs.every((s) => s.type !== 'ImportDefaultSpecifier' && s.type !== 'ImportNamespaceSpecifier' && specKind(s) === 'type');
}

/** Calls `check(node, specifier)` for every import, re-export and dynamic import with a literal source. */
function onImports(check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
  };
  return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
}

const isSchema = (relPath) => relPath === 'db/schema' || relPath.startsWith('db/schema/') || relPath.startsWith('db/schema.');

/** Why an import from a file of `layer` is a wrong arrow, or null. */
function wrongArrow(layer, spec, target, typeOnly) {
  const to = target ? rel(target) : null;
  const toLayer = to ? layerOf(to) : null;
  switch (layer) {
    case 'shared':
      if (to ? toLayer === 'shared' : packageOf(spec) === 'zod') return null;
      return 'lib/shared is the leaf: it imports only lib/shared and zod.';
    case 'db':
      if (!to || toLayer === 'db' || toLayer === 'shared' || to.startsWith('lib/core/env.')) return null;
      return 'db/ imports only lib/shared (and lib/core/env): move what the schema and the app both need to lib/shared.';
    case 'lib':
      if (toLayer === 'app' || toLayer === 'components') return `lib/ may not import ${toLayer}/: the arrow runs app → components → lib.`;
      return null;
    case 'components':
      if (toLayer === 'app') return 'components/ may not import app/: pass what it needs as props.';
      if (toLayer === 'db' && !(typeOnly && isSchema(to)))
        return 'components/ may not import db/ (only `import type` from db/schema): enums and shared types are in lib/shared, data comes through lib.';
      return null;
    case 'app':
      if (toLayer === 'db' && !(typeOnly && isSchema(to)))
        return 'app/ reaches the database through lib (lib/core/tenancy is the one door); enums and shared types are in lib/shared. Only `import type` from db/schema.';
      return null;
    default:
      return null;
  }
}

const layersRule = {
  meta: { type: 'problem', messages: { wrong: "'{{spec}}': {{why}}" }, schema: [] },
  create(context) {
    const file = context.filename;
    const layer = layerOf(rel(file));
    if (!layer) return {};
    return onImports((node, spec) => {
      const why = wrongArrow(layer, spec, resolveLocal(spec, file), isTypeOnly(node));
      if (why) context.report({ node: node.source, messageId: 'wrong', data: { spec, why } });
    });
  },
};

// What a module of the dependency graph imports, read from its text (not the linted file: that one has an AST).
const directivePattern = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(['"])use (client|server)\1/;
const fromPattern = /^[ \t]*(?:import|export)\s+(type\s+)?([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const barePattern = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const dynamicPattern = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const serverPackages = new Set(['server-only', 'drizzle-orm', 'postgres', '@electric-sql/pglite']);
const codeFile = /\.(ts|tsx|js|mjs)$/;

function readModule(file) {
  const text = fs.readFileSync(file, 'utf8');
  const imports = [];
  for (const m of text.matchAll(fromPattern)) {
    const clause = m[2].trim();
    const inlineTypes = /^\{[\s\S]*\}$/.test(clause) && clause.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    if (!m[1] && !(inlineTypes && clause !== '{}')) imports.push(m[3]);
  }
  for (const m of text.matchAll(barePattern)) imports.push(m[1]);
  for (const m of text.matchAll(dynamicPattern)) imports.push(m[1]);
  return { directive: directivePattern.exec(text)?.[2] ?? null, imports };
}

/** Whether a specifier is server code in itself: a server package, or a path into db/. */
function serverSpecifier(spec, target) {
  if (target) return layerOf(rel(target)) === 'db';
  return serverPackages.has(packageOf(spec));
}

// file → { mtime, chain } (chain null: the module stays out of the server). Kept for one lint run; an
// editor's long-lived ESLint may miss a change two imports away until it restarts.
const reachCache = new Map();

/**
 * The import chain by which `file` reaches server code (e.g. ['lib/journeys/queries.ts', '@/db/schema']),
 * or null. `complete` is false when a cycle cut the search short (then a "no" is not cached).
 */
function reachesServer(file, inProgress = new Set()) {
  const mtime = fs.statSync(file).mtimeMs;
  const cached = reachCache.get(file);
  if (cached && cached.mtime === mtime) return { chain: cached.chain, complete: true };
  if (inProgress.has(file)) return { chain: null, complete: false };
  inProgress.add(file);
  const { directive, imports } = readModule(file);
  let result = { chain: null, complete: true };
  // A 'use server' module reaches the client as references to its actions, never as code.
  if (directive !== 'server') {
    for (const spec of imports) {
      const target = resolveLocal(spec, file);
      if (serverSpecifier(spec, target)) {
        result = { chain: [rel(file), spec], complete: true };
        break;
      }
      if (!target || !isFile(target) || !codeFile.test(target)) continue;
      const sub = reachesServer(target, inProgress);
      if (sub.chain) {
        result = { chain: [rel(file), ...sub.chain], complete: true };
        break;
      }
      if (!sub.complete) result.complete = false;
    }
  }
  inProgress.delete(file);
  if (result.chain || result.complete) reachCache.set(file, { mtime, chain: result.chain });
  return result;
}

const noServerInClientRule = {
  meta: {
    type: 'problem',
    messages: {
      server:
        "A client component may not import '{{spec}}': it reaches the database or server-only code ({{chain}}). Pass the data down as props, or call a server action.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    let isClient = false;
    const check = (node) => {
      const spec = node.source.value;
      if (!isClient || typeof spec !== 'string' || isTypeOnly(node)) return;
      const target = resolveLocal(spec, file);
      let chain = null;
      if (serverSpecifier(spec, target)) chain = [spec];
      else if (target && isFile(target) && codeFile.test(target)) chain = reachesServer(target).chain;
      if (chain) context.report({ node: node.source, messageId: 'server', data: { spec, chain: chain.join(' → ') } });
    };
    const visit = (node) => node.source && check(node);
    return {
      Program(program) {
        isClient = program.body.some((s) => s.type === 'ExpressionStatement' && s.directive === 'use client');
      },
      ImportDeclaration: visit,
      ExportNamedDeclaration: visit,
      ExportAllDeclaration: visit,
      ImportExpression: visit,
    };
  },
};

const local = { rules: { layers: layersRule, 'no-server-in-client': noServerInClientRule } };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.builds/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // process.env is read in one module only (lib/core/env.ts); scripts and configs are tooling.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read env through lib/core/env.ts.' }],
    },
  },
  {
    files: ['lib/core/env.ts', 'scripts/**', '*.config.*', 'e2e/**', 'tests/**', 'lib/demo/seed.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['app/**', 'components/**', 'lib/**', 'db/**'],
    plugins: { local },
    rules: { 'local/layers': 'error', 'local/no-server-in-client': 'error' },
  },
];

export default config;
