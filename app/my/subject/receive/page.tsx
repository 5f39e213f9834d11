import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/session';
import { hasActiveSubject, listTransferOffers } from '@/lib/subjects/service';
import { formatDateTime } from '@/lib/utils';
import { Card, CardContent } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { AcceptTransferButton } from './accept-button';

export const metadata: Metadata = { title: '接收主体' };

type Search = { name?: string | string[]; phone?: string | string[]; idNumber?: string | string[] };

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 50) ?? '';
}

const FILTERS = [
  ['name', '姓名'],
  ['phone', '手机号'],
  ['idNumber', '身份证号'],
] as const;

export default async function ReceiveSubjectPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const filter = { name: one(sp.name), phone: one(sp.phone), idNumber: one(sp.idNumber) };
  const rows = listTransferOffers(user.id, filter);
  const hasActive = hasActiveSubject(user.id);

  return (
    <div className="mx-auto w-full max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">接收主体</h1>
      <p className="text-sm text-muted-foreground">
        无有效主体的用户可接收且只可接收一个其他用户移交给您的主体。接收后，该主体及其网站、材料和办理记录将一并转入您的账号。
      </p>
      {hasActive && <Alert variant="info">您已有有效主体，不能接收其他主体</Alert>}
      <Card>
        <CardContent className="space-y-5">
          <form method="get" action="/my/subject/receive" role="search" aria-label="按发送人查询" className="space-y-3">
            <div className="grid gap-3 sm:grid-cols-3">
              {FILTERS.map(([key, label]) => (
                <div key={key} className="space-y-1.5">
                  <label htmlFor={`filter-${key}`} className="text-sm font-medium">
                    {label}
                  </label>
                  <Input id={`filter-${key}`} name={key} defaultValue={filter[key]} placeholder="请输入" autoComplete="off" maxLength={50} />
                </div>
              ))}
            </div>
            <div className="flex justify-end gap-3">
              {/* Submits the empty form below: back to the unfiltered list. */}
              <Button type="submit" form="receive-clear" variant="outline">
                清空
              </Button>
              <Button type="submit">查询</Button>
            </div>
          </form>
          <form id="receive-clear" method="get" action="/my/subject/receive" hidden />

          {rows.length === 0 ? (
            <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">暂无待接收的主体</p>
          ) : (
            <div className="rounded-lg border">
              <Table aria-label="待接收的主体">
                <TableHeader>
                  <TableRow>
                    {['序号', '主体名称', '发送人姓名', '联系电话', '身份证号', '创建时间', '操作'].map((h) => (
                      <TableHead key={h}>{h}</TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((r, i) => (
                    <TableRow key={r.id}>
                      <TableCell>{i + 1}</TableCell>
                      <TableCell className="min-w-40 whitespace-normal break-all">{r.subjectName}</TableCell>
                      <TableCell>{r.senderName}</TableCell>
                      <TableCell className="tabular-nums">{r.senderPhone}</TableCell>
                      <TableCell className="tabular-nums">{r.senderIdNumber ?? '—'}</TableCell>
                      <TableCell className="tabular-nums">{formatDateTime(r.createdAt)}</TableCell>
                      <TableCell>
                        <AcceptTransferButton transferId={r.id} subjectName={r.subjectName} disabled={hasActive} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
