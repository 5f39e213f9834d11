import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from '@/components/ui/card';
import { RegisterForm } from './register-form';
import { LegalRegisterForm } from './legal-register-form';
import { OFFICE_NAME } from '@/lib/site/config';
import { requestIp } from '@/lib/actions';
import { formCaptchaNeeded } from '@/lib/captcha/forms';
import { createChallenge } from '@/lib/captcha/service';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: '注册' };

const KINDS = [
  { type: null, label: '个人注册', href: '/register' },
  { type: 'legal', label: '法人注册', href: '/register?type=legal' },
] as const;

/** 注册 (seed 003): 个人注册, or 法人注册 for an organisation (`?type=legal`). */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const legal = (await searchParams).type === 'legal';
  // Two failed registrations from this address already: the form opens with its 验证码.
  const captcha = formCaptchaNeeded('register', await requestIp(), null) ? createChallenge() : null;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <CardHeader className="flex-col items-start gap-3">
          <CardTitle className="text-xl">用户注册</CardTitle>
          <nav aria-label="注册类型" className="flex w-full rounded-md border p-1 text-sm">
            {KINDS.map((k) => {
              const current = (k.type === 'legal') === legal;
              return (
                <Link
                  key={k.label}
                  href={k.href}
                  aria-current={current ? 'page' : undefined}
                  className={cn('flex-1 rounded px-3 py-1.5 text-center', current ? 'bg-primary font-medium text-primary-foreground' : 'hover:bg-accent')}
                >
                  {k.label}
                </Link>
              );
            })}
          </nav>
          <CardDescription>
            {legal
              ? '企业、机关、事业单位、社会团体等组织注册。所有项必填，法人代表手机号码用于接收验证码和登录。'
              : '所有项必填。手机号码、电子邮件地址请真实填写，后续信用认证将使用这些信息。'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {legal ? <LegalRegisterForm officeName={OFFICE_NAME} initialCaptcha={captcha} /> : <RegisterForm officeName={OFFICE_NAME} initialCaptcha={captcha} />}
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
