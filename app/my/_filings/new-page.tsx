import type { FilingKind } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { sessionRemainingMs } from '@/lib/auth/session-remaining';
import { currentSubjectId } from '@/lib/subjects/service';
import { wizardSubject } from '@/lib/websites/service';
import { getDraft, latestDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { identityMode } from '@/lib/identity/verifier';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { emptyFilingValues, filingFileIds, restoreFilingDraft, type RestoredFilingDraft } from '@/lib/filings/form-values';
import { Alert } from '@/components/ui/alert';
import { FilingWizard } from '@/components/filings/filing-wizard';
import { Blocked, idParam } from './blocked';

/** Subject statuses that may file (as the service: a 待审核 subject is reviewed with the object). */
const FILABLE = ['有效', '待审核'];

/** 新增APP / 新增小程序 (SPEC §15.1, §15.2): the four-step wizard for the current subject. */
export async function NewFilingPage({ kind, searchParams }: { kind: FilingKind; searchParams: Promise<{ draft?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const spec = kindSpec(kind);
  const object = kindObject(kind);
  const title = spec.types.new;

  const subjectId = currentSubjectId(user.id);
  const s = subjectId ? wizardSubject(user.id, subjectId) : null;
  if (!s) return <Blocked title={title} message={`请先申请开办主体，主体提交后即可办理${title}。`} actions={[{ href: '/my/subject/new', label: '申请开办主体' }]} />;
  if (s.status === '已注销')
    return (
      <Blocked
        title={title}
        message={`当前主体已注销，不能办理${title}。请切换到其他主体，或重新申请开办主体。`}
        actions={[
          { href: '/my/subject', label: '我的主体' },
          { href: '/my/subject/new', label: '申请开办主体' },
        ]}
      />
    );
  if (s.status === '已退回')
    return (
      <Blocked
        title={title}
        message={`当前主体的申请已退回，不能办理${title}。请在我的申请中查看退回原因，修改主体信息并重新提交后再办理。`}
        actions={[{ href: '/my/applications?type=新增主体', label: '我的申请' }]}
      />
    );
  if (!FILABLE.includes(s.status))
    return <Blocked title={title} message={`当前主体状态为“${s.status}”，不能办理${title}，请待主体业务办结后再办理。`} actions={[{ href: '/my/subject', label: '我的主体' }]} />;

  let notice: string | null = null;
  let draft: RestoredFilingDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  const draftId = idParam(sp.draft);
  if (draftId) {
    try {
      const d = getDraft(user.id, draftId);
      if (d.type !== title) notice = `该草稿不是${title}的草稿`;
      else if (d.subjectId && d.subjectId !== s.id) notice = '该草稿属于其他开办主体，请先切换到该主体后再使用。';
      else {
        draft = restoreFilingDraft(kind, d);
        draftAction = 'restore';
      }
    } catch (e) {
      if (!isAppError(e)) throw e;
      notice = e.message;
    }
  } else {
    const latest = latestDraft(user.id, title, s.id);
    if (latest) {
      draft = restoreFilingDraft(kind, latest);
      draftAction = 'prompt';
    }
  }

  const files = uploadedFilesOf(user.id, filingFileIds(kind, draft?.values));
  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-sm text-muted-foreground">
          分四步填写：{object.steps.map((st) => st.title).join('、')}。带 <span className="text-destructive">*</span> 的为必填项，每一步都可以保存草稿。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      <FilingWizard
        kind={kind}
        subject={s}
        initialValues={emptyFilingValues(kind)}
        files={files}
        draft={draft}
        draftAction={draftAction}
        sessionRemainingMs={await sessionRemainingMs()}
        identity={identityMode()}
        contactTitles={spec.contactTitles}
      />
    </div>
  );
}
