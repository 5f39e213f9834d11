import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { listNotifications } from '@/lib/notify/service';
import { formatDateTime } from '@/lib/utils';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: '首页' };

export default async function ApplicantHome() {
  const user = await requirePage('account.self');
  if (user.role !== 'applicant') redirect(homeFor(user.role));
  const notices = listNotifications(user.id, { unreadOnly: true, pageSize: 5 });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">您好，{user.name}</h1>
      {!user.phoneVerified && (
        <Alert variant="info">
          您尚未完成手机验证。请前往
          <Link href="/my/account" className="mx-1 font-medium text-primary underline">
            个人中心
          </Link>
          完成信用认证。
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>我的申请</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">暂无申请记录。</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>系统通知</CardTitle>
            <Link href="/my/notifications" className="text-sm text-primary hover:underline">
              更多
            </Link>
          </CardHeader>
          <CardContent className="text-sm">
            {notices.rows.length === 0 ? (
              <p className="text-muted-foreground">暂无未读通知。</p>
            ) : (
              <ul className="space-y-2">
                {notices.rows.map((n) => (
                  <li key={n.id} className="flex justify-between gap-3">
                    <span className="truncate">{n.title}</span>
                    <span className="shrink-0 text-muted-foreground">{formatDateTime(n.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>我的主体</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">您当前还无有效主体。</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>我的网站</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">暂无网站。</CardContent>
        </Card>
      </div>
    </div>
  );
}
