import { Link } from '@/components/ui/link';
import type { FilingKind } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { sessionRemainingMs } from '@/lib/auth/session-remaining';
import { wizardSubject } from '@/lib/websites/service';
import { latestFilingChangeDraft, loadFilingForChange } from '@/lib/filings/change';
import { getDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { identityMode } from '@/lib/identity/verifier';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { filingFileIds, filingValuesFromStored, restoreFilingDraft, type RestoredFilingDraft } from '@/lib/filings/form-values';
import { Alert } from '@/components/ui/alert';
import { FilingWizard } from '@/components/filings/filing-wizard';
import { Blocked, idParam } from './blocked';

function safely<T>(fn: () => T): T | { problem: string; code: string } {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e)) return { problem: e.message, code: e.code };
    throw e;
  }
}

/** 变更APP / 变更小程序 (SPEC §15): the wizard pre-filled with a 已备案 object of the current user. */
export async function ChangeFilingPage({ kind, params, searchParams }: { kind: FilingKind; params: Promise<{ id: string }>; searchParams: Promise<{ draft?: string }> }) {
  const user = await requirePage('applicant.area');
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const spec = kindSpec(kind);
  const base = kindObject(kind).routeBase;
  const title = spec.types.change;
  const missing = `${spec.label}不存在，或不属于当前账号。`;
  const back = (filingId: number | null) => [{ href: base, label: `我的${spec.label}` }, ...(filingId ? [{ href: `${base}/${filingId}`, label: `${spec.label}详情` }] : [])];

  const filingId = idParam(id);
  if (!filingId) return <Blocked title={title} message={missing} actions={back(null)} />;
  const f = safely(() => loadFilingForChange(user.id, kind, filingId));
  if ('problem' in f) {
    if (f.code === 'not_found') return <Blocked title={title} message={missing} actions={back(null)} />;
    const message = f.problem === '存在审核中的单据' ? `存在审核中的单据，请待审核办结后再办理${title}。` : `${f.problem}。只有已备案的${spec.label}可以办理${title}。`;
    return <Blocked title={title} message={message} actions={back(filingId)} />;
  }
  const s = wizardSubject(user.id, f.subjectId);
  if (!s) return <Blocked title={title} message={missing} actions={back(null)} />;

  let notice: string | null = null;
  let draft: RestoredFilingDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  const draftId = idParam(sp.draft);
  if (draftId) {
    const d = safely(() => getDraft(user.id, draftId));
    if ('problem' in d) notice = d.problem;
    else if (d.type !== title) notice = `该草稿不是${title}的草稿`;
    else if (d.filingId !== f.id) notice = `该草稿属于其他${spec.label}的变更`;
    else {
      draft = restoreFilingDraft(kind, d);
      draftAction = 'restore';
    }
  } else {
    const latest = latestFilingChangeDraft(user.id, kind, f.id);
    if (latest) {
      draft = restoreFilingDraft(kind, latest);
      draftAction = 'prompt';
    }
  }

  const initialValues = filingValuesFromStored({ kind, basic: f.basic, contacts: f.contacts });
  const files = uploadedFilesOf(user.id, filingFileIds(kind, initialValues, draft?.values));

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">{title}</h1>
          <Link href={`${base}/${f.id}`} className="text-sm text-primary hover:underline">
            返回{spec.label}详情
          </Link>
        </div>
        <p className="text-sm break-all text-muted-foreground">
          {spec.label}名称：<span className="text-foreground">{f.name}</span>
          {f.filingNumber && (
            <>
              ；公安备案号：<span className="text-foreground">{f.filingNumber}</span>（变更不改变公安备案号）
            </>
          )}
        </p>
        <p className="text-sm text-muted-foreground">
          修改需要变更的信息，在“提示说明”一步点击“提交”，核对变更内容后确认提交。{spec.label}负责人的证件号码、手机号码不修改请留空。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      <FilingWizard
        kind={kind}
        subject={s}
        initialValues={initialValues}
        files={files}
        draft={draft}
        draftAction={draftAction}
        sessionRemainingMs={await sessionRemainingMs()}
        change={{ filingId: f.id, registered: f.registered }}
        identity={identityMode()}
        contactTitles={spec.contactTitles}
      />
    </div>
  );
}
