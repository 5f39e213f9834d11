import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { sessionRemainingMs } from '@/lib/auth/session-remaining';
import { currentSubjectView } from '@/lib/subjects/service';
import { assessableFilings, assessableWebsites, ASSESSABLE_SUBJECT_STATUSES, getMyAssessment } from '@/lib/assessments/service';
import { getDraft, latestDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { AssessmentWizard } from '@/components/assessments/assessment-wizard';
import {
  assessmentFileIds,
  emptyAssessmentValues,
  keepSelectableTarget,
  restoreAssessmentDraft,
  toAssessmentValues,
  type AssessmentWizardValues,
  type RestoredAssessmentDraft,
} from '@/lib/assessments/form-values';

export const metadata: Metadata = { title: '发起安全评估' };

const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null);

function tryLoad<T>(load: () => T): { value: T } | { problem: string } {
  try {
    return { value: load() };
  } catch (e) {
    if (isAppError(e)) return { problem: e.message };
    throw e;
  }
}

function Blocked({ message, actions }: { message: string; actions: { href: string; label: string }[] }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">发起安全评估</h1>
      <Alert variant="destructive">
        <p>{message}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          {actions.map((a, i) => (
            <Button key={a.href} asChild size="sm" variant={i === 0 ? 'default' : 'outline'}>
              <Link href={a.href}>{a.label}</Link>
            </Button>
          ))}
        </div>
      </Alert>
    </div>
  );
}

/**
 * 发起安全评估 (SPEC §7, §15). `?draft=` reopens a draft, `?website=` preselects a website (from its
 * detail page), `?filing=` an APP / 小程序, `?from=` starts from a returned or revoked assessment.
 */
export default async function NewAssessmentPage({ searchParams }: { searchParams: Promise<{ draft?: string; website?: string; filing?: string; from?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;

  const subject = currentSubjectView(user.id);
  if (!subject) return <Blocked message="请先申请开办主体并办理新办网站、新增APP或新增小程序申请，再发起安全评估。" actions={[{ href: '/my/subject/new', label: '申请开办主体' }]} />;
  if (!(ASSESSABLE_SUBJECT_STATUSES as readonly string[]).includes(subject.status))
    return (
      <Blocked
        message={`当前主体状态为“${subject.status}”，不能发起安全评估。${subject.status === '已退回' ? '请在我的申请中查看退回原因，修改主体信息并重新提交后再办理。' : '请切换到其他主体，或待主体业务办结后再办理。'}`}
        actions={[
          { href: '/my/subject', label: '我的主体' },
          { href: '/my/applications', label: '我的申请' },
        ]}
      />
    );

  const websites = assessableWebsites(user.id, subject.id);
  const filings = assessableFilings(user.id, subject.id);
  const notices: string[] = [];

  const preselect = idParam(sp.website);
  let initialValues: AssessmentWizardValues = emptyAssessmentValues();
  if (preselect) {
    const w = websites.find((x) => x.id === preselect);
    if (!w) notices.push('所选网站不属于当前主体或当前状态不能发起安全评估，请重新选择。');
    else if (w.pending) notices.push(`“${w.name}”已有审核中的安全评估，请待审核完成后再发起。`);
    else initialValues = emptyAssessmentValues(w.id);
  }
  const preselectFiling = idParam(sp.filing);
  if (preselectFiling) {
    const f = filings.find((x) => x.id === preselectFiling);
    if (!f) notices.push('所选APP或小程序不属于当前主体、未提供互联网交互服务或当前状态不能发起安全评估，请重新选择。');
    else if (f.pending) notices.push(`“${f.name}”已有审核中的安全评估，请待审核完成后再发起。`);
    else initialValues = emptyAssessmentValues(null, { type: f.kind, id: f.id });
  }

  // 重新发起 from a returned (or revoked) assessment: its report and files, to correct.
  const fromId = idParam(sp.from);
  if (fromId) {
    const r = tryLoad(() => getMyAssessment(user.id, fromId));
    if ('problem' in r) notices.push(r.problem);
    else if (r.value.status === '退回' || r.value.status === '已撤销') {
      const a = r.value;
      const target = a.filing ? { targetType: a.filing.kind, filingId: a.filing.id } : { targetType: '网站', websiteId: a.website?.id };
      // The object must still be one that can be chosen.
      initialValues = keepSelectableTarget(toAssessmentValues({ report: { ...a.report, ...target }, files: a.fileIds }), websites, filings);
      notices.push('已带入原安全评估的内容，请按审核意见修改后重新提交。');
    }
  }

  let draft: RestoredAssessmentDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  const draftId = idParam(sp.draft);
  if (draftId) {
    const r = tryLoad(() => getDraft(user.id, draftId));
    if ('problem' in r) notices.push(r.problem);
    else if (r.value.type !== '安全评估') notices.push('该草稿不是安全评估的草稿');
    else if (r.value.subjectId && r.value.subjectId !== subject.id) notices.push('该草稿属于其他开办主体，请先切换到该主体后再使用。');
    else {
      draft = restoreAssessmentDraft(r.value);
      draftAction = 'restore';
    }
  } else if (!fromId) {
    const latest = latestDraft(user.id, '安全评估', subject.id);
    if (latest) {
      draft = restoreAssessmentDraft(latest);
      draftAction = 'prompt';
    }
  }

  // A draft's object that can no longer be chosen (cancelled, under review, …) is left unchosen.
  if (draft) draft = { ...draft, values: keepSelectableTarget(draft.values, websites, filings) };

  const files = uploadedFilesOf(user.id, [...assessmentFileIds(initialValues), ...assessmentFileIds(draft?.values)]);

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">发起安全评估</h1>
          <p className="text-sm text-muted-foreground">
            分四步填写：填写自评估报告、自评估报告盖章件、上传第三方检测报告、提示说明。带 <span className="text-destructive">*</span> 的为必填项，每一步都可以保存草稿。
          </p>
        </div>
        <Link href="/my/assessments" className="text-sm text-primary hover:underline">
          返回安全评估
        </Link>
      </div>
      <p className="text-sm break-all text-muted-foreground">
        当前主体：<span className="text-foreground">{subject.name}</span>
      </p>
      {notices.map((n) => (
        <Alert key={n} variant="info">
          {n}
        </Alert>
      ))}
      <AssessmentWizard
        websites={websites}
        filings={filings}
        initialValues={initialValues}
        files={files}
        draft={draft}
        draftAction={draftAction}
        sessionRemainingMs={await sessionRemainingMs()}
      />
    </div>
  );
}
