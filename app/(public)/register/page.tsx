import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from '@/components/ui/card';
import { RegisterForm } from './register-form';
import { OFFICE_NAME } from '@/lib/site/config';

export const metadata: Metadata = { title: '注册' };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <CardHeader className="flex-col items-start">
          <CardTitle className="text-xl">用户注册</CardTitle>
          <CardDescription>所有项必填。手机号码、电子邮件地址请真实填写，后续信用认证将使用这些信息。</CardDescription>
        </CardHeader>
        <CardContent>
          <RegisterForm officeName={OFFICE_NAME} />
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
