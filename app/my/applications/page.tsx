import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { APPLICATION_STATUSES, BUSINESS_TYPES, listMyApplications } from '@/lib/applications/service';
import type { BusinessType, ApplicationStatus } from '@/db/schema';
import { formatDateTime } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/applications/status-badge';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '我的申请' };

type SP = { type?: string; status?: string; page?: string };

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

export default async function MyApplicationsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const type = oneOf<BusinessType>(BUSINESS_TYPES, sp.type);
  const status = oneOf<ApplicationStatus>(APPLICATION_STATUSES, sp.status);
  const { rows, total, page, pageSize } = listMyApplications(user.id, { type, status, page: pageParam(sp.page) });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">我的申请</h1>
      <form method="get" action="/my/applications" role="search" aria-label="查询申请" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-type" label="业务类型" className="w-full sm:w-48">
          <NativeSelect id="filter-type" name="type" defaultValue={type ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {BUSINESS_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-status" label="审核状态" className="w-full sm:w-48">
          <NativeSelect id="filter-status" name="status" defaultValue={status ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {APPLICATION_STATUSES.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {s}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit">查询</Button>
        {(type || status) && (
          <Button variant="outline" asChild>
            <Link href="/my/applications">清空</Link>
          </Button>
        )}
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无申请记录</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="申请列表">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">序号</TableHead>
                <TableHead>申请编号</TableHead>
                <TableHead>业务类型</TableHead>
                <TableHead>申请时间</TableHead>
                <TableHead>审核状态</TableHead>
                <TableHead>审核单位</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.id} data-testid="application-row">
                  <TableCell>{(page - 1) * pageSize + i + 1}</TableCell>
                  <TableCell className="font-mono">{r.code}</TableCell>
                  <TableCell>{r.type}</TableCell>
                  <TableCell>{formatDateTime(r.submittedAt)}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>{r.unitName ?? '—'}</TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-x-3 gap-y-1">
                      <Link href={`/my/applications/${r.id}`} className="text-primary hover:underline">
                        详情
                      </Link>
                      {/* A route handler, not a page: a plain download link (no prefetch). */}
                      <a href={`/api/applications/${r.id}/receipt`} download className="text-primary hover:underline">
                        下载申请回执
                      </a>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/my/applications" params={{ type, status }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
