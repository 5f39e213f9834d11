import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/session';
import { canDecide } from '@/lib/auth/policy';
import { unitName } from '@/lib/units/service';
import type { BusinessType } from '@/db/schema';
import { BUSINESS_TYPES } from '@/lib/applications/service';
import { listDecided, listQueue, QUEUE_PAGE_SIZE, type QueueRow } from '@/lib/review/service';
import { OPEN_STATUSES } from '@/lib/review/due';
import { decidedInfo, formatDate } from '@/lib/review/view';
import { cn, formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/applications/status-badge';
import { LatestNotice } from '@/components/layout/latest-notice';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Checkbox } from '@/components/ui/checkbox';

export const metadata: Metadata = { title: '审核工作台' };

type SP = { tab?: string; type?: string; status?: string; overdue?: string; q?: string; page?: string };
type OpenStatus = (typeof OPEN_STATUSES)[number];

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

function SiteCell({ r }: { r: QueueRow }) {
  if (!r.websiteName && !r.domain) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="min-w-0">
      <div>{r.websiteName ?? '—'}</div>
      {r.domain && <div className="text-xs text-muted-foreground">{r.domain}</div>}
    </div>
  );
}

function Tabs({ tab }: { tab: 'todo' | 'done' }) {
  const item = (key: 'todo' | 'done', href: string, label: string) => (
    <Link
      href={href}
      aria-current={tab === key ? 'page' : undefined}
      className={cn(
        '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
        tab === key ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="审核列表" className="flex border-b">
      {item('todo', '/review', '待办')}
      {item('done', '/review?tab=done', '已办')}
    </nav>
  );
}

export default async function ReviewHome({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePage('review.area');
  const sp = await searchParams;
  const unit = user.unitId ? { name: unitName(user.unitId) } : null;
  const isAdmin = user.role === 'admin';
  const tab = sp.tab === 'done' ? 'done' : 'todo';
  return (
    <div className="space-y-4">
      <LatestNotice />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">审核工作台</h1>
          <p className="text-sm text-muted-foreground">审核单位：{unit?.name ?? (isAdmin ? '全部单位' : '未分配')}</p>
        </div>
        <Link href="/review/dashboard" className="text-sm text-primary hover:underline">
          统计看板
        </Link>
      </div>
      {!canDecide(user) && (
        <Alert variant="info">
          审核人员须完成手机验证后方可审核。请前往
          <Link href="/my/account" className="mx-1 font-medium underline">
            个人中心
          </Link>
          完成手机验证。
        </Alert>
      )}
      <Tabs tab={tab} />
      {tab === 'done' ? <DoneList user={user} page={pageParam(sp.page)} isAdmin={isAdmin} /> : <TodoList user={user} sp={sp} isAdmin={isAdmin} />}
    </div>
  );
}

type ListProps = { user: Awaited<ReturnType<typeof requirePage>>; isAdmin: boolean };

function TodoList({ user, sp, isAdmin }: ListProps & { sp: SP }) {
  const type = oneOf<BusinessType>(BUSINESS_TYPES, sp.type);
  const status = oneOf<OpenStatus>(OPEN_STATUSES, sp.status);
  const overdue = sp.overdue === '1';
  const q = (sp.q ?? '').trim().slice(0, 100);
  const { rows, total, page, pageSize } = listQueue(user, { type, status, overdue, q: q || undefined, page: pageParam(sp.page) });
  return (
    <section aria-label="待办" className="space-y-4">
      <form method="get" action="/review" role="search" aria-label="查询待办申请" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-type" label="业务类型" className="w-full sm:w-40">
          <NativeSelect id="filter-type" name="type" defaultValue={type ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {BUSINESS_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-status" label="状态" className="w-full sm:w-36">
          <NativeSelect id="filter-status" name="status" defaultValue={status ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {OPEN_STATUSES.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {s}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-q" label="关键词" className="w-full sm:w-72">
          <Input id="filter-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder="主体名称、网站名称、域名或申请编号" />
        </Field>
        <div className="flex h-9 items-center gap-2">
          <Checkbox id="filter-overdue" name="overdue" value="1" defaultChecked={overdue} />
          <label htmlFor="filter-overdue" className="text-sm font-medium">
            仅看超期
          </label>
        </div>
        <div className="flex gap-2">
          <Button type="submit">查询</Button>
          <Button variant="outline" asChild>
            <Link href="/review">清空</Link>
          </Button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground" data-testid="queue-empty">
          暂无待审核申请
        </p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="待办申请列表">
            <TableHeader>
              <TableRow>
                <TableHead>业务类型</TableHead>
                <TableHead>主体名称</TableHead>
                <TableHead>网站名称/域名</TableHead>
                <TableHead>申请时间</TableHead>
                <TableHead>办理时限</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>处理人</TableHead>
                {isAdmin && <TableHead>审核单位</TableHead>}
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow
                  key={r.id}
                  data-testid="queue-row"
                  data-code={r.code}
                  data-overdue={r.overdue ? 'true' : undefined}
                  className={cn(r.overdue && 'bg-destructive/5 hover:bg-destructive/10 [&>td:first-child]:shadow-[inset_4px_0_0_var(--destructive)]')}
                >
                  <TableCell>{r.type}</TableCell>
                  <TableCell className="max-w-60 whitespace-normal break-all">{r.subjectName ?? '—'}</TableCell>
                  <TableCell className="max-w-60 whitespace-normal break-all">
                    <SiteCell r={r} />
                  </TableCell>
                  <TableCell>{formatDateTime(r.submittedAt)}</TableCell>
                  <TableCell>
                    <span className={cn(r.overdue && 'font-medium text-destructive')}>{formatDate(r.dueAt) || '—'}</span>
                    {r.overdue && (
                      <Badge className="ml-2 bg-destructive text-white">已超期</Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>{r.handler ?? '—'}</TableCell>
                  {isAdmin && <TableCell>{r.unitName ?? '—'}</TableCell>}
                  <TableCell>
                    <Link href={`/review/${r.id}`} className="font-medium text-primary hover:underline">
                      办理
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/review" params={{ type, status, overdue: overdue ? '1' : undefined, q: q || undefined }} page={page} pageSize={pageSize} total={total} />
    </section>
  );
}

function DoneList({ user, page, isAdmin }: ListProps & { page: number }) {
  const { rows, total } = listDecided(user, page);
  const info = decidedInfo(rows.map((r) => r.id));
  return (
    <section aria-label="已办" className="space-y-4">
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground" data-testid="done-empty">
          暂无已办申请
        </p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="已办申请列表">
            <TableHeader>
              <TableRow>
                <TableHead>业务类型</TableHead>
                <TableHead>主体名称</TableHead>
                <TableHead>网站名称/域名</TableHead>
                <TableHead>申请时间</TableHead>
                <TableHead>审核时间</TableHead>
                <TableHead>审核结果</TableHead>
                <TableHead>审核人</TableHead>
                {isAdmin && <TableHead>审核单位</TableHead>}
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="done-row" data-code={r.code}>
                  <TableCell>{r.type}</TableCell>
                  <TableCell className="max-w-60 whitespace-normal break-all">{r.subjectName ?? '—'}</TableCell>
                  <TableCell className="max-w-60 whitespace-normal break-all">
                    <SiteCell r={r} />
                  </TableCell>
                  <TableCell>{formatDateTime(r.submittedAt)}</TableCell>
                  <TableCell>{formatDateTime(info.get(r.id)?.decidedAt) || '—'}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>{info.get(r.id)?.decider ?? '—'}</TableCell>
                  {isAdmin && <TableCell>{r.unitName ?? '—'}</TableCell>}
                  <TableCell>
                    <Link href={`/review/${r.id}`} className="font-medium text-primary hover:underline">
                      查看
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/review" params={{ tab: 'done' }} page={Math.max(1, page)} pageSize={QUEUE_PAGE_SIZE} total={total} />
    </section>
  );
}
