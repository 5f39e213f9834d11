import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { HOME_NOTICES, newestUnread } from '@/lib/notify/service';
import { recentApplications } from '@/lib/applications/service';
import { currentSubjectSummary } from '@/lib/subjects/service';
import { formatDateTime } from '@/lib/utils';
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
import { ApplicantHomeView, type ApplicantHomeData } from '@/components/home/applicant-home-view';

export const metadata: Metadata = { title: '首页' };

export default async function ApplicantHome() {
  const user = await requirePage('account.self');
  if (user.role !== 'applicant') redirect(homeFor(user.role));
  const apps = recentApplications(user.id, 5);
  const notices = newestUnread(user.id, HOME_NOTICES);
  const subject = currentSubjectSummary(user.id);
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

  const data: ApplicantHomeData = {
    name: user.name,
    phoneVerified: user.phoneVerified,
    heldBack: heldBack != null,
    applications: apps.map((a) => ({ id: a.id, type: a.type, submitted: formatDateTime(a.submittedAt), status: a.status })),
    notices: notices.map((n) => ({ id: n.id, title: n.title, href: n.link ?? '/my/notifications?filter=unread', created: formatDateTime(n.createdAt) })),
    subject: subject && !noSubject ? { name: subject.name, status: subject.status, unitName: subject.unitName ?? null } : null,
    websites: sites.slice(0, 5).map((w) => ({ id: w.id, name: w.name, domain: w.domain ?? null, filingNumber: w.filingNumber ?? null, status: w.status })),
    filingCards: filingCards.map(({ kind, rows }) => {
      const base = kindObject(kind).routeBase;
      const spec = kindSpec(kind);
      return {
        id: base.split('/').at(-1)!,
        title: `我的${spec.label}`,
        base,
        newLabel: spec.types.new,
        rows: rows.slice(0, 5).map((f) => ({ id: f.id, name: f.name, idents: f.idents || null, filingNumber: f.filingNumber ?? null, status: f.status })),
      };
    }),
    assessments:
      subject && !noSubject
        ? assessments.map((a) => ({ id: a.id, targetType: a.targetType, targetName: a.targetName, time: formatDateTime(a.submittedAt ?? a.createdAt), status: a.shownStatus }))
        : null,
  };

  return (
    <div className="space-y-6">
      <LatestNotice userId={user.id} />
      <ApplicantHomeView data={data} />
      {pendingCode ? <BindDataCodePrompt {...pendingCode} /> : noSubject && <NoSubjectDialog />}
    </div>
  );
}
