import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/utils';
import { beijingDate } from '@/lib/time';
import { latestPlacement, placementDeadline, placementOutcome, type PlacementPage } from '@/lib/websites/placement';
import { RecheckButton, type RecheckAction } from '@/components/forms/recheck-button';

function Found({ yes }: { yes: boolean }) {
  return yes ? <span className="text-success">已检测到</span> : <span className="text-destructive">未检测到</span>;
}

function PageResult({ page }: { page: PlacementPage }) {
  return page.ok ? (
    <span>已读取首页{page.status ? `（${page.status}）` : ''}</span>
  ) : (
    <span className="text-destructive">无法访问{page.error ? `（${page.error}）` : ''}</span>
  );
}

/**
 * 备案号放置检查 (SPEC §10.3) of a filed website, for its owner and its reviewers: the newest
 * result, the 30-working-day 整改期限 and 立即检测 (when `action` is given).
 */
// eslint-disable-next-line react-hooks/purity -- a Server Component: the clock is read once per request.
export function PlacementCheckCard({ websiteId, filedAt, action, now = Date.now() }: { websiteId: number; filedAt: number; action?: RecheckAction; now?: number }) {
  const check = latestPlacement(websiteId);
  const deadline = placementDeadline(filedAt);
  const passed = now > deadline.getTime();
  const outcome = check ? placementOutcome(check) : null;
  const pages: [string, PlacementPage][] = [];
  if (check?.detail.http) pages.push(['HTTP', check.detail.http]);
  if (check?.detail.https) pages.push(['HTTPS', check.detail.https]);
  const rows: [string, ReactNode][] = [
    ['最近检测时间', <span key="at" data-testid="placement-checked-at">{check ? formatDateTime(check.checkedAt) : '尚未检测'}</span>],
    [
      '检测结果',
      outcome ? (
        <Badge key="result" variant={outcome.tone} className="whitespace-normal text-left break-all" data-testid="placement-result" data-ok={check!.ok ? 'true' : 'false'}>
          {outcome.text}
        </Badge>
      ) : (
        <span key="result" className="text-muted-foreground" data-testid="placement-result">
          —
        </span>
      ),
    ],
    [
      '整改期限',
      <span key="deadline" data-testid="placement-deadline" className={passed && !check?.ok ? 'font-medium text-destructive' : undefined}>
        {beijingDate(deadline)}
        {passed ? '（已过期）' : ''}
      </span>,
    ],
  ];
  if (check?.detail.host) rows.push(['检测地址', <span key="host" className="font-mono">{check.detail.host}</span>]);

  return (
    <Card data-testid="placement-check">
      <CardHeader>
        <CardTitle>备案号放置检查</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <p className="text-muted-foreground">系统读取网站主域名首页（HTTP 和 HTTPS），检查是否放置了公安备案号及指向本平台查询页面的链接；整改期限前每天自动检测一次。</p>
        <dl className="grid gap-x-8 gap-y-3 md:grid-cols-2">
          {rows.map(([k, v]) => (
            <div key={k} className="grid grid-cols-[6rem_1fr] gap-3">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="min-w-0 break-all">{v}</dd>
            </div>
          ))}
        </dl>
        {pages.length > 0 && (
          <Table aria-label="首页检测结果">
            <TableHeader>
              <TableRow>
                <TableHead>协议</TableHead>
                <TableHead>首页访问</TableHead>
                <TableHead>备案号</TableHead>
                <TableHead>查询链接</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pages.map(([scheme, page]) => (
                <TableRow key={scheme}>
                  <TableCell>{scheme}</TableCell>
                  <TableCell className="whitespace-normal">
                    <PageResult page={page} />
                  </TableCell>
                  <TableCell>{page.ok ? <Found yes={page.numberFound} /> : '—'}</TableCell>
                  <TableCell>{page.ok ? <Found yes={page.linkFound} /> : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {action && <RecheckButton id={websiteId} action={action} label="立即检测" testId="placement-check" />}
      </CardContent>
    </Card>
  );
}
