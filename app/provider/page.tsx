import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/session';
import { providerOfAccount } from '@/lib/service-providers/accounts';
import { LatestNotice } from '@/components/layout/latest-notice';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { formatDateTime } from '@/lib/utils';
import { filingDigitsOf } from '@/lib/review/filing-number';

export const metadata: Metadata = { title: '服务商工作台' };

export default async function ProviderHome() {
  const user = await requirePage('provider.area');
  const linked = providerOfAccount(user.id);
  const digits = linked?.filingNumber ? filingDigitsOf(linked.filingNumber) : null;
  return (
    <div className="space-y-4">
      <LatestNotice />
      <h1 className="text-xl font-semibold">服务商工作台</h1>
      <p className="text-sm text-muted-foreground">{user.name}，您好。数据码签发功能将在此处提供。</p>
      {linked ? (
        <Card data-testid="linked-provider">
          <CardHeader>
            <CardTitle>所代表的服务商</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-y-3 text-sm">
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <dt className="text-muted-foreground">服务商名称</dt>
                <dd className="break-all">{linked.name}</dd>
              </div>
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <dt className="text-muted-foreground">公安备案号</dt>
                <dd>{digits ? <Link href={`/query/${digits}`} className="text-primary hover:underline">{linked.filingNumber}</Link> : '—'}</dd>
              </div>
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <dt className="text-muted-foreground">备案状态</dt>
                <dd>
                  <StatusBadge status={linked.status} />
                </dd>
              </div>
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <dt className="text-muted-foreground">关联时间</dt>
                <dd>{formatDateTime(linked.linkedAt)}</dd>
              </div>
            </dl>
            {!linked.filed && <Alert variant="destructive" className="mt-4">该服务商已注销，本账号不能再代表其办理业务。</Alert>}
          </CardContent>
        </Card>
      ) : (
        <Alert variant="info">本账号尚未关联已备案的服务商。请先以开办主体办理新增服务商，审核通过后联系管理员在账号管理中关联。</Alert>
      )}
    </div>
  );
}
