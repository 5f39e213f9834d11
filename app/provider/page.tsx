import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { providerOfAccount } from '@/lib/service-providers/accounts';
import { listProviderCodes } from '@/lib/data-codes/provider';
import { listApiKeys } from '@/lib/data-codes/api-keys';
import { LatestNotice } from '@/components/layout/latest-notice';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/applications/status-badge';
import { IssueDataCodeForm } from '@/components/data-codes/issue-form';
import { CreateApiKeyForm, RevokeApiKeyButton, RevokeDataCodeButton } from '@/components/data-codes/provider-controls';
import { formatDateTime } from '@/lib/utils';
import { filingDigitsOf } from '@/lib/review/filing-number';
import type { DataCodeStatus } from '@/lib/data-codes/code';

export const metadata: Metadata = { title: '服务商工作台' };

const CODE_BADGE: Record<DataCodeStatus, 'default' | 'secondary' | 'outline' | 'destructive'> = { 未绑定: 'default', 已绑定: 'secondary', 已过期: 'outline', 已作废: 'outline' };

export default async function ProviderHome({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePage('provider.area');
  const sp = await searchParams;
  const linked = providerOfAccount(user.id);
  const digits = linked?.filingNumber ? filingDigitsOf(linked.filingNumber) : null;
  const active = !!linked?.filed;
  const codes = listProviderCodes(user.id, pageParam(sp.page));
  const keys = listApiKeys(user.id);
  return (
    <div className="space-y-4">
      <LatestNotice userId={user.id} />
      <h1 className="text-xl font-semibold">服务商工作台</h1>
      <p className="text-sm text-muted-foreground">{user.name}，您好。在此为开办者签发数据码，或创建API密钥由贵司系统对接签发。</p>
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
              {linked.source === 'filing' ? (
                <>
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
                </>
              ) : (
                <div className="grid grid-cols-[7rem_1fr] gap-3">
                  <dt className="text-muted-foreground">来源</dt>
                  <dd>
                    服务商名录{!linked.filed && <Badge variant="secondary" className="ml-2">已注销</Badge>}
                  </dd>
                </div>
              )}
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <dt className="text-muted-foreground">关联时间</dt>
                <dd>{formatDateTime(linked.linkedAt)}</dd>
              </div>
            </dl>
            {!linked.filed && <Alert variant="destructive" className="mt-4">该服务商已注销，本账号不能再代表其办理业务。</Alert>}
          </CardContent>
        </Card>
      ) : (
        <Alert variant="info">本账号尚未关联服务商，不能签发数据码。已备案的服务商或服务商名录中的接入服务商，请联系管理员在账号管理中关联。</Alert>
      )}

      {active && <IssueDataCodeForm providerName={linked!.name} />}

      <Card>
        <CardHeader className="flex-col items-start gap-1.5">
          <CardTitle>数据码</CardTitle>
          <CardDescription>本账号签发的数据码，按创建时间从新到旧排列。未绑定的数据码可以作废。</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {codes.rows.length === 0 ? (
            <p className="rounded-lg border p-6 text-center text-muted-foreground">暂无数据码</p>
          ) : (
            <Table aria-label="数据码列表">
              <TableHeader>
                <TableRow>
                  <TableHead>数据码</TableHead>
                  <TableHead>主体名称</TableHead>
                  <TableHead>网站数</TableHead>
                  <TableHead>创建时间</TableHead>
                  <TableHead>状态</TableHead>
                  <TableHead>操作</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {codes.rows.map((c) => (
                  <TableRow key={c.id} data-testid="code-row">
                    <TableCell className="font-mono whitespace-nowrap">{c.codeMasked}</TableCell>
                    <TableCell>{c.subjectName}</TableCell>
                    <TableCell>{c.websiteCount}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatDateTime(c.createdAt)}</TableCell>
                    <TableCell>
                      <Badge variant={CODE_BADGE[c.status]}>{c.status}</Badge>
                    </TableCell>
                    <TableCell>{c.status === '未绑定' ? <RevokeDataCodeButton id={c.id} masked={c.codeMasked} /> : <span className="text-muted-foreground">—</span>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination path="/provider" params={{}} page={codes.page} pageSize={codes.pageSize} total={codes.total} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex-col items-start gap-1.5">
          <CardTitle>API密钥</CardTitle>
          <CardDescription>
            贵司系统以 <code>Authorization: Bearer 密钥</code> 调用 <code>POST /api/provider/data-codes</code> 签发数据码。密钥只在创建时显示一次。
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {active ? <CreateApiKeyForm /> : null}
          {keys.length === 0 ? (
            <p className="rounded-lg border p-6 text-center text-muted-foreground">暂无API密钥</p>
          ) : (
            <Table aria-label="API密钥列表">
              <TableHeader>
                <TableRow>
                  <TableHead>名称</TableHead>
                  <TableHead>密钥前缀</TableHead>
                  <TableHead>创建时间</TableHead>
                  <TableHead>最近使用</TableHead>
                  <TableHead>状态</TableHead>
                  <TableHead>操作</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id} data-testid="key-row">
                    <TableCell>{k.label}</TableCell>
                    <TableCell className="font-mono whitespace-nowrap">{`${k.keyPrefix}…`}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatDateTime(k.createdAt)}</TableCell>
                    <TableCell className="whitespace-nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '从未使用'}</TableCell>
                    <TableCell>
                      <Badge variant={k.status === '启用' ? 'default' : 'outline'}>{k.status}</Badge>
                    </TableCell>
                    <TableCell>{k.status === '启用' ? <RevokeApiKeyButton id={k.id} label={k.label} /> : <span className="text-muted-foreground">—</span>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
