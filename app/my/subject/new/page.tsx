import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { getUserProfile } from '@/lib/users/service';
import { getDraft, latestDraft } from '@/lib/drafts/service';
import { getMyApplication } from '@/lib/applications/service';
import { maskedSubject } from '@/lib/subjects/pii';
import { typedApplication } from '@/lib/applications/types';
import { handlerOf } from '@/lib/applications/handlers';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { identityMode } from '@/lib/identity/verifier';
import { orgCredentialMode } from '@/lib/identity/org-verifier';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubjectForm, type AccountOrganisation, type AccountPrincipal } from '@/components/subjects/subject-form';
import { legalAccountOf } from '@/lib/users/accounts';
import { unitTypeOfLegal } from '@/lib/users/legal';
import { EMPTY_SUBJECT_VALUES, fileIdsOf, restoreDraft, toFormValues, type RestoredDraft } from '@/lib/subjects/form-values';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { fromDataCodeNotice, missingSubjectFields } from '@/lib/data-codes/missing';

export const metadata: Metadata = { title: '新增主体' };

const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null);

/** A returned (or revoked) 新增主体 the user may correct and resubmit, masked for the page. */
function loadResubmit(userId: number, applicationId: number) {
  try {
    const app = typedApplication(getMyApplication(userId, applicationId));
    if (app.type !== '新增主体' || !['退回', '已撤销'].includes(app.status)) return { problem: '该申请不能重新提交' } as const;
    const masked = maskedSubject(app.payload);
    return {
      app: { id: app.id, code: app.code, status: app.status, reason: app.reason, fieldComments: app.fieldComments ?? {} },
      values: toFormValues(masked),
      registered: { principalIdNumber: masked.principalIdNumber ?? '', principalPhone: masked.principalPhone ?? '' },
    } as const;
  } catch (e) {
    if (isAppError(e)) return { problem: e.message } as const;
    throw e;
  }
}

function loadDraft(userId: number, id: number) {
  try {
    return { draft: getDraft(userId, id) } as const;
  } catch (e) {
    if (isAppError(e)) return { problem: e.message } as const;
    throw e;
  }
}

export default async function NewSubjectPage({ searchParams }: { searchParams: Promise<{ draft?: string; resubmit?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const profile = getUserProfile(user.id)!;
  // A 法人 account copies its organisation into 主办单位信息 (seed 004); a 个人 account itself into 负责人信息.
  const legal = legalAccountOf(user.id);
  const organisation: AccountOrganisation | null = legal
    ? { orgName: legal.orgName, creditCode: legal.creditCode, legalRepName: legal.repName, unitType: unitTypeOfLegal(legal.legalType) }
    : null;
  const account: AccountPrincipal | null =
    !legal && profile.idNumberMasked
      ? { name: profile.name, idType: profile.idType ?? '居民身份证', idNumberMasked: profile.idNumberMasked, phoneMasked: profile.phoneMasked }
      : null;

  let notice: string | null = null;
  let codeNotice: string | null = null;
  let draft: RestoredDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  let resubmitOf = idParam(sp.resubmit);

  const draftId = idParam(sp.draft);
  if (draftId) {
    const r = loadDraft(user.id, draftId);
    if ('problem' in r) notice = r.problem ?? null;
    else if (r.draft.type !== '新增主体') {
      // A draft of the other subject form (变更主体) reopens on its own page.
      const own = handlerOf(r.draft.type);
      const elsewhere = own.object === 'subject' ? own.describe.draftHref(r.draft.id, r.draft.websiteId) : null;
      if (elsewhere) redirect(elsewhere);
      notice = '该草稿不是新增主体的草稿';
    }
    else {
      draft = restoreDraft(r.draft);
      draftAction = 'restore';
      codeNotice = fromDataCodeNotice(r.draft.data, () => missingSubjectFields(draft!.values));
      const from = r.draft.data.resubmitOf;
      if (!resubmitOf && typeof from === 'number' && Number.isSafeInteger(from) && from > 0) resubmitOf = from;
    }
  }

  let resubmit: ReturnType<typeof loadResubmit> | null = resubmitOf ? loadResubmit(user.id, resubmitOf) : null;
  if (resubmit && 'problem' in resubmit) {
    if (sp.resubmit) {
      return (
        <div className="space-y-6">
          <h1 className="text-xl font-semibold">新增主体</h1>
          <Alert variant="destructive">{resubmit.problem}</Alert>
          <Button asChild variant="outline">
            <Link href="/my/applications">返回我的申请</Link>
          </Button>
        </div>
      );
    }
    // The draft was saved while correcting an application that can no longer be resubmitted.
    notice = '草稿对应的申请已不能重新提交，本次将作为新的新增主体申请提交。';
    resubmit = null;
  }

  if (!draftId && !resubmit) {
    const latest = latestDraft(user.id, '新增主体');
    if (latest) {
      draft = restoreDraft(latest);
      draftAction = 'prompt';
    }
  }

  const initialValues = resubmit?.values ?? EMPTY_SUBJECT_VALUES;
  const files = uploadedFilesOf(user.id, fileIdsOf(initialValues, draft?.values));
  const comments = Object.entries(resubmit?.app.fieldComments ?? {}).filter(([, c]) => c);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">新增主体</h1>
        <p className="text-sm text-muted-foreground">
          {resubmit ? `修改后重新提交申请 ${resubmit.app.code}。` : ''}带 <span className="text-destructive">*</span> 的为必填项。公安机关不会单独进行主体审核，提交后请继续办理新办网站申请。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      {codeNotice && <Alert variant="info">{codeNotice}</Alert>}
      {resubmit && (resubmit.app.reason || comments.length > 0) && (
        <Alert variant="destructive">
          {resubmit.app.reason && <p>退回原因：{resubmit.app.reason}</p>}
          {comments.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {comments.map(([field, c]) => (
                <li key={field}>
                  {SUBJECT_FIELD_LABELS[field as SubjectField] ?? field}：{c}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <SubjectForm
        mode={resubmit ? 'resubmit' : 'new'}
        initialValues={initialValues}
        files={files}
        account={account}
        organisation={organisation}
        registered={resubmit?.registered ?? null}
        resubmitOf={resubmit?.app.id ?? null}
        draft={draft}
        draftAction={draftAction}
        identity={identityMode()}
        orgCredential={orgCredentialMode()}
      />
    </div>
  );
}
