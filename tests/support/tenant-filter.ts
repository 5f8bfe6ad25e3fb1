/**
 * The sharding rule as a check (issue 8, item 7): every query the request path runs on a tenant
 * table (one with a tenant_id column) names the tenant, so that on a database distributed by
 * tenant_id it goes to one shard. RLS alone is not enough: it filters rows after the query has
 * visited every shard.
 *
 * `unscopedTenantTables(sql)` reads one statement as drizzle and our raw SQL write it: for each
 * tenant table it reads (FROM, JOIN, UPDATE, DELETE), is its tenant_id pinned in a WHERE or ON
 * condition — compared with a value (a parameter, a literal, a function such as
 * current_setting(), a subquery), or equated with the tenant_id of a table that is (a co-located
 * join), or with the id of `tenants` pinned the same way? INSERTs name the tenant in their values
 * and are not read. A reader of regular SQL, not a parser: it ignores OR (a pin under an OR
 * counts), and a statement it misreads can be declared below.
 *
 * `exceptions`: the one list of request-path code allowed to break the rule, each with its reason.
 */

export interface Exception {
  /** Matches a statement whose app frames include this file (or `file function`). */
  where: string;
  /** The tenant tables it may read without pinning; all when omitted. */
  tables?: string[];
  reason: string;
}

export const exceptions: Exception[] = [
  {
    where: 'lib/demo/seed.ts',
    reason: 'tooling (npm run db:seed, npm run dev on an empty database), not the request path',
  },
  // An account spans businesses, and memberships are sharded by business: these look a person's
  // businesses up by user. None runs per request except the header's business list; on Citus it
  // is the one cross-shard read of a page (a per-user reference table of businesses would end it:
  // the scale-out issue).
  {
    where: 'lib/accounts/accounts.ts',
    tables: ['memberships'],
    reason:
      "a person's businesses: the first one at sign-in or when the chosen one is gone or suspended (and a suspended one's name, for the message of /no-business), the header's business list, account events audited in each",
  },
  {
    where: 'lib/team/team.ts leaveTeam',
    tables: ['memberships'],
    reason: 'whether the person leaving still belongs to another business (where to send them next)',
  },
  // The testimonial page's routing table (slug → business) has RLS (anyone may read, a business
  // writes only its own row) and a tenant_id, but /t/<slug> reads it by its key before any business
  // is known, like the review links' routing table.
  {
    where: 'lib/reviews/testimonials.ts testimonialRoute',
    tables: ['testimonial_pages'],
    reason: 'the public /t/<slug> lookup: which business a slug belongs to, read by the slug (its primary key) before any business is known',
  },
  {
    where: 'lib/admin/',
    reason:
      "the platform admin console's door (lib/admin/door.ts): the only code that reads across businesses, by design (the list of businesses, owner emails, counts), as jejak_admin with its own read-only policies, every unit of work written to the platform audit log",
  },
  {
    where: 'lib/maintenance/',
    reason:
      'housekeeping across every tenant by design (npm run maintenance); its one tenant-table delete runs inside jejak_prune_form_submissions (migration 0009), out of sight of this check',
  },
];

const keywords = new Set(
  (
    'select from where join inner left right full outer cross lateral on using and or not in is null as with update set delete insert into values ' +
    'returning group by order having limit offset for union intersect except all distinct exists case when then else end only window ' +
    'conflict do nothing asc desc nulls first last true false between like ilike any some array share nowait skip locked no key natural'
  ).split(' '),
);

type State = 'list' | 'from' | 'cond' | 'other';

interface Occurrence {
  table: string;
  qualifier: string;
  block: number;
}

interface KeyRef {
  qualifier: string | null; // null: unqualified
  column: string;
  block: number;
}

/** Lower case, string literals emptied, identifier quotes dropped, comments removed. */
export function normalize(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"([^"]*)"/g, (_, id: string) => id.toLowerCase())
    .toLowerCase();
}

