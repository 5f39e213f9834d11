import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listLegacy, listUnfiled } from '@/lib/imports/service';
import { UNFILED_STATES, type UnfiledState } from '@/lib/imports/unfiled';
import { LEGACY_HEADER, UNFILED_HEADER } from '@/lib/imports/csv';
import { formatDate } from '@/lib/time';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/forms/field';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: '数据导入' };

type SP = { state?: string; page?: string; tab?: string };

const UNFILED_EXAMPLE = '示例企业官网,www.example.com,统一社会信用代码证,91110105MA01C8K2XA,2026-01-05';
const LEGACY_EXAMPLE = '京公网安备11010502000001号,示例企业官网,www.example.com,示例企业有限公司,统一社会信用代码证,91110105MA01C8K2XA,13800000000,2015-03-02';

const template = (header: readonly string[], example: string) => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header.join(',')}\r\n${example}\r\n`)}`;

const STATE_VARIANT: Record<UnfiledState, 'default' | 'secondary' | 'destructive' | 'outline'> = {
  待推送: 'outline',
  已推送: 'secondary',
  已备案: 'default',
  已逾期: 'destructive',
};

export default async function AdminImportsPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requirePage('admin.area');
  const sp = await searchParams;
  const state = (UNFILED_STATES as readonly string[]).includes(sp.state ?? '') ? (sp.state as UnfiledState) : undefined;
  const tab = sp.tab === '旧备案' ? '旧备案' : '未备案网站';
  const unfiled = tab === '未备案网站' ? listUnfiled({ state, page: pageParam(sp.page) }) : null;
  const legacy = tab === '旧备案' ? listLegacy({ page: pageParam(sp.page) }) : null;
  const tabLink = (t: string, href: string) => (
    <Link
      href={href}
      aria-current={tab === t ? 'page' : undefined}
      className={tab === t ? 'border-b-2 border-primary px-1 pb-2 font-medium' : 'px-1 pb-2 text-muted-foreground hover:text-foreground'}
    >
      {t}
    </Link>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">数据导入</h1>
      <Card>
        <CardHeader>
          <CardTitle>导入CSV</CardTitle>
          <CardDescription>先预览，校验全部通过后再导入；任何一行有误则不导入任何数据。</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="grid gap-4 text-sm md:grid-cols-2">
            <div className="min-w-0 space-y-1">
              <h2 className="font-medium">未备案网站</h2>
              <p className="break-all">
                表头：<code className="rounded bg-muted px-1.5 py-0.5 font-mono">{UNFILED_HEADER.join(',')}</code>
              </p>
              <p className="text-muted-foreground">发现日期格式为 YYYY-MM-DD，不能晚于今天；证件号码按证件类型校验。</p>
              <a href={template(UNFILED_HEADER, UNFILED_EXAMPLE)} download="未备案网站导入模板.csv" className="text-primary hover:underline">
                下载模板（未备案网站）
              </a>
            </div>
            <div className="min-w-0 space-y-1">
              <h2 className="font-medium">旧备案</h2>
              <p className="break-all">
                表头：<code className="rounded bg-muted px-1.5 py-0.5 font-mono">{LEGACY_HEADER.join(',')}</code>
              </p>
              <p className="text-muted-foreground">旧备案号为14位数字，可带“京公网安备”和“号”；已被使用的号码不能导入。</p>
              <a href={template(LEGACY_HEADER, LEGACY_EXAMPLE)} download="旧备案导入模板.csv" className="text-primary hover:underline">
                下载模板（旧备案）
              </a>
            </div>
          </div>
          <ImportForm />
        </CardContent>
      </Card>

      <nav aria-label="导入数据" className="flex gap-6 border-b text-sm">
        {tabLink('未备案网站', '/admin/imports')}
        {tabLink('旧备案', '/admin/imports?tab=旧备案')}
      </nav>
      {unfiled && (
      <section aria-labelledby="unfiled-title" className="space-y-3">
        <h2 id="unfiled-title" className="sr-only">
          未备案网站
        </h2>
        <form method="get" action="/admin/imports" role="search" aria-label="筛选未备案网站" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
          <Field id="filter-state" label="状态" className="w-full sm:w-40">
            <NativeSelect id="filter-state" name="state" defaultValue={state ?? ''}>
              <NativeSelectOption value="">全部</NativeSelectOption>
              {UNFILED_STATES.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {s}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Button type="submit">查询</Button>
          {state && (
            <Button variant="outline" asChild>
              <Link href="/admin/imports">清空</Link>
            </Button>
          )}
        </form>
        {unfiled.rows.length === 0 ? (
          <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无未备案网站</p>
        ) : (
          <div className="rounded-lg border bg-card">
            <Table aria-label="未备案网站列表">
              <TableHeader>
                <TableRow>
                  <TableHead>网站名称</TableHead>
                  <TableHead>域名</TableHead>
                  <TableHead>证件号码</TableHead>
                  <TableHead>发现日期</TableHead>
                  <TableHead>状态</TableHead>
                  <TableHead>办理期限</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {unfiled.rows.map((r) => (
                  <TableRow key={r.id} data-testid="unfiled-row">
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.domain}</TableCell>
                    <TableCell className="font-mono">{r.certNumberMasked}</TableCell>
                    <TableCell>{r.discoveredOn}</TableCell>
                    <TableCell>
                      <Badge variant={STATE_VARIANT[r.state]}>{r.state}</Badge>
                    </TableCell>
                    <TableCell>{r.deadline ? formatDate(r.deadline) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <Pagination path="/admin/imports" params={{ state }} page={unfiled.page} pageSize={unfiled.pageSize} total={unfiled.total} />
      </section>
      )}

      {legacy && (
      <section aria-labelledby="legacy-title" className="space-y-3">
        <h2 id="legacy-title" className="sr-only">
          旧备案
        </h2>
        {legacy.rows.length === 0 ? (
          <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无旧备案</p>
        ) : (
          <div className="rounded-lg border bg-card">
            <Table aria-label="旧备案列表">
              <TableHeader>
                <TableRow>
                  <TableHead>旧备案号</TableHead>
                  <TableHead>网站名称</TableHead>
                  <TableHead>域名</TableHead>
                  <TableHead>开办主体名称</TableHead>
                  <TableHead>状态</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {legacy.rows.map((r) => (
                  <TableRow key={r.id} data-testid="legacy-row">
                    <TableCell className="font-mono">{r.oldNumber}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.domain}</TableCell>
                    <TableCell>{r.subjectName}</TableCell>
                    <TableCell>
                      <Badge variant={r.state === '已认领' ? 'default' : 'secondary'}>{r.state}</Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <Pagination path="/admin/imports" params={{ tab }} page={legacy.page} pageSize={legacy.pageSize} total={legacy.total} />
      </section>
      )}
    </div>
  );
}
