import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { fileKindsOf } from '@/lib/files/service';
import { websiteFileIds } from '@/lib/websites/file-ids';
import { getWebsiteView } from '@/lib/websites/service';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { beijingDate } from '@/lib/time';
import { filingSnippet } from '@/lib/public/snippet';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { WebsiteDetails } from '@/components/websites/website-details';
import { CopySnippetButton } from '@/components/websites/copy-snippet-button';
import { PlacementCheckCard } from '@/components/websites/placement-check-card';
import { PLACEMENT_STATUSES, placementDeadline } from '@/lib/websites/placement';
import { checkPlacementAction } from '@/lib/websites/actions';
import { filingDigitsOf } from '@/lib/review/filing-number';

export const metadata: Metadata = { title: '网站详情' };

function loadOwn(userId: number, rawId: string) {
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) notFound();
  try {
    return getWebsiteView(userId, Number(rawId));
  } catch (e) {
    // Someone else's website is the same as a missing one.
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

export default async function WebsiteDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('applicant.area');
  const { id } = await params;
  const w = loadOwn(user.id, id);
  const filed = w.status === '已备案' && w.filedAt != null;
  const deadline = filed ? beijingDate(placementDeadline(w.filedAt!)) : null;
  // The 14 digits are the canonical key of the number (SPEC §6.4); they end the stored 公安备案号.
  const digits = filed ? (filingDigitsOf(w.filingNumber) ?? undefined) : undefined;
  const snippet = digits ? filingSnippet({ number: w.filingNumber!, digits }) : null;
  // 备案号放置检查 (SPEC §10.3) while the website is filed, a change pending included.
  const placement = w.filedAt != null && !!w.filingNumber && (PLACEMENT_STATUSES as readonly string[]).includes(w.status);

  const info: [string, ReactNode][] = [['网站状态', <StatusBadge key="status" status={w.status} />]];
  if (w.filingNumber) info.push(['公安备案号', <span key="number" data-testid="filing-number">{w.filingNumber}</span>]);
  info.push(['备案时间', w.filedAt ? formatDateTime(w.filedAt) : '—'], ['审核单位', w.unitName ?? '—'], ['开办主体', w.subjectName]);

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="min-w-0 text-xl font-semibold break-all">{w.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          {w.status === '已备案' && (
            <Button asChild size="sm">
              <Link href={`/my/websites/${w.id}/change`}>变更</Link>
            </Button>
          )}
          <Link href="/my/websites" className="text-sm text-primary hover:underline">
            返回我的网站
          </Link>
        </div>
      </div>

      {w.interactive && w.filedAt == null && w.status !== '已注销' && (
        <Alert variant="info" data-testid="interactive-notice">
          交互式网站须通过安全评估并经公安机关面审或实地检查后方可备案。{w.status === '待审核' && <Link href={`/my/assessments/new?website=${w.id}`} className="ml-2 font-medium text-primary underline underline-offset-4">发起安全评估</Link>}
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>备案信息</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
            {info.map(([k, v]) => (
              <div key={k} className="grid grid-cols-[6rem_1fr] gap-3">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 break-all">{v}</dd>
              </div>
            ))}
          </dl>
          {deadline && (
            <Alert variant="info" data-testid="display-deadline">
              请于 {deadline} 前在网站首页底部显著位置放置备案编号及图标
            </Alert>
          )}
        </CardContent>
      </Card>

      {snippet && (
        <Card data-testid="filing-badge">
          <CardHeader>
            <CardTitle>备案编号及图标</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-center gap-3">
              <span className="inline-flex items-center gap-1 text-sm">
                <img src="/badge.png" srcSet="/badge@2x.png 2x" width={20} height={20} alt="" />
                {w.filingNumber}
              </span>
              <Button asChild size="sm" variant="outline">
                <a href="/badge.png" download={`公安备案图标-${digits}.png`} data-testid="badge-download">
                  下载备案编号图标
                </a>
              </Button>
            </div>
            <CopySnippetButton snippet={snippet} />
          </CardContent>
        </Card>
      )}

      {placement && <PlacementCheckCard websiteId={w.id} filedAt={w.filedAt!} action={checkPlacementAction} />}

      <Card>
        <CardContent>
          {w.data ? <WebsiteDetails data={w.data} fileKinds={fileKindsOf(websiteFileIds(w.data))} /> : <p className="text-sm text-muted-foreground">暂无网站详细信息</p>}
        </CardContent>
      </Card>
    </div>
  );
}
