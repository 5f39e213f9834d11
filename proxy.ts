import { NextResponse, type NextRequest } from 'next/server';
import { limitPublicRequest } from '@/lib/public/rate-limit';
import { HSTS, hasSessionCookie, hstsEnabled, newNonce, pageCsp, PRIVATE_AREA } from '@/lib/security/headers.mjs';
import { dataDir } from '@/lib/config/env';
import { CACHE_STATUS_HEADER, dataVersion, freshPage, KEY_HEADER, pageCacheKey, VERSION_HEADER, withNonce, type CachedPage } from '@/lib/public/page-cache.mjs';

const PUBLIC_ICON = /^\/api\/public\/filings\/\d{14}\/icon$/;
/** Route handlers (/api, the badge) and Next.js's files keep their own CSP, without scripts, from next.config.mjs. */
const NOT_A_PAGE = /^\/(api|_next)\/|^\/badge(@2x)?\.png$/;

/**
 * Next.js's built scripts and styles never need the proxy. Nor does a signed-in user's page that
 * scripts/server.mjs has already given its CSP and HSTS (marked PAGE_HEADERS_SET,
 * scripts/page-headers.mjs): only on the private areas, as Next.js resolves the path, so a marker
 * cannot take a public look-up past its rate limit. (Next.js reads this object without running
 * the code: literals only.)
 */
export const config = {
  matcher: [
    '/((?!_next/static/|_next/image|my(?:/|$)|review(?:/|$)|admin(?:/|$)|provider(?:/|$)).*)',
    { source: '/(my|review|admin|provider)/:path*', missing: [{ type: 'header', key: 'x-wlba-page-headers' }] },
  ],
};

/**
 * Every page: a CSP with a fresh script nonce (and HSTS over HTTPS; route handlers and files get
 * HSTS only, their CSP without scripts comes from next.config.mjs). Public queries (/query,
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
    if (path.startsWith('/api/')) return fromCacheOr(req, () => NextResponse.next(), (hit) => new NextResponse(hit.html, { status: 200, headers: hit.headers }));
  }
  // The e-mail verification link works without a session.
  if (PRIVATE_AREA.test(path) && !hasSessionCookie(req.headers.get('cookie')) && path !== '/my/account/verify-email') {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  if (NOT_A_PAGE.test(path)) return withHsts(NextResponse.next());
  return withPageHeaders(req);
}

/**
 * Next.js takes the nonce from the request's CSP header and puts it on the scripts it renders.
 * An anonymous public page (/, /query…) comes from the shared page cache while app.db is
 * unchanged, with this response's nonce.
 */
function withPageHeaders(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const res = fromCacheOr(
    req,
    () => {
      const headers = new Headers(req.headers);
      headers.set('content-security-policy', csp);
      return NextResponse.next({ request: { headers } });
    },
    (hit) => new NextResponse(withNonce(hit, nonce), { status: 200, headers: hit.headers }),
  );
  res.headers.set('Content-Security-Policy', csp);
  return withHsts(res);
}

function withHsts(res: NextResponse): NextResponse {
  if (hstsEnabled()) res.headers.set('Strict-Transport-Security', HSTS);
  return res;
}

/**
 * The shared cache of anonymous public pages and look-ups (lib/public/page-cache.mjs): the
 * cached answer while app.db is unchanged, else the request goes on to be rendered, marked for
 * scripts/server.mjs to keep.
 */
function fromCacheOr(req: NextRequest, render: () => NextResponse, answer: (hit: CachedPage) => NextResponse): NextResponse {
  const key = pageCacheKey(req.method, req.nextUrl.pathname, req.nextUrl.search, req.headers);
  const version = key ? dataVersion(dataDir()) : null;
  if (!key || version === null) return render();
  const hit = freshPage(key, version);
  if (hit) {
    const res = answer(hit);
    res.headers.set(CACHE_STATUS_HEADER, 'hit');
    return res;
  }
  const res = render();
  res.headers.set(VERSION_HEADER, String(version));
  res.headers.set(KEY_HEADER, encodeURIComponent(key));
  return res;
}
