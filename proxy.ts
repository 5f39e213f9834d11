import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Only redirects signed-out visitors of private areas to /login; pages do the real checks. */
export function proxy(req: NextRequest) {
  if (SESSION_COOKIES.some((n) => req.cookies.has(n))) return NextResponse.next();
  // The e-mail verification link works without a session.
  if (req.nextUrl.pathname === '/my/account/verify-email') return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/login';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/my/:path*', '/review/:path*', '/admin/:path*', '/provider/:path*'] };