function tokenize(sql: string): string[] {
  return normalize(sql).match(/\$\d+|''|[a-z_][a-z0-9_$]*(?:\.(?:[a-z_][a-z0-9_$]*|\*))*|\d+(?:\.\d+)?|::|<>|!=|<=|>=|->>|->|[=<>(),;*+\-/|.[\]]|\S/g) ?? [];
}

const isIdent = (t: string | undefined): t is string => !!t && /^[a-z_]/.test(t) && !keywords.has(t);

/** Tenant tables read by `sql` whose tenant_id no condition pins (empty: the statement keeps the rule). */
export function unscopedTenantTables(sql: string, tenantTables: ReadonlySet<string>): string[] {
  const tokens = tokenize(sql);
  const frames: { state: State; block: number }[] = [{ state: 'other', block: 0 }];
  const parent = new Map<number, number>([[0, -1]]);
  const blockAt: number[] = [];
  const stateAt: number[] = [];
  const depthAt: number[] = [];
  let blocks = 0;
  const occurrences: Occurrence[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const top = frames[frames.length - 1]!;
    const depthIn = frames.length; // a ')' belongs to the depth it closes
    if (tok === '(') {
      frames.push({ state: top.state, block: top.block });
    } else if (tok === ')') {
      if (frames.length > 1) frames.pop();
    } else if (tok === 'select' || tok === 'update' || tok === 'delete' || tok === 'insert') {
      const block = ++blocks;
      parent.set(block, top.block);
      top.block = block;
      top.state = tok === 'select' || tok === 'insert' ? 'list' : 'from';
    } else if (tok === 'from' || tok === 'join' || tok === 'using') top.state = 'from';
    else if (tok === 'on') top.state = tokens[i + 1] === 'conflict' ? 'list' : 'cond';
    else if (tok === 'where' || tok === 'having') top.state = 'cond';
    else if (tok === 'set' || tok === 'returning' || tok === 'values') top.state = 'list';
    else if (['group', 'order', 'limit', 'offset', 'for', 'window', 'with', 'union', 'intersect', 'except'].includes(tok)) top.state = 'other';
    else if (top.state === 'from' && isIdent(tok) && ['from', 'join', 'update', 'using', ',', 'only'].includes(tokens[i - 1] ?? '')) {
      // A table (not a function call, not a column of `extract(x from t.col)`).
      const name = tok.startsWith('public.') ? tok.slice('public.'.length) : tok;
      if (!name.includes('.') && tokens[i + 1] !== '(') {
        let alias: string | undefined = tokens[i + 1] === 'as' ? tokens[i + 2] : tokens[i + 1];
        if (!isIdent(alias) || alias.includes('.')) alias = undefined;
        occurrences.push({ table: name, qualifier: alias ?? name, block: top.block });
      }
    }
    const now = frames[frames.length - 1]!;
    blockAt[i] = now.block;
    stateAt[i] = tok === '(' || tok === ')' ? -1 : ['list', 'from', 'cond', 'other'].indexOf(now.state);
    depthAt[i] = tok === ')' ? depthIn : frames.length;
  }

  const isTenantsQualifier = (q: string, block: number) => resolve(q, block).some((o) => o.table === 'tenants');
  // Which occurrences a qualifier names, seen from a block: the nearest enclosing block that has it.
  function resolve(q: string, block: number): Occurrence[] {
    for (let b: number | undefined = block; b !== undefined && b >= 0; b = parent.get(b)) {
      const found = occurrences.filter((o) => o.qualifier === q && o.block === b);
      if (found.length) return found;
    }
    return occurrences.filter((o) => o.qualifier === q);
  }
  /** A token that is a tenant key: x.tenant_id, tenant_id, or x.id where x is `tenants`. */
  function keyRef(i: number): KeyRef | null {
    const t = tokens[i];
    if (!t) return null;
    const dot = t.lastIndexOf('.');
    const qualifier = dot === -1 ? null : t.slice(0, dot);
    const column = dot === -1 ? t : t.slice(dot + 1);
    if (column === 'tenant_id') return { qualifier, column, block: blockAt[i]! };
    if (column === 'id' && qualifier && isTenantsQualifier(qualifier, blockAt[i]!)) return { qualifier, column, block: blockAt[i]! };
    return null;
  }
  function targets(ref: KeyRef): Occurrence[] {
    if (ref.qualifier) return resolve(ref.qualifier, ref.block);
    // Unqualified: the tenant tables of its own block (PostgreSQL refuses an ambiguous one).
    for (let b: number | undefined = ref.block; b !== undefined && b >= 0; b = parent.get(b)) {
      const found = occurrences.filter((o) => o.block === b && tenantTables.has(o.table));
      if (found.length) return found;
    }
    return [];
  }
  /** What stands on the other side of a comparison: a key, a value, or something else (a column). */
  function operand(i: number, dir: 1 | -1): { key: KeyRef } | 'value' | null {
    let j = i;
    if (dir === -1 && tokens[j - 1] === '::') j -= 2; // `$1::uuid = …`
    const t = tokens[j];
    if (!t) return null;
    if (t.startsWith('$') || t === "''" || /^\d/.test(t) || t === 'any' || t === '(') return 'value';
    const key = keyRef(j);
    if (key) return { key };
    if (dir === 1 && /^[a-z_]/.test(t) && tokens[j + 1] === '(') return 'value'; // a function: current_setting(…), nullif(…)
    if (dir === -1 && t === ')') return 'value'; // a function or subquery ending here
    return null;
  }

  const pinned = new Set<Occurrence>();
  const edges: [Occurrence[], Occurrence[]][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (stateAt[i] !== 2) continue; // conditions only
    const ref = keyRef(i);
    if (!ref) continue;
    const mine = targets(ref);
    let sides: ({ key: KeyRef } | 'value' | null)[] = [];
    let j = i + 1;
    while (tokens[j] === '::') j += 2; // `tenant_id::text = …`
    if (tokens[j] === '=' || tokens[j] === 'in') sides.push(tokens[j] === 'in' ? 'value' : operand(j + 1, 1));
    if (tokens[i - 1] === '=') sides.push(operand(i - 2, -1));
    if (!sides.length && (tokens[i - 1] === '(' || tokens[i - 1] === ',')) {
      // A row: `(f.tenant_id, f.id) in (select …)`.
      let k = i;
      while (k < tokens.length && !(tokens[k] === ')' && depthAt[k] === depthAt[i])) k++;
      if (tokens[k + 1] === 'in' || tokens[k + 1] === '=') sides = ['value'];
    }
    for (const side of sides) {
      if (side === 'value') mine.forEach((o) => pinned.add(o));
      else if (side) edges.push([mine, targets(side.key)]);
    }
  }
  // Pins travel along key equalities (co-located joins).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges) {
      const aPinned = a.some((o) => pinned.has(o));
      const bPinned = b.some((o) => pinned.has(o));
      for (const o of aPinned ? b : bPinned ? a : []) {
        if (!pinned.has(o)) {
          pinned.add(o);
          changed = true;
        }
      }
    }
  }
  return [...new Set(occurrences.filter((o) => tenantTables.has(o.table) && !pinned.has(o)).map((o) => (o.qualifier === o.table ? o.table : `${o.table} ${o.qualifier}`)))];
}

/** The declared exception that covers a statement from these frames, if any. */
export function exceptionFor(frames: string[], tables: string[]): Exception | undefined {
  return exceptions.find(
    (e) => frames.some((f) => f.startsWith(e.where) || f.replace(/:\d+ /, ' ').startsWith(e.where)) && (!e.tables || tables.every((t) => e.tables!.includes(t.split(' ')[0]!))),
  );
}

/** Whether a statement came from the app (lib/, app/, components/) rather than a test's own look-up. */
export function fromApp(frames: string[]): boolean {
  const first = frames[0];
  return first === undefined || /^(lib|app|components)\//.test(first);
}
