import { describe, expect, it } from 'vitest';
import { absoluteUrl, publicOrigin, whatsAppShareUrl } from '@/lib/links/urls';

describe('invite links', () => {
  it('prefer the configured site URL, without its path', () => {
    expect(publicOrigin({ configured: 'https://jejak.id/api/auth', host: 'internal:3000', proto: 'http' })).toBe('https://jejak.id');
  });

  it('fall back to the request host and forwarded scheme', () => {
    expect(publicOrigin({ host: 'jejak.example', proto: 'https' })).toBe('https://jejak.example');
    expect(publicOrigin({ host: 'localhost:3000', proto: 'http' })).toBe('http://localhost:3000');
    expect(publicOrigin({ host: 'a.example, b.example', proto: 'https,http' })).toBe('https://a.example');
  });

  it('guess the scheme when none is forwarded: http only for this machine', () => {
    expect(publicOrigin({ host: 'localhost:3000' })).toBe('http://localhost:3000');
    expect(publicOrigin({ host: '127.0.0.1:3000', proto: 'gopher' })).toBe('http://127.0.0.1:3000');
    expect(publicOrigin({ host: 'jejak.example' })).toBe('https://jejak.example');
  });

  it('refuse a malformed host instead of building a link from it', () => {
    expect(publicOrigin({ host: 'evil.example/path?x=' })).toBeNull();
    expect(publicOrigin({ host: 'a b' })).toBeNull();
    expect(publicOrigin({})).toBeNull();
    expect(publicOrigin({ configured: 'not a url', host: 'ok.example', proto: 'https' })).toBe('https://ok.example');
  });

  it('join origin and path, or keep the path when there is no origin', () => {
    expect(absoluteUrl('https://jejak.id', '/invite/t/abc')).toBe('https://jejak.id/invite/t/abc');
    expect(absoluteUrl(null, '/invite/t/abc')).toBe('/invite/t/abc');
  });

  it('encode the whole WhatsApp message, link included', () => {
    const url = whatsAppShareUrl('Halo & selamat: https://jejak.id/invite/t/a_b-c?x=1');
    expect(url).toBe('https://wa.me/?text=Halo%20%26%20selamat%3A%20https%3A%2F%2Fjejak.id%2Finvite%2Ft%2Fa_b-c%3Fx%3D1');
    expect(new URL(url).searchParams.get('text')).toBe('Halo & selamat: https://jejak.id/invite/t/a_b-c?x=1');
  });
});
