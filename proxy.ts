import { NextResponse, type NextRequest } from 'next/server';
import { limitPublicRequest } from '@/lib/public/rate-limit';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * Public queries (/query, /api/public) are rate-limited per IP (SPEC §10.2). Private areas only
 * redirect signed-out visitors to /login; pages do the real checks.
 */
export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path === '/query' || path.startsWith('/query/') || path.startsWith('/api/public/')) {
    // Only look-ups count: not the empty search form (linked from every page's header), not a CORS preflight.
    const lookUp = req.method !== 'OPTIONS' && (path !== '/query' || !!req.nextUrl.searchParams.get('q')?.trim());
    return (lookUp && limitPublicRequest(req.headers, path)) || NextResponse.next();
  }
  if (SESSION_COOKIES.some((n) => req.cookies.has(n))) return NextResponse.next();
  // The e-mail verification link works without a session.
  if (path === '/my/account/verify-email') return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/login';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/my/:path*', '/review/:path*', '/admin/:path*', '/provider/:path*', '/query', '/query/:path*', '/api/public/:path*'],
};
