import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import type { FilingKind } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { fileKindsOf } from '@/lib/files/service';
import { getFilingView } from '@/lib/filings/service';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { filingAboutLine, filingSnippet } from '@/lib/public/snippet';
import { filingDigitsOf } from '@/lib/review/filing-number';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { FilingDetails } from '@/components/filings/filing-details';
import { CopySnippetButton } from '@/components/websites/copy-snippet-button';

function loadOwn(userId: number, kind: FilingKind, rawId: string) {
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) notFound();
  try {
    return getFilingView(userId, kind, Number(rawId));
  } catch (e) {
    // Someone else's object (or another kind's) is the same as a missing one.
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

/** APP详情 / 小程序详情: status, number, the 关于 line and badge once filed, and everything submitted. */
export async function FilingDetailPage({ kind, params }: { kind: FilingKind; params: Promise<{ id: string }> }) {
  const user = await requirePage('applicant.area');
  const { id } = await params;
  const f = loadOwn(user.id, kind, id);
  const spec = kindSpec(kind);
  const base = kindObject(kind).routeBase;
  const digits = f.status !== '已注销' && f.filedAt != null ? (filingDigitsOf(f.filingNumber) ?? null) : null;
  const about = digits ? filingAboutLine({ number: f.filingNumber!, digits }) : null;
  const snippet = digits && spec.numberShown === 'snippet' ? filingSnippet({ number: f.filingNumber!, digits }) : null;

  const info: [string, ReactNode][] = [[`${spec.label}状态`, <StatusBadge key="status" status={f.status} />]];
  if (f.filingNumber) info.push(['公安备案号', <span key="number" data-testid="filing-number">{f.filingNumber}</span>]);
  info.push(
    ['备案时间', f.filedAt ? formatDateTime(f.filedAt) : '—'],
    ['审核单位', f.unitName ?? '—'],
    ['开办主体', f.subjectName],
    [spec.identLabel, f.idents || '—'],
  );

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="min-w-0 text-xl font-semibold break-all">{f.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          {f.status === '已备案' && !f.pendingApplicationId && (
            <Button asChild size="sm">
              <Link href={`${base}/${f.id}/change`}>变更</Link>
            </Button>
          )}
          <Link href={base} className="text-sm text-primary hover:underline">
            返回我的{spec.label}
          </Link>
        </div>
      </div>

      {f.interactive && f.filedAt == null && f.status !== '已注销' && (
        <Alert variant="info" data-testid="interactive-notice">
          提供互联网交互服务的{spec.label}须通过安全评估并经公安机关面审或实地检查后方可备案。
          {f.status === '待审核' && (
            <Link href={`/my/assessments/new?filing=${f.id}`} className="ml-2 font-medium text-primary underline underline-offset-4">
              发起安全评估
            </Link>
          )}
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>备案信息</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
            {info.map(([k, v]) => (
              <div key={k} className="grid grid-cols-[6rem_1fr] gap-3">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      {about && (
        <Card data-testid="filing-badge">
          <CardHeader>
            <CardTitle>备案编号展示</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <p className="text-sm text-muted-foreground">
              {snippet ? (
                <>请在{spec.label}网站首页底部显著位置放置备案编号及图标，可复制以下HTML代码。</>
              ) : (
                <>
                  请在{spec.label}的“关于”页面或其他显著位置展示以下文字，可链接到公安备案查询页面 <span className="break-all text-foreground">{about.url}</span>。
                </>
              )}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <span className="inline-flex items-center gap-1 text-sm">
                <img src="/badge.png" srcSet="/badge@2x.png 2x" width={20} height={20} alt="" />
                {f.filingNumber}
              </span>
              <Button asChild size="sm" variant="outline">
                <a href="/badge.png" download={`公安备案图标-${digits}.png`} data-testid="badge-download">
                  下载备案编号图标
                </a>
              </Button>
            </div>
            {snippet ? <CopySnippetButton snippet={snippet} /> : <CopySnippetButton snippet={about.text} label="关于页面展示文字" button="复制展示文字" rows={1} />}
          </CardContent>
        </Card>
      )}

      <Card>
        <CardContent>
          <FilingDetails data={{ kind: f.kind, basic: f.basic, contacts: f.contacts }} fileKinds={fileKindsOf(f.fileIds)} />
        </CardContent>
      </Card>
    </div>
  );
}

