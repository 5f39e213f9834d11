import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { myBoundCodes } from '@/lib/data-codes/bind';
import { formatDateTime } from '@/lib/utils';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { BindDataCodeForm } from '@/components/data-codes/bind-form';

export const metadata: Metadata = { title: '数据码' };

/** 数据码 (SPEC §8.1, seed 004): tabs 绑定数据码 and 已绑定数据码. */
export default async function DataCodesPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const bound = sp.tab === 'bound';
  const tab = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined} className={`rounded-md px-3 py-1.5 text-sm ${current ? 'bg-primary text-primary-foreground' : 'hover:bg-accent'}`}>
      {label}
    </Link>
  );
  const rows = bound ? myBoundCodes(user.id) : [];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">数据码</h1>
      <nav className="flex gap-2" aria-label="数据码分类">
        {tab('/my/data-codes', '绑定数据码', !bound)}
        {tab('/my/data-codes?tab=bound', '已绑定数据码', bound)}
      </nav>
      {!bound ? (
        <div className="max-w-xl space-y-3 rounded-lg border bg-card p-4 sm:p-6">
          <p className="text-sm text-muted-foreground">
            网络接入服务商可为您签发数据码，其中包含开办主体和网站的主要信息。绑定后可据此创建主体和网站草稿，补充其余信息后提交。数据码有效期90天，只能绑定一次。
          </p>
          <BindDataCodeForm />
        </div>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无已绑定的数据码</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="已绑定数据码">
            <TableHeader>
              <TableRow>
                <TableHead>数据码</TableHead>
                <TableHead>主体名称</TableHead>
                <TableHead>网站数</TableHead>
                <TableHead>接入服务商</TableHead>
                <TableHead>绑定时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono">{r.codeMasked}</TableCell>
                  <TableCell>{r.subjectName}</TableCell>
                  <TableCell>{r.websiteCount}</TableCell>
                  <TableCell>{r.providerName}</TableCell>
                  <TableCell>{formatDateTime(r.boundAt)}</TableCell>
                  <TableCell>
                    <Link href={`/my/data-codes/${r.id}`} className="text-primary hover:underline">
                      详情
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
