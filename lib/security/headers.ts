/**
 * Security headers of the pages (SPEC §13): a per-request script nonce instead of
 * 'unsafe-inline' (Next.js reads the nonce from the request's CSP header and puts it on its own
 * scripts; every page here is rendered per request), and HSTS when the site is served over HTTPS.
 */

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The CSP of a page: scripts only with this request's nonce (and what they load). */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next.js's nonce'd bootstrap loads are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (progress bars, charts) carry no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const HSTS = 'max-age=31536000; includeSubDomains';

/** HSTS is sent when the site's own address (NEXTAUTH_URL, else PUBLIC_BASE_URL) is https. */
export function hstsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL || env.PUBLIC_BASE_URL || '';
  return /^https:\/\//i.test(url.trim());
}
