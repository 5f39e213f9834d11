import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { fileKindsOf } from '@/lib/files/service';
import { websiteFileIds } from '@/lib/websites/file-ids';
import { getMyApplication } from '@/lib/applications/service';
import { canRevoke } from '@/lib/applications/rules';
import { getSubjectView } from '@/lib/subjects/service';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { applicationContent } from '@/components/applications/application-content';
import { RevokeApplicationButton } from '@/components/applications/revoke-application-button';
import { resubmitHref } from '@/lib/applications/links';
import { handlerOf } from '@/lib/applications/handlers';

export const metadata: Metadata = { title: '申请详情' };

function loadOwn(userId: number, rawId: string) {
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) notFound();
  try {
    return getMyApplication(userId, Number(rawId));
  } catch (e) {
    // Someone else's application is the same as a missing one.
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

/** 重新提交 only while the subject still waits for it (not already resubmitted). */
function subjectStatusOf(userId: number, subjectId: number | null): string | null {
  if (!subjectId) return null;
  try {
    return getSubjectView(userId, subjectId).status;
  } catch {
    return null;
  }
}

export default async function ApplicationDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ submitted?: string }>;
}) {
  const user = await requirePage('applicant.area');
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const app = loadOwn(user.id, id);
  const now = Date.now();
  const handler = handlerOf(app.type);
  // Held back from the queue until a business application releases it (a 新增主体).
  const heldBack = app.status === '待审核' && !app.queued ? handler.describe.heldBackNotice : null;
  const { node, leftover } = applicationContent(app, fileKindsOf(websiteFileIds('website' in app.payload ? app.payload.website : null)));
  const resubmitLink = app.status === '退回' || app.status === '已撤销' ? resubmitHref(app.type, app.id) : null;
  const resubmit = resubmitLink && subjectStatusOf(user.id, app.subjectId) === '已退回' ? resubmitLink : null;
  const revocable = canRevoke(app, now);

  const info: [string, ReactNode][] = [
    ['申请编号', <span key="code" className="font-mono">{app.code}</span>],
    ['业务类型', app.type],
    ['审核状态', <StatusBadge key="status" status={app.status} />],
    ['申请时间', formatDateTime(app.submittedAt)],
    ['审核单位', app.unitName ?? '—'],
  ];
  if (app.decidedAt && app.status !== '待审核') info.push([app.status === '已撤销' ? '撤销时间' : '审核时间', formatDateTime(app.decidedAt)]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">申请详情</h1>
        <Link href="/my/applications" className="text-sm text-primary hover:underline">
          返回我的申请
        </Link>
      </div>

      {sp.submitted === '1' && (
        <Alert variant="success">
          <p className="font-medium">提交成功</p>
          <p>申请编号：{app.code}，可在“我的申请”中查看办理进度。</p>
        </Alert>
      )}
      {heldBack && (
        <Alert variant="info" data-testid="held-back">
          {heldBack}
        </Alert>
      )}
      {app.status === '退回' && (
        <Alert variant="destructive" data-testid="return-reason">
          <p className="font-medium">申请已退回</p>
          <p className="whitespace-pre-wrap">退回原因：{app.reason || '—'}</p>
          {leftover.length > 0 && (
            <ul className="mt-1 list-inside list-disc">
              {leftover.map(([label, comment]) => (
                <li key={label}>
                  {label}：{comment}
                </li>
              ))}
            </ul>
          )}
          {Object.keys(app.fieldComments ?? {}).length > leftover.length && <p className="mt-1">各字段的审核意见见下方对应字段。</p>}
        </Alert>
      )}
      {app.status === '已撤销' && app.reason && <Alert>说明：{app.reason}</Alert>}

      <Card>
        <CardHeader>
          <CardTitle>申请信息</CardTitle>
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
          <div className="mt-5 flex flex-wrap items-start gap-3 border-t pt-4">
            <Button variant="outline" asChild>
              <a href={`/api/applications/${app.id}/receipt`} download>
                下载申请回执
              </a>
            </Button>
            {revocable && <RevokeApplicationButton applicationId={app.id} />}
            {resubmit && (
              <Button asChild>
                <Link href={resubmit}>重新提交</Link>
              </Button>
            )}
          </div>
        </CardContent>
      </Card>

      {node && (
        <Card>
          <CardContent>{node}</CardContent>
        </Card>
      )}
    </div>
  );
}
