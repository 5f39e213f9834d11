import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { countUsers } from '@/lib/users/service';
import { countProviders } from '@/lib/providers/service';
import { listUnits } from '@/lib/units/service';
import { regionFullName } from '@/lib/regions/regions';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { LatestNotice } from '@/components/layout/latest-notice';
import { Alert } from '@/components/ui/alert';
import { filingsWithUnapprovedSubject } from '@/lib/review/integrity';

export const metadata: Metadata = { title: '管理后台' };

export default async function AdminHome() {
  const user = await requirePage('admin.area');
  const count = countUsers;
  const units = listUnits();
  const unapproved = filingsWithUnapprovedSubject();
  const providers = countProviders();
  const stats: [string, number][] = [
    ['开办者账号', count('applicant')],
    ['网安民警账号', count('reviewer')],
    ['管理员账号', count('admin')],
    ['接入服务商账号', count('provider')],
    ['服务商名录', providers],
  ];
  return (
    <div className="space-y-6">
      <LatestNotice userId={user.id} />
      <h1 className="text-xl font-semibold">管理后台</h1>
      <nav aria-label="管理功能" className="flex flex-wrap gap-4 text-sm">
        <Link href="/admin/units" className="text-primary hover:underline">
          审核单位
        </Link>
        <Link href="/admin/users" className="text-primary hover:underline">
          账号管理
        </Link>
        <Link href="/admin/providers" className="text-primary hover:underline">
          服务商名录
        </Link>
        <Link href="/admin/imports" className="text-primary hover:underline">
          数据导入
        </Link>
        <Link href="/admin/notices" className="text-primary hover:underline">
          公告管理
        </Link>
        <Link href="/admin/audit" className="text-primary hover:underline">
          审计日志
        </Link>
        <Link href="/admin/deliveries" className="text-primary hover:underline">
          发送记录
        </Link>
      </nav>
      {unapproved.length > 0 && (
        <Alert variant="destructive" data-testid="integrity-unapproved">
          <p className="font-medium">数据检查：{unapproved.length} 个网站已备案，但其开办主体从未审核通过</p>
          <p>这些备案在“主体未审核通过的业务申请不得通过”的规则实施前产生，请核查并联系开办者。</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {unapproved.slice(0, 20).map((r) => (
              <li key={r.websiteId}>
                {r.filingNumber} {r.websiteName}（{r.websiteStatus}）— 主体：{r.subjectName}（{r.subjectStatus}）
              </li>
            ))}
          </ul>
          {unapproved.length > 20 && <p className="mt-1">另有 {unapproved.length - 20} 个，启动日志中列出全部。</p>}
        </Alert>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([k, v]) => (
          <div key={k} className="rounded-lg border bg-card p-4">
            <p className="text-sm text-muted-foreground">{k}</p>
            <p className="text-2xl font-semibold">{v}</p>
          </div>
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>审核单位</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-2 pr-4 font-medium">单位名称</th>
                <th className="py-2 pr-4 font-medium">区划代码</th>
                <th className="py-2 font-medium">管辖区域</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {units.map((u) => (
                <tr key={u.id}>
                  <td className="py-2 pr-4">
                    {u.name}
                    {u.isDefault && <span className="ml-2 text-xs text-muted-foreground">（默认单位）</span>}
                  </td>
                  <td className="py-2 pr-4 font-mono">{u.code}</td>
                  <td className="py-2">{u.covers.map(regionFullName).join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
