import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { loginErrorMessage } from '@/lib/auth/login-error';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { LoginForm } from './login-form';
import { requestIp } from '@/lib/actions';
import { loginCaptchaNeeded } from '@/lib/auth/login';
import { createChallenge } from '@/lib/captcha/service';

export const metadata: Metadata = { title: '用户登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const sp = await searchParams;
  // Only a path of this site is passed on; the error shown is only ever the product's own text.
  const callbackUrl = safeCallbackPath(sp.callbackUrl);
  // Two failed logins from this address already: the form opens with its 验证码.
  const captcha = loginCaptchaNeeded(null, await requestIp()) ? createChallenge() : null;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">用户登录</CardTitle>
        </CardHeader>
        <CardContent>
          <LoginForm
            notice={sp.registered === '1' ? '注册成功，请登录。' : sp.reset === '1' ? '密码已重置，请使用新密码登录。' : null}
            callbackUrl={callbackUrl}
            initialError={loginErrorMessage(sp.error)}
            initialCaptcha={captcha}
          />
          <p className="mt-4 text-right text-sm">
            <Link href="/forgot-password" className="text-primary underline underline-offset-4">
              忘记密码
            </Link>
          </p>
          <p className="mt-4 text-center text-sm text-muted-foreground">
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
