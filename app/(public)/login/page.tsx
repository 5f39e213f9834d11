import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '用户登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ registered?: string; error?: string; callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const sp = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">用户登录</CardTitle>
        </CardHeader>
        <CardContent>
          <LoginForm registered={sp.registered === '1'} callbackUrl={sp.callbackUrl ?? null} initialError={sp.error && sp.error !== 'CredentialsSignin' ? sp.error : null} />
          <p className="mt-6 text-center text-sm text-muted-foreground">
            还没有账号？
            <Link href="/register" className="text-primary underline underline-offset-4">
              立即注册
            </Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
