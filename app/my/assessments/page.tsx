import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { assessableFilings, assessableWebsites, listMyAssessments } from '@/lib/assessments/service';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/applications/status-badge';

export const metadata: Metadata = { title: '安全评估' };

/** 安全评估 (SPEC §7): the current subject's assessments and 发起评估. */
export default async function MyAssessmentsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const subject = currentSubjectView(user.id);
  const { rows, total, page, pageSize } = subject ? listMyAssessments(user.id, { subjectId: subject.id, page: pageParam(sp.page) }) : { rows: [], total: 0, page: 1, pageSize: 10 };
  // Interactive websites, APP and 小程序 still waiting for an assessment: nothing approved and nothing under review.
  const waitingSites = subject ? assessableWebsites(user.id, subject.id).filter((w) => w.interactive && !w.approved && !w.pending) : [];
  const waitingFilings = subject ? assessableFilings(user.id, subject.id).filter((f) => !f.approved && !f.pending) : [];
  const waiting = [
    ...waitingSites.map((w) => ({ key: `w${w.id}`, type: '网站', name: w.name, note: w.domain, href: `/my/assessments/new?website=${w.id}` })),
    ...waitingFilings.map((f) => ({ key: `f${f.id}`, type: f.kind, name: f.name, note: f.ident, href: `/my/assessments/new?filing=${f.id}` })),
  ];

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">安全评估</h1>
        <Button asChild>
          <Link href="/my/assessments/new">发起评估</Link>
        </Button>
      </div>
      {subject && (
        <p className="text-sm break-all text-muted-foreground">
          当前主体：<span className="text-foreground">{subject.name}</span>
        </p>
      )}
      <Alert variant="info">提供互联网交互服务的网站、APP、小程序须通过安全评估，并经公安机关面审或实地检查后方可完成备案。安全评估的办理时限为10个工作日。</Alert>
      {waiting.length > 0 && (
        <Alert variant="destructive" data-testid="assessment-waiting">
          <p className="font-medium">{waitingFilings.length ? '以下提供互联网交互服务的对象尚未通过安全评估：' : '以下交互式网站尚未通过安全评估：'}</p>
          <ul className="mt-1 space-y-1">
            {waiting.map((w) => (
              <li key={w.key} className="flex flex-wrap items-center gap-x-3">
                <span className="break-all">
                  {waitingFilings.length ? `【${w.type}】` : ''}
                  {w.name}
                  {w.note ? `（${w.note}）` : ''}
                </span>
                <Link href={w.href} className="font-medium underline underline-offset-4">
                  发起安全评估<span className="sr-only">：{w.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {rows.length === 0 ? (
        <div className="space-y-3 rounded-lg border bg-card p-8 text-center">
          <p className="text-muted-foreground">暂无安全评估</p>
          <Link href="/my/assessments/new" className="text-sm font-medium text-primary hover:underline">
            发起评估
          </Link>
        </div>
      ) : (
        <div className="min-w-0 rounded-lg border bg-card">
          <Table aria-label="安全评估列表">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">序号</TableHead>
                <TableHead>评估对象</TableHead>
                <TableHead>申请编号</TableHead>
                <TableHead>提交时间</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.id} data-testid="assessment-row">
                  <TableCell>{(page - 1) * pageSize + i + 1}</TableCell>
                  <TableCell className="max-w-72 whitespace-normal break-all">
                    <span className="text-muted-foreground">{r.targetType}：</span>
                    {r.targetName}
                    {(r.domain ?? r.ident) && <span className="block text-xs text-muted-foreground">{r.domain ?? r.ident}</span>}
                  </TableCell>
                  <TableCell className="font-mono">{r.code ?? '—'}</TableCell>
                  <TableCell>{formatDateTime(r.submittedAt ?? r.createdAt)}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.shownStatus} />
                  </TableCell>
                  <TableCell>
                    <Link href={`/my/assessments/${r.id}`} className="text-primary hover:underline">
                      详情
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/my/assessments" page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
