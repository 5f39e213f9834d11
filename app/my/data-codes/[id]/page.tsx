import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { boundCodeDetail } from '@/lib/data-codes/bind';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Button } from '@/components/ui/button';
import { DataCodeDraftButton } from '@/components/data-codes/draft-buttons';

export const metadata: Metadata = { title: '数据码详情' };

function load(userId: number, id: number) {
  try {
    return boundCodeDetail(userId, id);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export default async function DataCodeDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('applicant.area');
  const { id } = await params;
  const c = /^[1-9]\d{0,15}$/.test(id) ? load(user.id, Number(id)) : null;
  if (!c) notFound();
  const s = c.subject;
  const rows: [string, string][] = [
    ['开办主体性质', s.nature],
    ['主体名称', s.name],
    ['证件类型', s.certType],
    ['证件号码', s.certNumberMasked],
    ['负责人姓名', s.principalName],
    ['负责人手机号码', s.principalPhoneMasked],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">数据码详情</h1>
        <Button asChild variant="outline" size="sm">
          <Link href="/my/data-codes?tab=bound">返回已绑定数据码</Link>
        </Button>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>数据码 {c.code}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-1 text-sm text-muted-foreground">
          <p>接入服务商：{c.providerName}</p>
          <p>绑定时间：{formatDateTime(c.boundAt)}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle>开办主体</CardTitle>
          <DataCodeDraftButton codeId={c.id} what="subject" label="创建主体" />
        </CardHeader>
        <CardContent>
          <dl className="grid gap-y-3 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="grid grid-cols-[7.5rem_1fr] gap-3">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle>网站（{c.websites.length}个）</CardTitle>
          <DataCodeDraftButton codeId={c.id} what="all" label="批量创建网站" />
        </CardHeader>
        <CardContent>
          <Table aria-label="数据码中的网站">
            <TableHeader>
              <TableRow>
                <TableHead>网站名称</TableHead>
                <TableHead>域名</TableHead>
                <TableHead>服务器IP地址</TableHead>
                <TableHead>网站接入方式</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.websites.map((w, i) => (
                <TableRow key={`${w.domain}-${i}`}>
                  <TableCell>{w.name}</TableCell>
                  <TableCell className="break-all">{w.domain}</TableCell>
                  <TableCell>{w.ip}</TableCell>
                  <TableCell>{w.accessMethod}</TableCell>
                  <TableCell>
                    <DataCodeDraftButton codeId={c.id} what={i} label="创建网站" name={w.name} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="mt-3 text-xs text-muted-foreground">创建的草稿保存在“我的草稿”中，补充其余信息后即可提交。网站草稿属于当前主体，请先创建主体或切换到对应主体。</p>
        </CardContent>
      </Card>
    </div>
  );
}
