'use server';

import { getCurrentUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';

/** Where to go after a successful sign-in: a safe local callback, else the role's home. */
export async function postLoginPath(callbackUrl: string | null): Promise<string> {
  const user = await getCurrentUser();
  if (!user) return '/login';
  if (callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//')) return callbackUrl;
  return homeFor(user.role);
}
