import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { getMyAssessment } from '@/lib/assessments/service';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';
import { canRevoke } from '@/lib/applications/rules';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { RevokeApplicationButton } from '@/components/applications/revoke-application-button';
import { AssessmentDetails } from '@/components/assessments/assessment-details';

export const metadata: Metadata = { title: '安全评估详情' };

const LABELS = new Set<string>(Object.values(ASSESSMENT_FIELD_LABELS));

function loadOwn(userId: number, rawId: string) {
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) notFound();
  try {
    return getMyAssessment(userId, Number(rawId));
  } catch (e) {
    // Someone else's assessment is the same as a missing one.
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

export default async function AssessmentDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const user = await requirePage('applicant.area');
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const a = loadOwn(user.id, id);
  const app = a.application;
  const comments = app?.fieldComments ?? {};
  const leftover = Object.entries(comments).filter(([k, v]) => v && !LABELS.has(k));
  const revocable = !!app && canRevoke(app, Date.now());
  const redo = a.status === '退回' || a.status === '已撤销';

  const info: [string, ReactNode][] = [
    ['申请编号', <span key="code" className="font-mono">{app?.code ?? '—'}</span>],
    ['业务类型', '安全评估'],
    ['审核状态', <StatusBadge key="status" status={a.shownStatus} />],
    ['提交时间', formatDateTime(app?.submittedAt ?? a.createdAt)],
    ['审核单位', app?.unitName ?? '—'],
  ];
  if (app?.decidedAt && app.status !== '待审核') info.push([app.status === '已撤销' ? '撤销时间' : '审核时间', formatDateTime(app.decidedAt)]);

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">安全评估详情</h1>
        <Link href="/my/assessments" className="text-sm text-primary hover:underline">
          返回安全评估
        </Link>
      </div>

      {sp.submitted === '1' && app && (
        <Alert variant="success">
          <p className="font-medium">提交成功</p>
          <p>申请编号：{app.code}，公安机关将在10个工作日内完成审核，可在“我的申请”中查看办理进度。</p>
        </Alert>
      )}
      {a.status === '退回' && (
        <Alert variant="destructive" data-testid="return-reason">
          <p className="font-medium">安全评估已退回</p>
          <p className="whitespace-pre-wrap">退回原因：{app?.reason || '—'}</p>
          {leftover.length > 0 && (
            <ul className="mt-1 list-inside list-disc">
              {leftover.map(([label, comment]) => (
                <li key={label}>
                  {label}：{comment}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1">请按审核意见修改后重新发起安全评估。</p>
        </Alert>
      )}
      {a.status === '通过' && (
        <Alert variant="success" data-testid="assessment-approved">
          <p className="font-medium">安全评估已通过</p>
          {a.website?.interactive && a.website.status === '待审核' && <p>网站备案申请将由公安机关安排面审或实地检查，请留意系统通知。</p>}
          {a.filing?.interactive && a.filing.status === '待审核' && <p>{a.filing.kind}备案申请将由公安机关安排面审或实地检查，请留意系统通知。</p>}
        </Alert>
      )}

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
          {(revocable || redo || app) && (
            <div className="mt-5 flex flex-wrap items-start gap-3 border-t pt-4">
              {revocable && app && <RevokeApplicationButton applicationId={app.id} />}
              {redo && (
                <Button asChild>
                  <Link href={`/my/assessments/new?from=${a.id}`}>重新发起评估</Link>
                </Button>
              )}
              {app && (
                <Button asChild variant="outline">
                  <Link href={`/my/applications/${app.id}`}>查看申请</Link>
                </Button>
              )}
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <AssessmentDetails data={a} comments={comments} />
        </CardContent>
      </Card>
    </div>
  );
}
