import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ForgotPasswordForm } from './forgot-form';
import { requestIp } from '@/lib/actions';
import { formCaptchaNeeded } from '@/lib/captcha/forms';
import { createChallenge } from '@/lib/captcha/service';

export const metadata: Metadata = { title: '忘记密码' };

export default async function ForgotPasswordPage() {
  // Two failed resets from this address already: the form opens with its 验证码.
  const captcha = formCaptchaNeeded('password_reset', await requestIp(), null) ? createChallenge() : null;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader className="flex-col items-start">
          <CardTitle className="text-xl">忘记密码</CardTitle>
          <CardDescription>通过注册手机号码接收短信验证码，设置新的登录密码。重置后，该账号所有已登录的会话将失效。</CardDescription>
        </CardHeader>
        <CardContent>
          <ForgotPasswordForm initialCaptcha={captcha} />
          <p className="mt-6 text-center text-sm text-muted-foreground">
            想起密码了？
            <Link href="/login" className="text-primary underline underline-offset-4">
              返回登录
            </Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
