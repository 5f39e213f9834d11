// The CSP and HSTS of a signed-in user's page, set by scripts/server.mjs instead of proxy.ts.
import { HSTS, PAGE_HEADERS_SET, PRIVATE_AREA, hasSessionCookie, hstsEnabled, newNonce, pageCsp } from '../lib/security/headers.mjs';
import { rewriteHeaders } from './client-address.mjs';

/**
 * A request for /my, /review, /admin or /provider with a session cookie gets its page CSP with a
 * fresh nonce (in the request, where Next.js takes it for its scripts, and in the response) and
 * HSTS over https here, and is marked PAGE_HEADERS_SET so that proxy.ts, which would do the same,
 * does not run for it: the proxy costs about 1 ms of a signed-in page's CPU (issue 17). Everything
 * else still goes through proxy.ts: public pages and their rate limits and cache, and a signed-out
 * visitor of a private area, whom it sends to /login. proxy.ts's matcher skips a marked request
 * only on paths Next.js itself takes as private, and a marker or a CSP the client sends is
 * dropped. Returns whether the headers were set.
 */
export function applySignedInPageHeaders(req, res, https = hstsEnabled()) {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (!PRIVATE_AREA.test(path) || !hasSessionCookie(req.headers.cookie)) {
    if (PAGE_HEADERS_SET in req.headers) rewriteHeaders(req, [PAGE_HEADERS_SET], []);
    return false;
  }
  const csp = pageCsp(newNonce());
  rewriteHeaders(req, [], [
    ['Content-Security-Policy', csp],
    [PAGE_HEADERS_SET, '1'],
  ]);
  res.setHeader('Content-Security-Policy', csp);
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
  return true;
}
