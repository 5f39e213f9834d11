import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { listPushedForSubject } from '@/lib/imports/service';
import { formatDate } from '@/lib/time';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export const metadata: Metadata = { title: '未备案网站申请' };

/** 未备案网站申请 (SPEC §8.2): the sites found unfiled under the current subject, with their 办理期限. */
export default async function MyUnfiledPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const rows = subject ? listPushedForSubject(subject.id) : [];

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-xl font-semibold">未备案网站申请</h1>
      <p className="text-sm text-muted-foreground">以下网站经核查尚未办理公安联网备案，请在办理期限前点击“备案”办理新办网站申请。</p>
      {subject && (
        <p className="text-sm break-all text-muted-foreground">
          当前主体：<span className="text-foreground">{subject.name}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无需要办理备案的未备案网站</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="未备案网站">
            <TableHeader>
              <TableRow>
                <TableHead>网站名称</TableHead>
                <TableHead>域名</TableHead>
                <TableHead>发现日期</TableHead>
                <TableHead>办理期限</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="unfiled-row">
                  <TableCell>{r.name}</TableCell>
                  <TableCell className="break-all">{r.domain}</TableCell>
                  <TableCell>{r.discoveredOn}</TableCell>
                  <TableCell>{formatDate(r.deadline)}</TableCell>
                  <TableCell>
                    <Badge variant={r.state === '已逾期' ? 'destructive' : r.state === '已备案' ? 'default' : 'secondary'}>{r.state}</Badge>
                  </TableCell>
                  <TableCell>
                    {r.state === '已推送' || r.state === '已逾期' ? (
                      <Link href={`/my/websites/new?unfiled=${r.id}`} className="text-primary hover:underline">
                        备案
                      </Link>
                    ) : (
                      '—'
                    )}
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
