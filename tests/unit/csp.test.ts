import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from '@/lib/http/csp';

describe('content security policy', () => {
  it('allows only scripts with this response nonce, no plugins, no framing, no foreign form targets', () => {
    const p = contentSecurityPolicy({ nonce: 'abc123', dev: false, https: true });
    expect(p).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(p).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", 'upgrade-insecure-requests']) {
      expect(p).toContain(d);
    }
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: false })).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it('makes a new 128-bit nonce every time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
