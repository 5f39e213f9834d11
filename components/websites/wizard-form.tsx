'use client';

import { useCallback, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, get, set, useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { websiteSchema } from '@/lib/websites/schemas';
import type { UploadedFile } from '@/components/files/upload-field';
import { ChangeCompareDialog, type CompareRow } from '@/components/subjects/change-compare-dialog';
import { checkDomainsAction, saveWebsiteDraftAction, submitNewWebsiteAction } from '@/lib/websites/actions';
import { previewWebsiteChangeAction, saveWebsiteChangeDraftAction, submitWebsiteChangeAction } from '@/lib/websites/actions';
import { WizardShell, useWizard } from '@/components/forms/wizard-shell';
import { reach } from '@/components/forms/use-action';
import { WizardStepSubject } from './wizard-step-subject';
import { namingViolations, WizardStepBasic } from './wizard-step-basic';
import { WizardStepContacts } from './wizard-step-contacts';
import type { IdentityMode } from '@/lib/identity/labels';
import { NoticeStep } from '@/components/forms/notice-step';
import { NOTICE_ITEMS, NOTICE_PREAMBLE, NOTICE_TITLE } from '@/lib/websites/schemas';
import {
  draftPayload,
  formPathOf,
  keptPii,
  restoredDraftNotice,
  messageFor,
  stepOfPath,
  toWebsiteInput,
  WIZARD_STEPS,
  type RegisteredContacts,
  type RestoredWizardDraft,
  type WizardStep,
  type WizardSubjectView,
  type WizardValues,
} from '@/lib/websites/form-values';

/** 提交 waits this long after 04 提示说明 is reached. */
const COUNTDOWN_S = 24;
const STEP_PART: Record<WizardStep, 'basic' | 'contacts' | 'notice' | null> = { 1: null, 2: 'basic', 3: 'contacts', 4: 'notice' };

/**
 * The whole website schema (the server's) plus the 网站名称 rules on the form's values; errors are
 * put on form paths (see formPathOf). Each step triggers only its own part.
 */
function wizardResolver(subject: WizardSubjectView, registered?: RegisteredContacts): Resolver<WizardValues> {
  return async (values) => {
    const flat: Record<string, string> = {};
    const parsed = websiteSchema.safeParse(toWebsiteInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = formPathOf(issue.path.map(String).join('.'), values);
        if (path && keptPii(path, values.contacts, registered)) continue;
        if (path && !(path in flat)) flat[path] = messageFor(path, issue.message);
      }
    }
    for (const v of namingViolations(values, subject)) {
      const path = v.field === 'name' ? 'basic.name' : 'basic.domains.root';
      flat[path] ??= v.message;
    }
    if (!Object.keys(flat).length) return { values, errors: {} };
    const errors: FieldErrors<WizardValues> = {};
    for (const [path, message] of Object.entries(flat)) set(errors, path, { type: 'validate', message });
    return { values: {}, errors };
  };
}

type ChangeRows = CompareRow[];
/** Stable while the comparison is closed (the dialog restarts at page 1 when its rows change). */
const NO_ROWS: ChangeRows = [];

export type WebsiteWizardProps = {
  subject: WizardSubjectView;
  initialValues: WizardValues;
  /** Display data of files the values refer to, by id. */
  files: Record<number, UploadedFile>;
  draft?: RestoredWizardDraft | null;
  /** 'restore': opened from ?draft=; 'prompt': ask "您有一条草稿，是否使用". */
  draftAction?: 'prompt' | 'restore';
  /** Time left in the session when the page was rendered. */
  sessionRemainingMs: number;
  /**
   * 变更网站 (SPEC §4.2): the website changed and its self-filled contacts' registered numbers.
   * 提交 then shows the comparison (变更信息确认) and 确认 submits the change.
   */
  change?: { websiteId: number; registered: RegisteredContacts } | null;
  /** 认证方式 offered for self-filled contacts (SPEC §13). */
  identity: IdentityMode;
  /** 网站认领 (SPEC §8.3): 提交 files a 网站认领 of this legacy filing instead of a 新办网站. */
  claim?: { legacyId: number } | null;
};

/** What each step's 下一步 checks. */
const stepPart = (step: number) => STEP_PART[step as WizardStep];

/** The first step holding an error, or null. */
function errorStep(e: FieldErrors<WizardValues>): WizardStep | null {
  if (e.basic) return 2;
  if (e.contacts) return 3;
  if (e.notice) return 4;
  return null;
}

