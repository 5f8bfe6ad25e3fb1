import { describe, expect, it } from 'vitest';
import { rlsBypassVerdict, type RoleReach } from '@/db/role-check';

const loginRole: RoleReach = { role: 'jejak_web', superuser: false, bypassRls: false, ownsTables: false };
const superuser: RoleReach = { role: 'postgres', superuser: true, bypassRls: true, ownsTables: true };
const owner: RoleReach = { role: 'jejak_owner', superuser: false, bypassRls: false, ownsTables: true };
const bypasser: RoleReach = { role: 'ops', superuser: false, bypassRls: true, ownsTables: false };

const dev = { production: false, allowBypass: false };
const prod = { production: true, allowBypass: false };
const prodAllowed = { production: true, allowBypass: true };

describe('start-up check of the database role', () => {
  it('a login role that reaches no superuser, BYPASSRLS or table owner is fine everywhere', () => {
    expect(rlsBypassVerdict(loginRole, dev)).toEqual({ level: 'ok' });
    expect(rlsBypassVerdict(loginRole, prod)).toEqual({ level: 'ok' });
  });

  it('a superuser connection can bypass row-level security: a warning in development', () => {
    const v = rlsBypassVerdict(superuser, dev);
    expect(v.level).toBe('warn');
    expect(v.level !== 'ok' && v.message).toMatch(/"postgres" can bypass row-level security \(superuser, BYPASSRLS, owner of the tables\)/);
    expect(v.level !== 'ok' && v.message).toMatch(/MIGRATION_DATABASE_URL/);
  });

  it('in production it refuses to start, unless ALLOW_RLS_BYPASS=1 (then it warns)', () => {
    const refused = rlsBypassVerdict(superuser, prod);
    expect(refused.level).toBe('refuse');
    expect(refused.level !== 'ok' && refused.message).toMatch(/ALLOW_RLS_BYPASS=1/);
    expect(rlsBypassVerdict(superuser, prodAllowed).level).toBe('warn');
  });

  it('owning the tables, or BYPASSRLS alone, counts as bypassing too', () => {
    expect(rlsBypassVerdict(owner, prod)).toMatchObject({ level: 'refuse', message: expect.stringMatching(/\(owner of the tables\)/) });
    expect(rlsBypassVerdict(bypasser, prod)).toMatchObject({ level: 'refuse', message: expect.stringMatching(/\(BYPASSRLS\)/) });
    expect(rlsBypassVerdict(owner, dev).level).toBe('warn');
  });
});
