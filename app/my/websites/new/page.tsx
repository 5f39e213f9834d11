import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { sessionRemainingMs } from '@/lib/auth/session-remaining';
import { currentSubjectId } from '@/lib/subjects/service';
import { wizardSubject } from '@/lib/websites/service';
import { claimPrefill } from '@/lib/claims/service';
import { getDraft, latestDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { WebsiteWizard } from '@/components/websites/wizard-form';
import { identityMode } from '@/lib/identity/verifier';
import { fromDataCodeNotice, missingWebsiteFields } from '@/lib/data-codes/missing';
import { unfiledForOwner } from '@/lib/imports/service';
import {
  emptyWizardValues,
  prefillNameAndDomain,
  restoreWizardDraft,
  wizardFileIds,
  type RestoredWizardDraft,
  type WizardSubjectView,
} from '@/lib/websites/form-values';

export const metadata: Metadata = { title: '新办网站申请' };

const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null);

/** Subject statuses that may file a website (as the service: a 待审核 subject is reviewed with it). */
const FILABLE = ['有效', '待审核'];

function loadDraft(userId: number, id: number) {
  try {
    return { draft: getDraft(userId, id) } as const;
  } catch (e) {
    if (isAppError(e)) return { problem: e.message } as const;
    throw e;
  }
}

function Blocked({ message, actions }: { message: string; actions: { href: string; label: string }[] }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">新办网站申请</h1>
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

export default async function NewWebsitePage({ searchParams }: { searchParams: Promise<{ draft?: string; claim?: string; unfiled?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;

  const subjectId = currentSubjectId(user.id);
  const s = subjectId ? wizardSubject(user.id, subjectId) : null;
  if (!s) return <Blocked message="请先申请开办主体，主体提交后即可办理新办网站申请。" actions={[{ href: '/my/subject/new', label: '申请开办主体' }]} />;
  if (s.status === '已注销')
    return (
      <Blocked
        message="当前主体已注销，不能办理新办网站申请。请切换到其他主体，或重新申请开办主体。"
        actions={[
          { href: '/my/subject', label: '我的主体' },
          { href: '/my/subject/new', label: '申请开办主体' },
        ]}
      />
    );
  if (s.status === '已退回')
    return (
      <Blocked
        message="当前主体的申请已退回，不能办理新办网站申请。请在我的申请中查看退回原因，修改主体信息并重新提交后再办理。"
        actions={[{ href: '/my/applications?type=新增主体', label: '我的申请' }]}
      />
    );
  if (!FILABLE.includes(s.status))
    return (
      <Blocked
        message={`当前主体状态为“${s.status}”，不能办理新办网站申请，请待主体业务办结后再办理。`}
        actions={[{ href: '/my/subject', label: '我的主体' }]}
      />
    );

  const subject: WizardSubjectView = s;

  // 网站认领: /my/claims 认领 opens the wizard pre-filled from the old filing.
  const claimId = idParam(sp.claim);
  let claim: ReturnType<typeof claimPrefill> | null = null;
  if (claimId) {
    try {
      claim = claimPrefill(user.id, claimId);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return <Blocked message={e.message} actions={[{ href: '/my/claims', label: '网站认领' }]} />;
    }
  }

  let notice: string | null = null;
  let codeNotice: string | null = null;
  let draft: RestoredWizardDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  const draftId = claim ? null : idParam(sp.draft);
  // 备案 of 未备案网站申请: the row must have been pushed to a subject of this user.
  const unfiledId = claim ? null : idParam(sp.unfiled);
  const unfiled = unfiledId ? unfiledForOwner(user.id, unfiledId) : null;
  if (unfiledId && !unfiled) notice = '未找到该未备案网站';
  else if (unfiled && unfiled.subjectId !== s.id) notice = '该未备案网站属于其他开办主体，请先切换到该主体后再办理。';
  if (claim) {
    // A claim starts from the old filing, not from a 新办网站 draft.
  } else if (unfiled) {
    // Opened from 未备案网站申请: the prefilled form, no draft prompt.
  } else if (draftId) {
    const r = loadDraft(user.id, draftId);
    if ('problem' in r) notice = r.problem ?? null;
    else if (r.draft.type !== '新办网站') notice = '该草稿不是新办网站申请的草稿';
    else if (r.draft.subjectId && r.draft.subjectId !== s.id) notice = '该草稿属于其他开办主体，请先切换到该主体后再使用。';
    else {
      draft = restoreWizardDraft(r.draft);
      draftAction = 'restore';
      codeNotice = fromDataCodeNotice(r.draft.data, () => missingWebsiteFields(draft!.values));
    }
  } else {
    const latest = latestDraft(user.id, '新办网站', s.id);
    if (latest) {
      draft = restoreWizardDraft(latest);
      draftAction = 'prompt';
    }
  }

  // The old filing's (网站认领) or the pushed row's (未备案网站) 网站名称 and 网站域名.
  const prefill = claim ?? (unfiled && unfiled.subjectId === s.id ? unfiled : null);
  const initialValues = prefill ? prefillNameAndDomain(emptyWizardValues(), prefill) : emptyWizardValues();
  const files = uploadedFilesOf(user.id, wizardFileIds(draft?.values));

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{claim ? '网站认领申请' : '新办网站申请'}</h1>
        {claim && <p className="text-sm">认领原备案：{claim.oldNumber}。审核通过后网站沿用原公安备案号。</p>}
        <p className="text-sm text-muted-foreground">
          分四步填写：开办主体、网站基本信息、网站负责人、提示说明。带 <span className="text-destructive">*</span> 的为必填项，每一步都可以保存草稿。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      {codeNotice && <Alert variant="info">{codeNotice}</Alert>}
      <WebsiteWizard
        subject={subject}
        initialValues={initialValues}
        files={files}
        draft={draft}
        draftAction={draftAction}
        sessionRemainingMs={await sessionRemainingMs()}
        identity={identityMode()}
        claim={claim ? { legacyId: claim.id } : null}
      />
    </div>
  );
}
