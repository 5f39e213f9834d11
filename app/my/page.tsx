import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { HOME_NOTICES, newestUnread } from '@/lib/notify/service';
import { recentApplications } from '@/lib/applications/service';
import { currentSubjectView } from '@/lib/subjects/service';
import { formatDateTime } from '@/lib/utils';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { StatusBadge } from '@/components/applications/status-badge';
import { heldBackSubjectApplication } from '@/lib/applications/service';
import { NoSubjectDialog } from '@/components/subjects/switch-subject-dialog';
import { LatestNotice } from '@/components/layout/latest-notice';
import { listMyWebsites } from '@/lib/websites/service';
import { listMyFilingsByKind } from '@/lib/filings/service';
import { FILING_KINDS } from '@/db/schema/filings';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { pendingDataCodeFor } from '@/lib/data-codes/bind';
import { BindDataCodePrompt } from '@/components/data-codes/bind-prompt';
import { recentAssessments } from '@/lib/assessments/service';

export const metadata: Metadata = { title: '首页' };


/** A home card: a titled region with an optional 更多 link. */
function HomeCard({ id, title, more, children }: { id: string; title: string; more?: string; children: ReactNode }) {
  return (
    <Card role="region" aria-labelledby={`${id}-title`} className="min-w-0" data-testid={`home-${id}`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        {more && (
          <Link href={more} className="text-sm text-primary hover:underline">
            更多
          </Link>
        )}
      </CardHeader>
      <CardContent className="text-sm">{children}</CardContent>
    </Card>
  );
}

export default async function ApplicantHome() {
  const user = await requirePage('account.self');
  if (user.role !== 'applicant') redirect(homeFor(user.role));
  const apps = recentApplications(user.id, 5);
  const notices = newestUnread(user.id, HOME_NOTICES);
  const subject = currentSubjectView(user.id);
  const sites = subject ? listMyWebsites(user.id, subject.id) : [];
  // 我的APP, 我的小程序…: a card only for the kinds the subject has (SPEC §15.5).
  const byKind = subject ? listMyFilingsByKind(user.id, subject.id) : null;
  const filingCards = byKind ? FILING_KINDS.map((kind) => ({ kind, rows: byKind[kind] })).filter((c) => c.rows.length) : [];
  // 已注销 leaves nothing to work with: the user has to apply for a subject again.
  const noSubject = !subject || subject.status === '已注销';
  // A provider issued a 数据码 for this account's phone or 证件号码: 绑定数据码 pops up (SPEC §8.1).
  const pendingCode = pendingDataCodeFor(user.id);
  // 安全评估 (seed 004 首页): the subject's latest, each with 详情.
  const assessments = subject && !noSubject ? recentAssessments(user.id, subject.id, 5) : [];
  const heldBack = subject?.status === '待审核' ? heldBackSubjectApplication(user.id, subject.id) : null;

  return (
    <div className="space-y-6">
      <LatestNotice />
      <h1 className="text-xl font-semibold">您好，{user.name}</h1>
      {!user.phoneVerified && (
        <Alert variant="info">
          您尚未完成手机验证。请前往
          <Link href="/my/account" className="mx-1 font-medium text-primary underline">
            个人中心
          </Link>
          完成信用认证。
        </Alert>
      )}
      {heldBack && (
        <Alert variant="info" className="border-warning bg-warning/15 text-base" data-testid="file-website-reminder">
          <p className="font-medium">您的主体信息已提交，请继续办理新办网站申请，主体将与网站一并审核。</p>
          <p className="mt-1 text-sm">
            公安机关不会单独进行主体审核。
            <Link href="/my/websites/new" className="ml-1 font-medium text-primary underline">
              新办网站申请
            </Link>
          </p>
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <HomeCard id="applications" title="我的申请" more="/my/applications">
          {apps.length === 0 ? (
            <p className="text-muted-foreground">暂无申请记录</p>
          ) : (
            <Table aria-label="最近申请">
              <TableHeader>
                <TableRow>
                  <TableHead>业务类型</TableHead>
                  <TableHead>申请时间</TableHead>
                  <TableHead>审核状态</TableHead>
                  <TableHead>操作</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {apps.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{a.type}</TableCell>
                    <TableCell>{formatDateTime(a.submittedAt)}</TableCell>
                    <TableCell>
                      <StatusBadge status={a.status} />
                    </TableCell>
                    <TableCell>
                      <Link href={`/my/applications/${a.id}`} className="text-primary hover:underline">
                        详情
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </HomeCard>

        <HomeCard id="notifications" title="系统通知" more="/my/notifications?filter=unread">
          {notices.length === 0 ? (
            <p className="text-muted-foreground">暂无未读通知</p>
          ) : (
            <ul className="space-y-2">
              {notices.map((n) => (
                <li key={n.id} className="flex justify-between gap-3">
                  <Link href={n.link ?? '/my/notifications?filter=unread'} className="min-w-0 truncate hover:underline">
                    {n.title}
                  </Link>
                  <span className="shrink-0 text-muted-foreground">{formatDateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </HomeCard>

        <HomeCard id="subject" title="我的主体">
          {subject && !noSubject ? (
            <div className="space-y-3">
              <p className="flex flex-wrap items-center gap-2">
                <Link href="/my/subject" className="min-w-0 font-medium break-all hover:underline">
                  {subject.name}
                </Link>
                <StatusBadge status={subject.status} />
              </p>
              {subject.unitName && <p className="text-muted-foreground">审核单位：{subject.unitName}</p>}
              {subject.status === '有效' && (
                <div className="flex gap-2">
                  <Button size="sm" variant="outline" asChild>
                    <Link href="/my/subject/change">变更</Link>
                  </Button>
                  <Button size="sm" variant="outline" asChild>
                    <Link href="/my/subject/cancel">注销</Link>
                  </Button>
                </div>
              )}
            </div>
          ) : (
            <div className="space-y-3">
              <p className="text-muted-foreground">暂无有效主体</p>
              <Button size="sm" asChild>
                <Link href="/my/subject/new">申请主体</Link>
              </Button>
            </div>
          )}
        </HomeCard>

        <HomeCard id="websites" title="我的网站" more="/my/websites">
          {sites.length === 0 ? (
            <p className="text-muted-foreground">暂无网站</p>
          ) : (
            <ul className="divide-y">
              {sites.slice(0, 5).map((w) => (
                <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <span className="font-medium">{w.name}</span>
                    {w.domain && <span className="ml-2 break-all text-muted-foreground">{w.domain}</span>}
                    {w.filingNumber && <span className="block text-xs text-muted-foreground">{w.filingNumber}</span>}
                  </span>
                  <span className="flex items-center gap-3">
                    <StatusBadge status={w.status} />
                    <Link href={`/my/websites/${w.id}`} className="text-primary hover:underline">
                      详情<span className="sr-only">：{w.name}</span>
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </HomeCard>
        {filingCards.map(({ kind, rows }) => {
          const spec = kindSpec(kind);
          const base = kindObject(kind).routeBase;
          return (
            <HomeCard key={kind} id={base.split('/').at(-1)!} title={`我的${spec.label}`} more={base}>
              <ul className="divide-y">
                {rows.slice(0, 5).map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0">
                      <Link href={`${base}/${f.id}`} className="font-medium hover:underline">
                        {f.name}
                      </Link>
                      {f.idents && <span className="ml-2 break-all text-muted-foreground">{f.idents}</span>}
                      {f.filingNumber && <span className="block text-xs text-muted-foreground">{f.filingNumber}</span>}
                    </span>
                    <StatusBadge status={f.status} />
                  </li>
                ))}
              </ul>
              <Link href={`${base}/new`} className="mt-2 inline-block text-primary hover:underline">
                {spec.types.new}
              </Link>
            </HomeCard>
          );
        })}
        {subject && !noSubject && (
          <HomeCard id="assessments" title="安全评估" more="/my/assessments">
            {assessments.length === 0 ? (
              <p className="text-muted-foreground">暂无安全评估</p>
            ) : (
              <ul className="divide-y">
                {assessments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0">
                      <span className="text-muted-foreground">{a.targetType}：</span>
                      <span className="font-medium break-all">{a.targetName}</span>
                      <span className="block text-xs text-muted-foreground">{formatDateTime(a.submittedAt ?? a.createdAt)}</span>
                    </span>
                    <span className="flex items-center gap-3">
                      <StatusBadge status={a.shownStatus} />
                      <Link href={`/my/assessments/${a.id}`} className="text-primary hover:underline">
                        详情<span className="sr-only">：{a.targetName}</span>
                      </Link>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link href="/my/assessments/new" className="mt-2 inline-block text-primary hover:underline">
              发起评估
            </Link>
          </HomeCard>
        )}
      </div>
      {pendingCode ? <BindDataCodePrompt {...pendingCode} /> : noSubject && <NoSubjectDialog />}
    </div>
  );
}
