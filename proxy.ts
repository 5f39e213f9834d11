import { NextResponse, type NextRequest } from 'next/server';
import { limitPublicRequest } from '@/lib/public/rate-limit';
import { HSTS, hstsEnabled, newNonce, pageCsp } from '@/lib/security/headers';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
const PRIVATE = /^\/(my|review|admin|provider)(\/|$)/;
const PUBLIC_ICON = /^\/api\/public\/filings\/\d{14}\/icon$/;

/**
 * Every page: a CSP with a fresh script nonce (and HSTS over HTTPS). Public queries (/query,
 * /api/public) are rate-limited per IP (SPEC §10.2). Private areas only redirect signed-out
 * visitors to /login; pages do the real checks.
 */
export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path === '/query' || path.startsWith('/query/') || path.startsWith('/api/public/')) {
    // Only look-ups count: not the empty search form (linked from every page's header), not a CORS preflight,
    // not the icons of an APP / 小程序 a counted result page shows (ten of them would eat the minute's budget).
    const lookUp = req.method !== 'OPTIONS' && (path !== '/query' || !!req.nextUrl.searchParams.get('q')?.trim()) && !PUBLIC_ICON.test(path);
    const limited = lookUp && limitPublicRequest(req.headers, path);
    if (limited) return limited;
    if (path.startsWith('/api/')) return NextResponse.next();
  }
  // The e-mail verification link works without a session.
  if (PRIVATE.test(path) && !SESSION_COOKIES.some((n) => req.cookies.has(n)) && path !== '/my/account/verify-email') {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return withPageHeaders(req);
}

/** Next.js takes the nonce from the request's CSP header and puts it on the scripts it renders. */
function withPageHeaders(req: NextRequest): NextResponse {
  const csp = pageCsp(newNonce());
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  if (hstsEnabled()) res.headers.set('Strict-Transport-Security', HSTS);
  return res;
}

export const config = {
  // Pages and the public API; not the static chunks, images or other route handlers.
  matcher: ['/((?!_next/static|_next/image|api/|badge|favicon\\.ico).*)', '/api/public/:path*'],
};
