import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/session';
import { canDecide } from '@/lib/auth/policy';
import { unitName } from '@/lib/units/service';
import type { BusinessType } from '@/db/schema';
import { BUSINESS_TYPES } from '@/lib/applications/service';
import { listDecided, listQueue, QUEUE_PAGE_SIZE, type QueueRow } from '@/lib/review/service';
import { OPEN_STATUSES } from '@/lib/review/due';
import { decidedInfo, formatDate } from '@/lib/review/view';
import { formatDateTime } from '@/lib/utils';
import { pageParam } from '@/components/ui/pagination';
import { LatestNotice } from '@/components/layout/latest-notice';
import { ReviewHomeView, type ReviewHomeData } from '@/components/review/review-home-view';

export const metadata: Metadata = { title: '审核工作台' };

type SP = { tab?: string; type?: string; status?: string; overdue?: string; q?: string; page?: string };
type OpenStatus = (typeof OPEN_STATUSES)[number];
type Reviewer = Awaited<ReturnType<typeof requirePage>>;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/** A queue row's columns as shown in both lists. */
function rowView(r: QueueRow) {
  const { id, code, type, subjectName, websiteName, domain, status, unitName } = r;
  return { id, code, type, subjectName, websiteName, domain, status, unitName, submitted: formatDateTime(r.submittedAt) };
}

/** 待办: the filter from the query string, and that page of the queue. */
function todoList(user: Reviewer, sp: SP): ReviewHomeData['list'] {
  const type = oneOf<BusinessType>(BUSINESS_TYPES, sp.type);
  const status = oneOf<OpenStatus>(OPEN_STATUSES, sp.status);
  const overdue = sp.overdue === '1';
  const q = (sp.q ?? '').trim().slice(0, 100);
  const { rows, total, page, pageSize } = listQueue(user, { type, status, overdue, q: q || undefined, page: pageParam(sp.page) });
  return {
    tab: 'todo',
    filter: { type: type ?? '', status: status ?? '', overdue, q },
    types: BUSINESS_TYPES,
    statuses: OPEN_STATUSES,
    rows: rows.map((r) => ({ ...rowView(r), due: formatDate(r.dueAt), overdue: r.overdue, handler: r.handler })),
    page,
    pageSize,
    total,
  };
}

/** 已办: that page of what the reviewer's unit decided, with when and by whom. */
function doneList(user: Reviewer, page: number): ReviewHomeData['list'] {
  const { rows, total } = listDecided(user, page);
  const info = decidedInfo(rows.map((r) => r.id));
  return {
    tab: 'done',
    rows: rows.map((r) => ({ ...rowView(r), decided: formatDateTime(info.get(r.id)?.decidedAt), decider: info.get(r.id)?.decider ?? null })),
    page,
    pageSize: QUEUE_PAGE_SIZE,
    total,
  };
}

export default async function ReviewHome({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePage('review.area');
  const sp = await searchParams;
  const isAdmin = user.role === 'admin';
  const data: ReviewHomeData = {
    unitLabel: (user.unitId ? unitName(user.unitId) : null) ?? (isAdmin ? '全部单位' : '未分配'),
    mustVerifyPhone: !canDecide(user),
    isAdmin,
    list: sp.tab === 'done' ? doneList(user, pageParam(sp.page)) : todoList(user, sp),
  };
  return (
    <div className="space-y-4">
      <LatestNotice userId={user.id} />
      <ReviewHomeView data={data} />
    </div>
  );
}
