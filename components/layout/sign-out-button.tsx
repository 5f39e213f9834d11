'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="rounded-md border border-primary-foreground/40 px-3 py-1 hover:bg-primary-foreground/10" onClick={() => signOut({ callbackUrl: '/login' })}>
      退出登录
    </button>
  );
}
