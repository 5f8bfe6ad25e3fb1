/**
 * Security headers for pages, built per request by proxy.ts.
 *
 * Scripts: only those carrying this request's nonce (Next puts it on its own scripts when it
 * finds it in the request's Content-Security-Policy header) and what they load ('strict-dynamic').
 * This costs no caching: every page is rendered per request already (the root layout reads the
 * language cookie). Styles keep 'unsafe-inline' because React and the chart library set `style`
 * attributes, which a nonce cannot cover; a style cannot run code.
 */
export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging and a websocket for hot reload. */
  dev: boolean;
  /** Served as https: upgrade stray http requests. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** One year; no includeSubDomains or preload: those bind every subdomain and are the operator's call. */
export const strictTransportSecurity = 'max-age=31536000';

/** 128 random bits, base64: a fresh one per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
