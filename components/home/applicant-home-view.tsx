'use client';

import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { StatusBadge } from '@/components/applications/status-badge';

/** What 我的首页 shows, read and formatted on the server (app/my/page.tsx): times are already text. */
export type ApplicantHomeData = {
  name: string;
  phoneVerified: boolean;
  /** The subject waits for its first website application (主体与网站一并审核). */
  heldBack: boolean;
  applications: { id: number; type: string; submitted: string; status: string }[];
  notices: { id: number; title: string; href: string; created: string }[];
  /** null: no subject to work with (none, or 已注销). */
  subject: { name: string; status: string; unitName: string | null } | null;
  websites: { id: number; name: string; domain: string | null; filingNumber: string | null; status: string }[];
  /** 我的APP, 我的小程序…: only the kinds the subject has. */
  filingCards: { id: string; title: string; base: string; newLabel: string; rows: { id: number; name: string; idents: string | null; filingNumber: string | null; status: string }[] }[];
  /** null: no 安全评估 card (no subject). */
  assessments: { id: number; targetType: string; targetName: string; time: string; status: string }[] | null;
};

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

/**
 * 我的首页's greeting, reminders and cards. Nothing in it is interactive, but it is a client
 * component on purpose (issue 17): a page's server markup travels twice, as HTML and again as
 * its element tree in the RSC data, while a client component travels as these props only. For
 * this page that halves the cost of drawing the cards (about 1 ms of CPU a request). The HTML is
 * the same as a server component's.
 */
export function ApplicantHomeView({ data }: { data: ApplicantHomeData }) {
  const { subject } = data;
  return (
    <>
      <h1 className="text-xl font-semibold">您好，{data.name}</h1>
      {!data.phoneVerified && (
        <Alert variant="info">
          您尚未完成手机验证。请前往
          <Link href="/my/account" className="mx-1 font-medium text-primary underline">
            个人中心
          </Link>
          完成信用认证。
        </Alert>
      )}
      {data.heldBack && (
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
          {data.applications.length === 0 ? (
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
                {data.applications.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{a.type}</TableCell>
                    <TableCell>{a.submitted}</TableCell>
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
          {data.notices.length === 0 ? (
            <p className="text-muted-foreground">暂无未读通知</p>
          ) : (
            <ul className="space-y-2">
              {data.notices.map((n) => (
                <li key={n.id} className="flex justify-between gap-3">
                  <Link href={n.href} className="min-w-0 truncate hover:underline">
                    {n.title}
                  </Link>
                  <span className="shrink-0 text-muted-foreground">{n.created}</span>
                </li>
              ))}
            </ul>
          )}
        </HomeCard>

        <HomeCard id="subject" title="我的主体">
          {subject ? (
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
          {data.websites.length === 0 ? (
            <p className="text-muted-foreground">暂无网站</p>
          ) : (
            <ul className="divide-y">
              {data.websites.map((w) => (
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
        {data.filingCards.map((card) => (
          <HomeCard key={card.id} id={card.id} title={card.title} more={card.base}>
            <ul className="divide-y">
              {card.rows.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <Link href={`${card.base}/${f.id}`} className="font-medium hover:underline">
                      {f.name}
                    </Link>
                    {f.idents && <span className="ml-2 break-all text-muted-foreground">{f.idents}</span>}
                    {f.filingNumber && <span className="block text-xs text-muted-foreground">{f.filingNumber}</span>}
                  </span>
                  <StatusBadge status={f.status} />
                </li>
              ))}
            </ul>
            <Link href={`${card.base}/new`} className="mt-2 inline-block text-primary hover:underline">
              {card.newLabel}
            </Link>
          </HomeCard>
        ))}
        {data.assessments && (
          <HomeCard id="assessments" title="安全评估" more="/my/assessments">
            {data.assessments.length === 0 ? (
              <p className="text-muted-foreground">暂无安全评估</p>
            ) : (
              <ul className="divide-y">
                {data.assessments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0">
                      <span className="text-muted-foreground">{a.targetType}：</span>
                      <span className="font-medium break-all">{a.targetName}</span>
                      <span className="block text-xs text-muted-foreground">{a.time}</span>
                    </span>
                    <span className="flex items-center gap-3">
                      <StatusBadge status={a.status} />
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
    </>
  );
}
