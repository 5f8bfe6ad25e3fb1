/** The rules behind who may do what, which passwords are accepted, and whose IP a request is from. */
import { describe, expect, it } from 'vitest';
import { can, permissions, type Permission } from '@/lib/auth/permissions';
import { ipFromForwardedFor } from '@/lib/core/request';
import { email, newPassword } from '@/lib/core/validation';

/** The translation key the schema answers with, or 'ok'. */
function verdict(schema: typeof newPassword | typeof email, value: unknown): string {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : (r.error.issues[0]?.message ?? 'unknown');
}

describe('permissions', () => {
  it('keeps team and business settings to owners', () => {
    for (const p of ['team.invite', 'team.manage', 'tenant.settings'] as const) {
      expect(can('staff', p), p).toBe(false);
      expect(can('owner', p), p).toBe(true);
    }
  });

  it('lets staff do the everyday work', () => {
    for (const p of ['dashboard.read', 'team.read', 'journeys.read', 'journeys.write', 'personas.write'] as const) {
      expect(can('staff', p), p).toBe(true);
    }
  });

  it('gives owners every permission there is', () => {
    const refused = (Object.keys(permissions) as Permission[]).filter((p) => !can('owner', p));
    expect(refused).toEqual([]);
  });
});

describe('new password', () => {
  it('needs 8 to 128 characters', () => {
    expect(verdict(newPassword, 'kOpi-7x')).toBe('validation.password_short');
    expect(verdict(newPassword, 'kOpi-7xz')).toBe('ok');
    expect(verdict(newPassword, 'kq'.repeat(64))).toBe('ok');
    expect(verdict(newPassword, 'kq'.repeat(64) + 'z')).toBe('validation.password_long');
    expect(verdict(newPassword, undefined)).toBe('validation.required');
  });

  it('refuses the commonest passwords whatever their case', () => {
    for (const p of ['password123', 'PassWord123', 'bismillah', 'BISMILLAH', 'Indonesia123', 'sayang123']) {
      expect(verdict(newPassword, p), p).toBe('validation.password_common');
    }
  });

  it('refuses one character repeated and plain runs of digits', () => {
    for (const p of ['aaaaaaaa', 'ZZZZZZZZZZ', '12345678', '23456789', '0123456789']) {
      expect(verdict(newPassword, p), p).toBe('validation.password_common');
    }
  });

  it('accepts an ordinary uncommon password', () => {
    expect(verdict(newPassword, 'es teh manis 2 gelas')).toBe('ok');
    expect(verdict(newPassword, '87654320')).toBe('ok');
  });
});

describe('email', () => {
  it('is trimmed and lowercased, so one address is one account', () => {
    expect(email.parse('  Sari.Dewi@Example.CO.ID ')).toBe('sari.dewi@example.co.id');
  });

  it('refuses what is not an address', () => {
    expect(verdict(email, 'sari')).toBe('validation.email');
    expect(verdict(email, '   ')).toBe('validation.required');
    expect(verdict(email, `${'a'.repeat(250)}@x.id`)).toBe('validation.too_long');
  });
});

describe('client IP from X-Forwarded-For', () => {
  it('takes the rightmost entry (the one the nearest hop added), not what the client claims', () => {
    expect(ipFromForwardedFor('6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(ipFromForwardedFor('  203.0.113.7  ')).toBe('203.0.113.7');
    expect(ipFromForwardedFor('6.6.6.6,203.0.113.7, ')).toBe('203.0.113.7');
  });

  it('unwraps IPv4-mapped IPv6 and keeps plain IPv6', () => {
    expect(ipFromForwardedFor('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(ipFromForwardedFor('2001:db8::1')).toBe('2001:db8::1');
  });

  it('answers null when there is no address', () => {
    expect(ipFromForwardedFor(null)).toBeNull();
    expect(ipFromForwardedFor(undefined)).toBeNull();
    expect(ipFromForwardedFor('')).toBeNull();
    expect(ipFromForwardedFor(' , ')).toBeNull();
  });
});
