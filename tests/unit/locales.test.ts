/**
 * Indonesian and English must say the same things: same files, same keys, no empty strings, the
 * same {{placeholders}}; and every literal key the code asks for must exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaces } from '@/lib/i18n/settings';

const root = process.cwd();
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function load(locale: string): Map<string, Map<string, string>> {
  const dir = path.join(root, 'locales', locale);
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), flatten(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree)]),
  );
}

const id = load('id');
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('locales', () => {
  it('have the same namespaces in id and en, all registered', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    expect([...id.keys()].sort()).toEqual([...namespaces].sort());
  });

  it('have the same keys, no empty strings and the same placeholders', () => {
    for (const ns of id.keys()) {
      const a = id.get(ns)!;
      const b = en.get(ns)!;
      expect({ ns, onlyInId: [...a.keys()].filter((k) => !b.has(k)) }).toEqual({ ns, onlyInId: [] });
      expect({ ns, onlyInEn: [...b.keys()].filter((k) => !a.has(k)) }).toEqual({ ns, onlyInEn: [] });
      for (const [k, v] of a) {
        expect(v.trim(), `${ns}.${k} is empty in id`).not.toBe('');
        expect(b.get(k)!.trim(), `${ns}.${k} is empty in en`).not.toBe('');
        expect(placeholders(b.get(k)!), `${ns}.${k} placeholders`).toEqual(placeholders(v));
      }
    }
  });

  it('contain every literal key the code uses', () => {
    const missing: string[] = [];
    for (const file of ['app', 'components', 'lib'].flatMap((d) => sourceFiles(path.join(root, d)))) {
      const src = fs.readFileSync(file, 'utf8');
      const fileNs = [...src.matchAll(/(?:getT|useTranslation|getFixedT)\(\s*'(\w+)'/g)].map((m) => m[1]!);
      const candidates = fileNs.length ? fileNs : ['common'];
      for (const m of src.matchAll(/\bt\(\s*'([a-z0-9_.:]+)'/g)) {
        const raw = m[1]!;
        const [ns, key] = raw.includes(':') ? raw.split(':') : [undefined, raw];
        const found = (ns ? [ns] : candidates).some((n) => id.get(n!)?.has(key!));
        if (!found) missing.push(`${path.relative(root, file)}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
