/**
 * The layers fail the lint on a wrong arrow (eslint.config.mjs: local/layers and
 * local/no-server-in-client; docs/architecture.md). Each probe below is linted as if it were a
 * file at `filePath`, with the project's real config and real modules to import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
let fixtures: string;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
  // A small module graph outside the project, for the rule that follows imports.
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-lint-'));
  fs.writeFileSync(path.join(fixtures, 'innocent.ts'), "import { reach } from './middle';\nexport const innocent = reach;\n");
  fs.writeFileSync(path.join(fixtures, 'middle.ts'), "import { getConnection } from '@/db/client';\nexport const reach = getConnection;\n");
  fs.writeFileSync(path.join(fixtures, 'actions.ts'), "'use server';\nimport { getConnection } from '@/db/client';\nexport async function act() {\n  await getConnection();\n}\n");
});

afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

/** The boundary errors ESLint reports for `code` at `filePath`, as "rule: message". */
async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!;
}
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const result = await lint(filePath, code);
  return result.messages.filter((m) => m.ruleId?.startsWith('local/')).map((m) => `${m.ruleId}: ${m.message}`);
}
const fixture = (from: string, name: string) => path.relative(path.dirname(path.resolve(from)), path.join(fixtures, name)).split(path.sep).join('/');

describe('wrong arrows fail the lint', () => {
  it('a client component importing a module that touches the database (lib/journeys/queries)', async () => {
    const errors = await boundaryErrors(
      'components/journeys/Probe.tsx',
      "'use client';\nimport * as queries from '@/lib/journeys/queries';\n\nexport function Probe() {\n  return <p>{Object.keys(queries).length}</p>;\n}\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^local\/no-server-in-client: .*'@\/lib\/journeys\/queries'.*lib\/journeys\/queries\.ts → /);
  });

  it('a client component importing a server-only module', async () => {
    const errors = await boundaryErrors('components/ui/Probe.tsx', "'use client';\nimport { clientIp } from '@/lib/core/request';\n\nexport const probe = clientIp;\n");
    expect(errors.join('\n')).toMatch(/local\/no-server-in-client: .*'@\/lib\/core\/request'/);
  });

  it('a client component reaching the database two imports away', async () => {
    const file = 'components/ui/Probe.tsx';
    const errors = await boundaryErrors(file, `'use client';\nimport { innocent } from '${fixture(file, 'innocent')}';\n\nexport const probe = innocent;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/innocent\.ts → .*middle\.ts → @\/db\/client/);
  });

  it('db/ importing lib/ beyond lib/shared (lib/journeys/model), by alias, by path, even for a type', async () => {
    for (const spec of ['@/lib/journeys/model', '../../lib/journeys/model']) {
      const errors = await boundaryErrors('db/schema/probe.ts', `import { LIMITS } from '${spec}';\n\nexport const probe = LIMITS;\n`);
      expect(errors, spec).toEqual([expect.stringMatching(/^local\/layers: .*db\/ imports only lib\/shared/)]);
    }
    const typeOnly = await boundaryErrors('db/schema/probe.ts', "import type { Lanes } from '@/lib/journeys/model';\n\nexport type Probe = Lanes;\n");
    expect(typeOnly).toHaveLength(1);
  });

  it('lib/ importing components/ or app/', async () => {
    const errors = await boundaryErrors(
      'lib/journeys/probe.ts',
      "import { PersonaAvatar } from '@/components/personas/PersonaAvatar';\nimport { signUpAction } from '@/app/(auth)/sign-up/actions';\n\nexport const probe = [PersonaAvatar, signUpAction];\n",
    );
    expect(errors).toEqual([expect.stringMatching(/lib\/ may not import components\//), expect.stringMatching(/lib\/ may not import app\//)]);
  });

  it('components/ importing app/, or a value from db/', async () => {
    const errors = await boundaryErrors(
      'components/team/Probe.tsx',
      "import { memberRole } from '@/db/schema';\nimport { signUpAction } from '@/app/(auth)/sign-up/actions';\n\nexport const probe = [memberRole, signUpAction];\n",
    );
    expect(errors).toEqual([expect.stringMatching(/components\/ may not import db\//), expect.stringMatching(/components\/ may not import app\//)]);
  });

  it('app/ importing a value from db/ (the database is reached through lib)', async () => {
    const errors = await boundaryErrors('app/(app)/probe/page.tsx', "import { getConnection } from '@/db/client';\n\nexport const probe = getConnection;\n");
    expect(errors).toEqual([expect.stringMatching(/^local\/layers: .*one door/)]);
  });

  it('lib/shared importing anything but lib/shared and zod', async () => {
    const errors = await boundaryErrors('lib/shared/probe.ts', "import { intlLocale } from '../i18n/settings';\n\nexport const probe = intlLocale;\n");
    expect(errors).toEqual([expect.stringMatching(/lib\/shared is the leaf/)]);
  });
});

describe('right arrows pass', () => {
  it('a client component importing the leaf, pure lib modules, types and server actions', async () => {
    const file = 'components/journeys/Probe.tsx';
    const result = await lint(
      file,
      [
        "'use client';",
        "import type * as queries from '@/lib/journeys/queries';",
        "import { LIMITS } from '@/lib/journeys/model';",
        "import { journeyStatuses } from '@/lib/shared';",
        `import { act } from '${fixture(file, 'actions')}';`,
        '',
        'export function Probe({ journey }: { journey?: keyof typeof queries }) {',
        '  return (',
        '    <form action={act}>',
        '      {LIMITS.name} {journeyStatuses.join()} {journey ? 1 : 0}',
        '    </form>',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
    expect(result.messages).toEqual([]);
  });

  it('db/ importing the leaf; components/ and app/ importing a row type from db/schema', async () => {
    expect(await boundaryErrors('db/schema/probe.ts', "import { memberRoles } from '@/lib/shared/business';\n\nexport const probe = memberRoles;\n")).toEqual([]);
    expect(await boundaryErrors('components/team/Probe.tsx', "import type { Invite } from '@/db/schema';\n\nexport type Probe = Invite;\n")).toEqual([]);
    expect(await boundaryErrors('app/(app)/probe/page.tsx', "import type { Journey } from '@/db/schema';\n\nexport type Probe = Journey;\n")).toEqual([]);
  });

  it('the tree as it is: the leaf and the schema keep the rules', async () => {
    const results = await eslint.lintFiles(['db', 'lib/shared']);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(process.cwd(), r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
