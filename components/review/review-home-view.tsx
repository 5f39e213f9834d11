'use client';

import { Link } from '@/components/ui/link';
import { cn } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/applications/status-badge';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Checkbox } from '@/components/ui/checkbox';
import { VerifyPhoneAlert } from './verify-phone-alert';

/** One application of a list, as shown: times are already text. */
type RowView = {
  id: number;
  code: string;
  type: string;
  subjectName: string | null;
  websiteName: string | null;
  domain: string | null;
  submitted: string;
  status: string;
  unitName: string | null;
};

export type TodoRowView = RowView & { due: string; overdue: boolean; handler: string | null };
export type DoneRowView = RowView & { decided: string; decider: string | null };

type Paging = { page: number; pageSize: number; total: number };

/** What 审核工作台 shows, read and formatted on the server (app/review/page.tsx). */
export type ReviewHomeData = {
  /** 审核单位：… */
  unitLabel: string;
  /** Not yet phone-verified: may look but not decide. */
  mustVerifyPhone: boolean;
  isAdmin: boolean;
  list:
    | ({
        tab: 'todo';
        filter: { type: string; status: string; overdue: boolean; q: string };
        /** The filter's choices (业务类型, 状态). */
        types: readonly string[];
        statuses: readonly string[];
        rows: TodoRowView[];
      } & Paging)
    | ({ tab: 'done'; rows: DoneRowView[] } & Paging);
};

function SiteCell({ r }: { r: RowView }) {
  if (!r.websiteName && !r.domain) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="min-w-0">
      <div>{r.websiteName ?? '—'}</div>
      {r.domain && <div className="text-xs text-muted-foreground">{r.domain}</div>}
    </div>
  );
}

/** The columns both lists open with. */
function LeadHeads() {
  return (
    <>
      <TableHead>业务类型</TableHead>
      <TableHead>主体名称</TableHead>
      <TableHead>网站名称/域名</TableHead>
      <TableHead>申请时间</TableHead>
    </>
  );
}

function LeadCells({ r }: { r: RowView }) {
  return (
    <>
      <TableCell>{r.type}</TableCell>
      <TableCell className="max-w-60 whitespace-normal break-all">{r.subjectName ?? '—'}</TableCell>
      <TableCell className="max-w-60 whitespace-normal break-all">
        <SiteCell r={r} />
      </TableCell>
      <TableCell>{r.submitted}</TableCell>
    </>
  );
}

/** …and close with: 审核单位 (admins see every unit's) and the link to the application. */
function CloseHeads({ isAdmin }: { isAdmin: boolean }) {
  return (
    <>
      {isAdmin && <TableHead>审核单位</TableHead>}
      <TableHead>操作</TableHead>
    </>
  );
}

function CloseCells({ r, isAdmin, action }: { r: RowView; isAdmin: boolean; action: string }) {
  return (
    <>
      {isAdmin && <TableCell>{r.unitName ?? '—'}</TableCell>}
      <TableCell>
        <Link href={`/review/${r.id}`} className="font-medium text-primary hover:underline">
          {action}
        </Link>
      </TableCell>
    </>
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

/**
 * 审核工作台: heading, tabs, the 待办 filter and list or the 已办 list. Its only interactive part
 * is the GET filter form, but it is a client component on purpose, like 我的首页's cards
 * (components/home/applicant-home-view.tsx, issue 17): the table goes into the RSC data as its
 * rows' values, not as a second copy of its markup. The HTML is the same as a server component's.
 */
export function ReviewHomeView({ data }: { data: ReviewHomeData }) {
  const { list } = data;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">审核工作台</h1>
          <p className="text-sm text-muted-foreground">审核单位：{data.unitLabel}</p>
        </div>
        <Link href="/review/dashboard" className="text-sm text-primary hover:underline">
          统计看板
        </Link>
      </div>
      {data.mustVerifyPhone && (
        <VerifyPhoneAlert />
      )}
      <Tabs tab={list.tab} />
      {list.tab === 'done' ? <DoneList list={list} isAdmin={data.isAdmin} /> : <TodoList list={list} isAdmin={data.isAdmin} />}
    </>
  );
}

type TodoData = Extract<ReviewHomeData['list'], { tab: 'todo' }>;
type DoneData = Extract<ReviewHomeData['list'], { tab: 'done' }>;

function TodoList({ list, isAdmin }: { list: TodoData; isAdmin: boolean }) {
  const { filter, rows } = list;
  return (
    <section aria-label="待办" className="space-y-4">
      <form method="get" action="/review" role="search" aria-label="查询待办申请" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-type" label="业务类型" className="w-full sm:w-40">
          <NativeSelect id="filter-type" name="type" defaultValue={filter.type}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {list.types.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-status" label="状态" className="w-full sm:w-36">
          <NativeSelect id="filter-status" name="status" defaultValue={filter.status}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {list.statuses.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {s}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-q" label="关键词" className="w-full sm:w-72">
          <Input id="filter-q" name="q" type="search" defaultValue={filter.q} maxLength={100} placeholder="主体名称、网站名称、域名或申请编号" />
        </Field>
        <div className="flex h-9 items-center gap-2">
          <Checkbox id="filter-overdue" name="overdue" value="1" defaultChecked={filter.overdue} />
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
                <LeadHeads />
                <TableHead>办理时限</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>处理人</TableHead>
                <CloseHeads isAdmin={isAdmin} />
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
                  <LeadCells r={r} />
                  <TableCell>
                    <span className={cn(r.overdue && 'font-medium text-destructive')}>{r.due || '—'}</span>
                    {r.overdue && <Badge className="ml-2 bg-destructive text-white">已超期</Badge>}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>{r.handler ?? '—'}</TableCell>
                  <CloseCells r={r} isAdmin={isAdmin} action="办理" />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination
        path="/review"
        params={{ type: filter.type || undefined, status: filter.status || undefined, overdue: filter.overdue ? '1' : undefined, q: filter.q || undefined }}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </section>
  );
}

function DoneList({ list, isAdmin }: { list: DoneData; isAdmin: boolean }) {
  const { rows } = list;
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
                <LeadHeads />
                <TableHead>审核时间</TableHead>
                <TableHead>审核结果</TableHead>
                <TableHead>审核人</TableHead>
                <CloseHeads isAdmin={isAdmin} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="done-row" data-code={r.code}>
                  <LeadCells r={r} />
                  <TableCell>{r.decided || '—'}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>{r.decider ?? '—'}</TableCell>
                  <CloseCells r={r} isAdmin={isAdmin} action="查看" />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/review" params={{ tab: 'done' }} page={list.page} pageSize={list.pageSize} total={list.total} />
    </section>
  );
}
