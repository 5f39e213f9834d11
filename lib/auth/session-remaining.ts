import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { SESSION_COOKIES } from '@/lib/auth/session';
import { SESSION_MAX_AGE_S } from '@/lib/auth/options';
import { secrets } from '@/lib/config/env';

/** Time left in the session (the wizards' 登录即将过期 warning): the JWT's own expiry, else a full session. */
export async function sessionRemainingMs(): Promise<number> {
  const fallback = SESSION_MAX_AGE_S * 1000;
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return fallback;
  const token = await decode({ token: raw, secret: secrets().authSecret }).catch(() => null);
  return typeof token?.exp === 'number' ? Math.max(0, token.exp * 1000 - Date.now()) : fallback;
}
