import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listProviders, PROVIDER_KINDS, PROVIDER_SCOPES, PROVIDER_CSV_HEADER, type ProviderKind, type ProviderScope } from '@/lib/providers/service';
import { regionFullName } from '@/lib/regions/regions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/forms/field';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { ProviderFormDialog } from './provider-form-dialog';
import { DeleteProviderButton } from './delete-provider-button';
import { ImportProvidersForm } from './import-form';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '服务商名录' };

type SP = { kind?: string; scope?: string; name?: string; page?: string };

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

export default async function AdminProvidersPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requirePage('admin.area');
  const sp = await searchParams;
  const kind = oneOf<ProviderKind>(PROVIDER_KINDS, sp.kind);
  const scope = oneOf<ProviderScope>(PROVIDER_SCOPES, sp.scope);
  const name = typeof sp.name === 'string' ? sp.name.trim().slice(0, 100) || undefined : undefined;
  const { rows, total, page, pageSize } = listProviders({ kind, scope, name, page: pageParam(sp.page) });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">服务商名录</h1>
        <ProviderFormDialog />
      </div>
      <p className="text-sm text-muted-foreground">开办者在新办网站时通过“查询网络接入服务商”“查询域名注册服务商”检索本名录；境内服务商按所属地区检索（选择省份可查到省内各地的服务商）。</p>
      <form method="get" action="/admin/providers" role="search" aria-label="查询服务商" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-kind" label="类型" className="w-full sm:w-44">
          <NativeSelect id="filter-kind" name="kind" defaultValue={kind ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {PROVIDER_KINDS.map((k) => (
              <NativeSelectOption key={k} value={k}>
                {k}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-scope" label="管辖" className="w-full sm:w-32">
          <NativeSelect id="filter-scope" name="scope" defaultValue={scope ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {PROVIDER_SCOPES.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {s}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-name" label="名称" className="w-full sm:w-64">
          <Input id="filter-name" name="name" defaultValue={name ?? ''} maxLength={100} />
        </Field>
        <Button type="submit">查询</Button>
        {(kind || scope || name) && (
          <Button variant="outline" asChild>
            <Link href="/admin/providers">清空</Link>
          </Button>
        )}
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无服务商</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="服务商列表">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">序号</TableHead>
                <TableHead>类型</TableHead>
                <TableHead>名称</TableHead>
                <TableHead>管辖</TableHead>
                <TableHead>所属地区</TableHead>
                <TableHead>来源</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.id} data-testid="provider-row">
                  <TableCell>{(page - 1) * pageSize + i + 1}</TableCell>
                  <TableCell>{r.kind}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.scope}</TableCell>
                  <TableCell>{r.regionCode ? regionFullName(r.regionCode) || r.regionCode : '—'}</TableCell>
                  <TableCell>
                    {r.filingId ? (
                      <span className="space-x-2">
                        <span>服务商备案</span>
                        {r.cancelledAt && <Badge variant="secondary">已注销</Badge>}
                      </span>
                    ) : (
                      '名录维护'
                    )}
                  </TableCell>
                  <TableCell>
                    {r.filingId ? (
                      // Kept in step with the filing (变更服务商 / 注销服务商), not edited here.
                      <span className="text-muted-foreground">随备案更新</span>
                    ) : (
                      <div className="flex items-center gap-4">
                        <ProviderFormDialog provider={{ id: r.id, kind: r.kind, name: r.name, scope: r.scope, regionCode: r.regionCode }} />
                        <DeleteProviderButton id={r.id} name={r.name} />
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/providers" params={{ kind, scope, name }} page={page} pageSize={pageSize} total={total} />
      <Card>
        <CardHeader>
          <CardTitle>批量导入</CardTitle>
          <CardDescription>全部行校验通过才会导入；任何一行有误则不导入任何数据。与名录中类型、名称、地区代码都相同的记录视为重复，自动跳过。</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="space-y-2 text-sm">
            <p>
              CSV文件须为UTF-8编码（可带BOM），第一行为表头：
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono" data-testid="csv-header">
                {PROVIDER_CSV_HEADER.join(',')}
              </code>
            </p>
            <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
              <li>类型：接入服务商 或 域名注册服务商</li>
              <li>名称：2至100个字符；含逗号或引号时请用英文双引号括起，引号写作两个双引号</li>
              <li>管辖：境内 或 境外</li>
              <li>地区代码：境内服务商填6位行政区划代码（省、市、区县均可，如 110000、330100、110105）；境外服务商留空</li>
            </ul>
            <pre tabIndex={0} aria-label="CSV 示例" className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
              {['类型,名称,管辖,地区代码', '接入服务商,北京示例云计算有限公司,境内,110105', '域名注册服务商,"Example Registrar, Inc.",境外,'].join('\n')}
            </pre>
          </div>
          <ImportProvidersForm />
        </CardContent>
      </Card>
    </div>
  );
}
