'use server';

import { getCurrentUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { safeCallbackPath } from '@/lib/auth/callback-url';

/** Where to go after a successful sign-in: a same-site callback path, else the role's home. */
export async function postLoginPath(callbackUrl: unknown): Promise<string> {
  const user = await getCurrentUser();
  if (!user) return '/login';
  return safeCallbackPath(callbackUrl) ?? homeFor(user.role);
}
