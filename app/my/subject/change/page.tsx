import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { handlerOf } from '@/lib/applications/handlers';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectId, getSubjectView } from '@/lib/subjects/service';
import { getDraft, latestDraft } from '@/lib/drafts/service';
import { identityMode } from '@/lib/identity/verifier';
import { orgCredentialMode } from '@/lib/identity/org-verifier';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SubjectForm } from '@/components/subjects/subject-form';
import { fileIdsOf, restoreDraft, toFormValues, type RestoredDraft } from '@/lib/subjects/form-values';
import { uploadedFilesOf } from '@/lib/files/uploaded';

export const metadata: Metadata = { title: '变更主体' };

const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null);

function Blocked({ message, href, label }: { message: string; href: string; label: string }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">变更主体</h1>
      <Alert variant="destructive">{message}</Alert>
      <Button asChild variant="outline">
        <Link href={href}>{label}</Link>
      </Button>
    </div>
  );
}

function safely<T>(fn: () => T): T | { problem: string } {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e)) return { problem: e.message };
    throw e;
  }
}

export default async function ChangeSubjectPage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;

  let draft: RestoredDraft | null = null;
  let draftAction: 'prompt' | 'restore' | undefined;
  let notice: string | null = null;
  let subjectId = currentSubjectId(user.id);

  const draftId = idParam(sp.draft);
  if (draftId) {
    const r = safely(() => getDraft(user.id, draftId));
    if ('problem' in r) notice = r.problem;
    else if (r.type !== '变更主体') {
      // A draft of the other subject form (新增主体) reopens on its own page.
      const own = handlerOf(r.type);
      const elsewhere = own.object === 'subject' ? own.describe.draftHref(r.id, r.websiteId) : null;
      if (elsewhere) redirect(elsewhere);
      notice = '该草稿不是变更主体的草稿';
    }
    else {
      draft = restoreDraft(r);
      draftAction = 'restore';
      // A change draft belongs to its subject, whichever subject is current now.
      if (r.subjectId) subjectId = r.subjectId;
    }
  }

  if (!subjectId) return <Blocked message="您当前还无有效主体，请先申请主体" href="/my/subject/new" label="申请主体" />;
  const view = safely(() => getSubjectView(user.id, subjectId));
  if ('problem' in view) return <Blocked message={view.problem} href="/my/subject" label="返回我的主体" />;
  if (view.status !== '有效')
    return <Blocked message={`当前主体状态为“${view.status}”，不能发起变更`} href="/my/subject" label="返回我的主体" />;

  if (!draftId) {
    const latest = latestDraft(user.id, '变更主体', view.id);
    if (latest) {
      draft = restoreDraft(latest);
      draftAction = 'prompt';
    }
  }

  // Demo-seeded subjects have no stored form data: pre-fill what the columns hold.
  const initialValues = toFormValues(
    view.data
      ? view.data
      : { nature: view.nature, unitType: view.unitType, orgName: view.nature === '单位' ? view.name : '', principalName: view.principalName },
  );
  const registered = {
    principalIdNumber: view.data?.principalIdNumber || view.principalIdMasked,
    principalPhone: view.data?.principalPhone || view.principalPhoneMasked,
  };
  const files = uploadedFilesOf(user.id, fileIdsOf(initialValues, draft?.values));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          变更主体 <Badge variant="success">{view.status}</Badge>
        </h1>
        <p className="text-sm text-muted-foreground">
          主体名称：{view.name}。修改需要变更的信息后点击“提交审核”，确认变更内容后提交；负责人证件号码、负责人手机号码不修改请留空。
        </p>
      </div>
      {notice && <Alert variant="info">{notice}</Alert>}
      <SubjectForm
        mode="change"
        initialValues={initialValues}
        files={files}
        registered={registered}
        subjectId={view.id}
        draft={draft}
        draftAction={draftAction}
        identity={identityMode()}
        orgCredential={orgCredentialMode()}
      />
    </div>
  );
}
