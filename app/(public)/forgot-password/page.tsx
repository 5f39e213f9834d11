import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ForgotPasswordForm } from './forgot-form';

export const metadata: Metadata = { title: '忘记密码' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader className="flex-col items-start">
          <CardTitle className="text-xl">忘记密码</CardTitle>
          <CardDescription>通过注册手机号码接收短信验证码，设置新的登录密码。重置后，该账号所有已登录的会话将失效。</CardDescription>
        </CardHeader>
        <CardContent>
          <ForgotPasswordForm />
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
