import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from '@/lib/http/csp';
import proxy from '@/proxy';

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

  it('is set by the proxy on pages, but left to the public review and testimonial pages, which send their own', async () => {
    const policyOf = async (path: string) => (await proxy(new NextRequest(new URL(path, 'http://jejak.test')))).headers.get('content-security-policy');
    for (const path of ['/r/demo-bengkel', '/r/demo-bengkel/thanks', '/t/bengkel-maju-jaya', '/t/bengkel-maju-jaya/embed']) {
      expect(await policyOf(path), path).toBeNull();
    }
    for (const path of ['/', '/sign-in', '/tentang', '/tr/x', '/reviews/testimonials']) {
      expect(await policyOf(path), path).toMatch(/^default-src 'self'; script-src 'self' 'nonce-/);
    }
  });
});
