import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/session';
import { getUserProfile } from '@/lib/users/service';
import { maskEmail } from '@/lib/pii/mask';
import { formatDateTime } from '@/lib/utils';
import { ROLE_LABELS } from '@/lib/site/config';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { PhoneVerifyDialog, EmailVerifyButton, ChangePasswordForm } from './account-client';

export const metadata: Metadata = { title: '个人中心' };

export default async function AccountPage() {
  const user = await requirePage('account.self');
  const p = getUserProfile(user.id)!;
  const rows: [string, string][] = [
    ['真实姓名', p.name],
    ['账号类型', ROLE_LABELS[p.role]],
    ['证件类型', p.idType ?? '—'],
    ['证件号码', p.idNumberMasked ?? '—'],
    ['手机号码', p.phoneMasked],
    ['电子邮件地址', p.email ? maskEmail(p.email) : '—'],
    ['注册时间', formatDateTime(p.createdAt)],
  ];
  const status = (ok: boolean) => (ok ? <Badge variant="success">已验证</Badge> : <Badge variant="warning">未验证</Badge>);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">个人中心</h1>
      <Card>
        <CardHeader>
          <CardTitle>账号信息</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            {rows.map(([k, v]) => (
              <div key={k} className="flex gap-3">
                <dt className="w-24 shrink-0 text-muted-foreground">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>信用认证</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="mb-4 text-sm text-muted-foreground">为提高您的信用等级和账户安全性，请尽快完成信用认证。{p.role !== 'applicant' && '审核人员须完成手机验证后方可审核。'}</p>
          <ul className="divide-y rounded-lg border">
            <li className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium">手机验证 <span data-testid="phone-status">{status(!!p.phoneVerifiedAt)}</span></p>
                <p className="text-sm text-muted-foreground">向注册手机 {p.phoneMasked} 发送短信验证码完成验证</p>
              </div>
              {!p.phoneVerifiedAt && <PhoneVerifyDialog phoneMasked={p.phoneMasked} />}
            </li>
            <li className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium">邮箱验证 <span data-testid="email-status">{status(!!p.emailVerifiedAt)}</span></p>
                <p className="text-sm text-muted-foreground">{p.email ? `向 ${maskEmail(p.email)} 发送验证邮件，点击邮件中的链接完成验证` : '未填写电子邮件地址'}</p>
              </div>
              {!p.emailVerifiedAt && p.email && <EmailVerifyButton />}
            </li>
            <li className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium">身份验证 {p.identityVerifiedAt ? <Badge variant="success">已通过</Badge> : <Badge variant="secondary">未通过</Badge>}</p>
                <p className="text-sm text-muted-foreground">您的开办主体审核通过后自动完成身份验证</p>
              </div>
            </li>
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>修改密码</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </div>
  );
}
