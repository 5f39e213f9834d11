import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { redirect, forbidden } from 'next/navigation';
import { secrets } from '@/lib/config/env';
import { can, type Actor, type Permission } from './policy';
import { getUserProfile } from '@/lib/users/service';
import { sessionIsLive } from './sessions';
import type { Role } from '@/db/schema';

export type CurrentUser = Actor & { name: string; emailVerified: boolean };

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user, re-read from the database on every request: the session the cookie names
 * must be live (not ended by 退出登录, a password change or reset), and a disabled account or a
 * changed password (session version bumped) ends it too.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: secrets().authSecret }).catch(() => null);
  if (typeof token?.uid !== 'number' || typeof token.sv !== 'number') return null;
  if (!sessionIsLive(token.sid, token.uid)) return null;
  const profile = getUserProfile(token.uid);
  if (!profile || profile.status !== 'active' || profile.sessionVersion !== token.sv) return null;
  return {
    id: profile.id,
    role: profile.role as Role,
    unitId: profile.unitId,
    name: profile.name,
    phoneVerified: profile.phoneVerifiedAt != null,
    emailVerified: profile.emailVerifiedAt != null,
  };
});

/** For pages: not signed in → /login; signed in without the permission → 403. */
export async function requirePage(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (!can(user, permission)) forbidden();
  return user;
}