/** 新办网站申请 (SPEC §4.1) and 变更网站 (§4.2): four steps, one form. */
export function WebsiteWizard({ subject, initialValues, files: initialFiles, draft, draftAction, sessionRemainingMs, change, identity, claim }: WebsiteWizardProps) {
  const router = useRouter();
  const restoreAtOnce = draftAction === 'restore' && !!draft;

  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? restoredDraftNotice(draft!.values.contacts, !!change, '网站') : null);
  const [files, setFiles] = useState(initialFiles);
  const [submitting, setSubmitting] = useState(false);
  const [compareRows, setCompareRows] = useState<ChangeRows | null>(null);

  const [resolver] = useState(() => wizardResolver(subject, change?.registered ?? undefined));
  const form = useForm<WizardValues>({
    resolver,
    defaultValues: restoreAtOnce ? draft!.values : initialValues,
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const { getValues, formState } = form;
  const errors = formState.errors;
  const err = useCallback((path: string) => (get(errors, path) as FieldError | undefined)?.message, [errors]);

  const wizard = useWizard({
    form,
    steps: WIZARD_STEPS,
    initialStep: restoreAtOnce ? draft!.step : 1,
    initialDraftId: restoreAtOnce ? draft!.id : null,
    stepPart,
    errorStep,
    countdown: COUNTDOWN_S,
    // 02 网站基本信息: a domain already filed or in progress is refused here, not after the countdown.
    serverCheck: async (s, values) => {
      if (s !== 2) return null;
      const res = await checkDomainsAction({ domains: values.basic.domains.map((d) => d.domain), websiteId: change?.websiteId ?? null });
      return res.ok ? res.data : null;
    },
    saveDraft: (values, step, draftId) => {
      const data = draftPayload(values, step as WizardStep);
      return change
        ? saveWebsiteChangeDraftAction({ websiteId: change.websiteId, data, step: step as WizardStep, draftId })
        : saveWebsiteDraftAction({ subjectId: subject.id, data, step: step as WizardStep, draftId });
    },
  });
  const step = wizard.step as WizardStep;


  const failureMap = {
    fieldPath: (key: string) => formPathOf(key, getValues()),
    stepOf: stepOfPath,
    message: messageFor,
  };

  async function submit() {
    if (!(await wizard.checkAll())) return;
    setSubmitting(true);
    const values = getValues();
    if (change) {
      // 变更网站: the server checks the change and returns the comparison table first.
      const preview = await reach(previewWebsiteChangeAction({ websiteId: change.websiteId, data: toWebsiteInput(values), draftId: wizard.draftId }));
      setSubmitting(false);
      if (preview.ok) setCompareRows(preview.data);
      else wizard.showFailure(preview, failureMap);
      return;
    }
    const res = await reach(submitNewWebsiteAction({ subjectId: subject.id, data: toWebsiteInput(values), draftId: wizard.draftId, claim: claim?.legacyId ?? null }));
    setSubmitting(false);
    if (res.ok) {
      wizard.leave();
      router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
      return;
    }
    wizard.showFailure(res, failureMap);
  }

  /** 变更信息确认 → 确认. */
  async function confirmChange() {
    if (!change) return;
    setSubmitting(true);
    const res = await reach(submitWebsiteChangeAction({ websiteId: change.websiteId, data: toWebsiteInput(getValues()), draftId: wizard.draftId }));
    setSubmitting(false);
    if (res.ok) {
      wizard.leave();
      router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
      return;
    }
    setCompareRows(null);
    wizard.showFailure(res, failureMap);
  }

  function applyDraft() {
    if (!draft) return;
    setNotice(restoredDraftNotice(draft.values.contacts, !!change, '网站'));
    setPromptOpen(false);
    wizard.restoreDraft(draft.values, draft.id, draft.step);
  }

  const rememberFile = useCallback((f: UploadedFile) => setFiles((m) => ({ ...m, [f.id]: f })), []);
  const fileValue = useCallback(
    (id: number | null | undefined): UploadedFile | null =>
      id ? (files[id] ?? { id, name: '已上传的文件', kind: 'image', size: 0, thumbUrl: null, url: `/api/files/${id}` }) : null,
    [files],
  );

  const headingId = `wizard-step-${step}-heading`;
  const stepProps = { err, fileValue, rememberFile };
  const busy = submitting || wizard.leaving;

  return (
    <FormProvider {...form}>
      <WizardShell
        wizard={wizard}
        steps={WIZARD_STEPS}
        sessionRemainingMs={sessionRemainingMs}
        notice={notice}
        busy={busy}
        onSubmit={() => void submit()}
        draftSavedNote={
          change
            ? '网站负责人的证件号码和手机号码不保存在草稿中；使用草稿时，已登记的号码不修改可留空。'
            : '网站负责人的证件号码和手机号码不保存在草稿中，使用草稿时需重新填写。'
        }
        draftPrompt={
          draft && {
            open: promptOpen,
            title: change ? '您有一条变更网站的草稿，是否使用' : undefined,
            savedAt: draft.savedAt,
            onUse: applyDraft,
            onDiscard: () => setPromptOpen(false),
          }
        }
      >
        {step === 1 && <WizardStepSubject subject={subject} headingId={headingId} />}
        {step === 2 && <WizardStepBasic subject={subject} headingId={headingId} {...stepProps} />}
        {step === 3 && <WizardStepContacts subject={subject} headingId={headingId} registered={change?.registered} identity={identity} {...stepProps} />}
        {step === 4 && (
          <NoticeStep headingId={headingId} error={err('notice.agree')} title={NOTICE_TITLE} preamble={NOTICE_PREAMBLE} items={NOTICE_ITEMS} agreeLabel="我已阅读" />
        )}
      </WizardShell>
      {change && (
        <ChangeCompareDialog rows={compareRows ?? NO_ROWS} open={!!compareRows} pending={busy} onCancel={() => setCompareRows(null)} onConfirm={() => void confirmChange()} />
      )}
    </FormProvider>
  );
}
