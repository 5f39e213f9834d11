import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from '@/components/ui/card';
import { RegisterForm } from './register-form';
import { OFFICE_NAME } from '@/lib/site/config';
import { requestIp } from '@/lib/actions';
import { formCaptchaNeeded } from '@/lib/captcha/forms';
import { createChallenge } from '@/lib/captcha/service';

export const metadata: Metadata = { title: '注册' };

export default async function RegisterPage() {
  // Two failed registrations from this address already: the form opens with its 验证码.
  const captcha = formCaptchaNeeded('register', await requestIp(), null) ? createChallenge() : null;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <CardHeader className="flex-col items-start">
          <CardTitle className="text-xl">用户注册</CardTitle>
          <CardDescription>所有项必填。手机号码、电子邮件地址请真实填写，后续信用认证将使用这些信息。</CardDescription>
        </CardHeader>
        <CardContent>
          <RegisterForm officeName={OFFICE_NAME} initialCaptcha={captcha} />
          <p className="mt-6 text-center text-sm text-muted-foreground">
            已有账号？
            <Link href="/login" className="text-primary underline underline-offset-4">
              去登录
            </Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
