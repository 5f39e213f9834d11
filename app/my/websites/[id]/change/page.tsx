import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { sessionRemainingMs } from '@/lib/auth/session-remaining';
import { wizardSubject } from '@/lib/websites/service';
import { latestWebsiteChangeDraft, loadWebsiteForChange } from '@/lib/websites/change';
import { getDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import { WebsiteWizard } from '@/components/websites/wizard-form';
import { identityMode } from '@/lib/identity/verifier';
import {
  restoreWizardDraft,
  wizardFileIds,
  wizardValuesFromWebsite,
  type RestoredWizardDraft,
  type WizardSubjectView,
} from '@/lib/websites/form-values';

export const metadata: Metadata = { title: '变更网站' };

const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null);

function safely<T>(fn: () => T): T | { problem: string; code: string } {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e)) return { problem: e.message, code: e.code };
    throw e;
  }
}

/** Why this website cannot be changed now, in words for the applicant. */
function blockedMessage(r: { problem: string; code: string }): string {
  if (r.code === 'not_found') return '网站不存在，或不属于当前账号。';
  if (r.problem === '存在审核中的单据') return '存在审核中的单据，请待审核办结后再办理变更网站。';
  if (r.problem.startsWith('网站当前状态')) return `${r.problem}。只有已备案的网站可以办理变更网站。`;
  return r.problem;
}

function Blocked({ message, websiteId }: { message: string; websiteId: number | null }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">变更网站</h1>
      <Alert variant="destructive" data-testid="change-blocked">
        <p>{message}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          <Button asChild size="sm">
            <Link href="/my/websites">我的网站</Link>
          </Button>
          {websiteId && (
            <Button asChild size="sm" variant="outline">
              <Link href={`/my/websites/${websiteId}`}>网站详情</Link>
            </Button>
          )}
        </div>
      </Alert>
    </div>
  );
}

/** 变更网站 (SPEC §4.2): the 新办网站 wizard pre-filled with a 已备案 website of the current user. */
export default async function ChangeWebsitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ draft?: string }> }) {
  const user = await requirePage('applicant.area');
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const websiteId = idParam(id);
  if (!websiteId) return <Blocked message="网站不存在，或不属于当前账号。" websiteId={null} />;

  const w = safely(() => loadWebsiteForChange(user.id, websiteId));
  if ('problem' in w) return <Blocked message={blockedMessage(w)} websiteId={w.code === 'not_found' ? null : websiteId} />;
  const s = wizardSubject(user.id, w.subjectId);
  if (!s) return <Blocked message="网站不存在，或不属于当前账号。" websiteId={null} />;

  const subject: WizardSubjectView = s;

  let notice: string | null = null;
  let draft: RestoredWizardDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  const draftId = idParam(sp.draft);
  if (draftId) {
    const r = safely(() => getDraft(user.id, draftId));
    if ('problem' in r) notice = r.problem;
    else if (r.type !== '变更网站') notice = '该草稿不是变更网站的草稿';
    else if (r.websiteId !== w.id) notice = '该草稿属于其他网站的变更';
    else {
      draft = restoreWizardDraft(r);
      draftAction = 'restore';
    }
  } else {
    const latest = latestWebsiteChangeDraft(user.id, w.id);
    if (latest) {
      draft = restoreWizardDraft(latest);
      draftAction = 'prompt';
    }
  }

  const initialValues = wizardValuesFromWebsite(w.data);
  const files = uploadedFilesOf(user.id, wizardFileIds(initialValues, draft?.values));

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">变更网站</h1>
          <Link href={`/my/websites/${w.id}`} className="text-sm text-primary hover:underline">
            返回网站详情
          </Link>
        </div>
        <p className="text-sm break-all text-muted-foreground">
          网站名称：<span className="text-foreground">{w.name}</span>
          {w.filingNumber && (
            <>
              ；公安备案号：<span className="text-foreground">{w.filingNumber}</span>（变更不改变公安备案号）
            </>
          )}
        </p>
        <p className="text-sm text-muted-foreground">
          修改需要变更的信息，在“提示说明”一步点击“提交”，核对变更内容后确认提交。网站负责人的证件号码、手机号码不修改请留空。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      <WebsiteWizard
        subject={subject}
        initialValues={initialValues}
        files={files}
        draft={draft}
        draftAction={draftAction}
        sessionRemainingMs={await sessionRemainingMs()}
        identity={identityMode()}
        change={{ websiteId: w.id, registered: w.registered }}
      />
    </div>
  );
}
