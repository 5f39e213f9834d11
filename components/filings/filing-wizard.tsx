'use client';

import { useCallback, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, get, set, useForm, useWatch, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import type { FilingKind } from '@/db/schema/filings';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import {
  filingDraftPayload,
  filingFormPath,
  filingMessageFor,
  toFilingInput,
  type FilingWizardValues,
  type RestoredFilingDraft,
} from '@/lib/filings/form-values';
import { keptPii, restoredDraftNotice, stepOfPath, type RegisteredContacts, type WizardStep, type WizardSubjectView } from '@/lib/websites/form-values';
import { NOTICE_PREAMBLE, NOTICE_TITLE } from '@/lib/websites/schemas';
import { filingNoticeItems } from '@/lib/objects/steps';
import { previewFilingChangeAction, saveFilingChangeDraftAction, saveFilingDraftAction, submitFilingChangeAction, submitNewFilingAction } from '@/lib/filings/actions';
import type { UploadedFile } from '@/components/files/upload-field';
import { ChangeCompareDialog, type CompareRow } from '@/components/subjects/change-compare-dialog';
import { WizardShell, useWizard } from '@/components/forms/wizard-shell';
import { reach } from '@/components/forms/use-action';
import { NoticeStep } from '@/components/forms/notice-step';
import { WizardStepSubject } from '@/components/websites/wizard-step-subject';
import { WizardStepContacts } from '@/components/websites/wizard-step-contacts';
import { AppStepBasic } from '@/components/apps/app-step-basic';
import { MiniProgramStepBasic } from '@/components/mini-programs/mini-program-step-basic';
import { AppStoreStepBasic } from '@/components/app-stores/app-store-step-basic';
import { ServiceProviderStepBasic } from '@/components/service-providers/service-provider-step-basic';
import type { IdentityMode } from '@/lib/identity/labels';
import type { ContactRole } from '@/lib/websites/labels';

/** 提交 waits this long after 04 提示说明 is reached (as for websites). */
const COUNTDOWN_S = 24;
const STEP_PART: Record<WizardStep, 'basic' | 'contacts' | 'notice' | null> = { 1: null, 2: 'basic', 3: 'contacts', 4: 'notice' };
const stepPart = (step: number) => STEP_PART[step as WizardStep];
const NO_ROWS: CompareRow[] = [];
/** Each kind's step 02; 01, 03 and 04 are the same for all. */
const STEP_BASIC = { APP: AppStepBasic, 小程序: MiniProgramStepBasic, 应用市场: AppStoreStepBasic, 服务商: ServiceProviderStepBasic } as const;

type Values = FilingWizardValues;

/** The name rules of SPEC §11.3 (not those about domains) for the object's current name. */
function nameViolations(kind: FilingKind, v: Values, subject: WizardSubjectView): string[] {
  const b = v.basic;
  if (!b.name.trim()) return [];
  const check = kindObject(kind).checkName;
  return check({
    name: b.name,
    subject: { nature: subject.nature, unitType: subject.unitType ?? undefined, nationalLevel: subject.nationalLevel },
    // A 服务商 has no 服务与语种 part: no 前置许可, never interactive.
    permits: 'permitsNeeded' in b && b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : [],
    interactive: 'interactive' in b && b.interactive === '是',
  }).map((x) => x.message);
}

/** The kind's whole schema (the server's) plus the naming rules, errors on form paths. */
function filingResolver(kind: FilingKind, subject: WizardSubjectView, registered?: RegisteredContacts): Resolver<Values> {
  return async (values) => {
    const flat: Record<string, string> = {};
    const parsed = kindObject(kind).schema.safeParse(toFilingInput(kind, values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = filingFormPath(kind, issue.path.map(String).join('.'), values);
        if (path && keptPii(path, values.contacts, registered)) continue;
        if (path && !(path in flat)) flat[path] = filingMessageFor(path, issue.message);
      }
    }
    const naming = nameViolations(kind, values, subject)[0];
    if (naming) flat['basic.name'] ??= naming;
    if (!Object.keys(flat).length) return { values, errors: {} };
    const errors: FieldErrors<Values> = {};
    for (const [path, message] of Object.entries(flat)) set(errors, path, { type: 'validate', message });
    return { values: {}, errors };
  };
}

function errorStep(e: FieldErrors<Values>): WizardStep | null {
  if (e.basic) return 2;
  if (e.contacts) return 3;
  if (e.notice) return 4;
  return null;
}

export type FilingWizardProps = {
  kind: FilingKind;
  subject: WizardSubjectView;
  initialValues: Values;
  files: Record<number, UploadedFile>;
  draft?: RestoredFilingDraft | null;
  draftAction?: 'prompt' | 'restore';
  sessionRemainingMs: number;
  /** 变更APP / 变更小程序: the object changed and its contacts' registered numbers. */
  change?: { filingId: number; registered: RegisteredContacts } | null;
  identity: IdentityMode;
  /** The 负责人 cards' titles (APP安全负责人…). */
  contactTitles: Record<ContactRole, string>;
};

/** 新增APP / 新增小程序 (SPEC §15.1, §15.2) and their changes: four steps, one form. */
export function FilingWizard({ kind, subject, initialValues, files: initialFiles, draft, draftAction, sessionRemainingMs, change, identity, contactTitles }: FilingWizardProps) {
  const router = useRouter();
  const object = kindObject(kind);
  const steps = object.steps.map((s) => s.title);
  const restoreAtOnce = draftAction === 'restore' && !!draft;

  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? restoredDraftNotice(draft!.values.contacts, !!change, object.label) : null);
  const [files, setFiles] = useState(initialFiles);
  const [submitting, setSubmitting] = useState(false);
  const [compareRows, setCompareRows] = useState<CompareRow[] | null>(null);

  const [resolver] = useState(() => filingResolver(kind, subject, change?.registered ?? undefined));
  const form = useForm<Values>({ resolver, defaultValues: restoreAtOnce ? draft!.values : initialValues, mode: 'onSubmit', shouldFocusError: false });
  const { control, getValues, formState } = form;
  const errors = formState.errors;
  const err = useCallback((path: string) => (get(errors, path) as FieldError | undefined)?.message, [errors]);

  const wizard = useWizard({
    form,
    steps,
    initialStep: restoreAtOnce ? draft!.step : 1,
    initialDraftId: restoreAtOnce ? draft!.id : null,
    stepPart,
    errorStep,
    countdown: COUNTDOWN_S,
    saveDraft: (values, step, draftId) => {
      // As the website wizard: the draft's shape (no 负责人 PII), re-shaped again by the server.
      const data = filingDraftPayload(values, step as WizardStep);
      return change
        ? saveFilingChangeDraftAction({ kind, filingId: change.filingId, data, step, draftId })
        : saveFilingDraftAction({ kind, subjectId: subject.id, data, step, draftId });
    },
  });
  const step = wizard.step as WizardStep;

  // Live naming messages, once something is typed; then the form's own error on the name.
  const basic = useWatch({ control, name: 'basic' });
  const nameMessages = [...new Set([...nameViolations(kind, { basic } as Values, subject), err('basic.name')])].filter((m): m is string => !!m);

  const failureMap = { fieldPath: (key: string) => filingFormPath(kind, key, getValues()), stepOf: stepOfPath, message: filingMessageFor };

  function done(applicationId: number) {
    wizard.leave();
    router.push(`/my/applications/${applicationId}?submitted=1`);
  }

  async function submit() {
    if (!(await wizard.checkAll())) return;
    setSubmitting(true);
    const data = toFilingInput(kind, getValues());
    if (change) {
      const preview = await reach(previewFilingChangeAction({ kind, filingId: change.filingId, data, draftId: wizard.draftId }));
      setSubmitting(false);
      if (preview.ok) setCompareRows(preview.data);
      else wizard.showFailure(preview, failureMap);
      return;
    }
    const res = await reach(submitNewFilingAction({ kind, subjectId: subject.id, data, draftId: wizard.draftId }));
    setSubmitting(false);
    if (res.ok) done(res.data.applicationId);
    else wizard.showFailure(res, failureMap);
  }

  async function confirmChange() {
    if (!change) return;
    setSubmitting(true);
    const res = await reach(submitFilingChangeAction({ kind, filingId: change.filingId, data: toFilingInput(kind, getValues()), draftId: wizard.draftId }));
    setSubmitting(false);
    if (res.ok) return done(res.data.applicationId);
    setCompareRows(null);
    wizard.showFailure(res, failureMap);
  }

  function applyDraft() {
    if (!draft) return;
    setNotice(restoredDraftNotice(draft.values.contacts, !!change, object.label));
    setPromptOpen(false);
    wizard.restoreDraft(draft.values, draft.id, draft.step);
  }

  const rememberFile = useCallback((f: UploadedFile) => setFiles((m) => ({ ...m, [f.id]: f })), []);
  const fileValue = useCallback(
    (id: number | null | undefined): UploadedFile | null => (id ? (files[id] ?? { id, name: '已上传的文件', kind: 'image', size: 0, thumbUrl: null, url: `/api/files/${id}` }) : null),
    [files],
  );

  const headingId = `wizard-step-${step}-heading`;
  const stepProps = { err, fileValue, rememberFile };
  const busy = submitting || wizard.leaving;
  const Basic = STEP_BASIC[kind];

  return (
    <FormProvider {...form}>
      <WizardShell
        wizard={wizard}
        steps={steps}
        sessionRemainingMs={sessionRemainingMs}
        notice={notice}
        busy={busy}
        onSubmit={() => void submit()}
        draftSavedNote={
          change
            ? `${object.label}负责人的证件号码和手机号码不保存在草稿中；使用草稿时，已登记的号码不修改可留空。`
            : `${object.label}负责人的证件号码和手机号码不保存在草稿中，使用草稿时需重新填写。`
        }
        draftPrompt={
          draft && {
            open: promptOpen,
            title: change ? `您有一条变更${object.label}的草稿，是否使用` : undefined,
            savedAt: draft.savedAt,
            onUse: applyDraft,
            onDiscard: () => setPromptOpen(false),
          }
        }
      >
        {step === 1 && <WizardStepSubject subject={subject} headingId={headingId} object={object.label} />}
        {step === 2 && <Basic headingId={headingId} nameMessages={nameMessages} {...stepProps} />}
        {step === 3 && <WizardStepContacts subject={subject} headingId={headingId} registered={change?.registered} identity={identity} titles={contactTitles} {...stepProps} />}
        {step === 4 && <NoticeStep headingId={headingId} error={err('notice.agree')} title={NOTICE_TITLE} preamble={NOTICE_PREAMBLE} items={filingNoticeItems(object.label, kindSpec(kind).numberShown)} agreeLabel="我已阅读" />}
      </WizardShell>
      {change && <ChangeCompareDialog rows={compareRows ?? NO_ROWS} open={!!compareRows} pending={busy} onCancel={() => setCompareRows(null)} onConfirm={() => void confirmChange()} />}
    </FormProvider>
  );
}
