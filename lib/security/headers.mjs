/**
 * Security headers of the pages (SPEC §13): a per-request script nonce instead of
 * 'unsafe-inline' (Next.js reads the nonce from the request's CSP header and puts it on its own
 * scripts; every page here is rendered per request), and HSTS when the site is served over HTTPS.
 * Plain JavaScript: proxy.ts and scripts/server.mjs (which sets them itself for signed-in pages,
 * scripts/page-headers.mjs) share it.
 */

let pool = new Uint8Array(0);
let used = 0;

/**
 * A fresh nonce: 128 random bits, base64. Taken from 4 KB of random bytes drawn at a time, each
 * byte used once: one getRandomValues call a page cost about 40 µs of CPU under load (issue 17's
 * profile of /my), a pool of 256 nonces a fraction of that.
 */
export function newNonce() {
  if (used + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    used = 0;
  }
  const bytes = pool.subarray(used, (used += 16));
  return btoa(String.fromCharCode(...bytes));
}

/** The CSP of a page: scripts only with this request's nonce (and what they load). */
export function pageCsp(nonce, dev = process.env.NODE_ENV === 'development') {
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
export function hstsEnabled(env = process.env) {
  const url = env.NEXTAUTH_URL || env.PUBLIC_BASE_URL || '';
  return /^https:\/\//i.test(url.trim());
}

/** next-auth's session cookie, over https and over http. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The areas of signed-in users: a visitor without a session cookie is sent to /login. */
export const PRIVATE_AREA = /^\/(my|review|admin|provider)(\/|$)/;

/** Whether a Cookie header carries a session cookie (by name; the page checks the session itself). */
export function hasSessionCookie(cookieHeader) {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((c) => SESSION_COOKIES.includes(c.slice(0, c.indexOf('=')).trim()));
}

/**
 * Set by scripts/server.mjs on a signed-in page request whose CSP and HSTS it has set itself:
 * proxy.ts's matcher skips such a request (running the proxy costs about 1 ms a page, issue 17).
 * A value the client sends is removed first.
 */
export const PAGE_HEADERS_SET = 'x-wlba-page-headers';
