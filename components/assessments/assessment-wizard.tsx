'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, get, set, useForm, useWatch, type FieldError, type FieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import { assessmentSubmitSchema } from '@/lib/assessments/schemas';
import { Button } from '@/components/ui/button';
import type { UploadedFile } from '@/components/files/upload-field';
import { saveAssessmentDraftAction, submitAssessmentAction } from '@/lib/assessments/actions';
import { WizardShell, useWizard } from '@/components/forms/wizard-shell';
import { reach } from '@/components/forms/use-action';
import { ASSESSMENT_NOTICE_ITEMS, ASSESSMENT_NOTICE_PREAMBLE, ASSESSMENT_NOTICE_TITLE, ASSESSMENT_STEPS } from '@/lib/assessments/texts';
import { AssessmentStepReport, type ReportDownloadState } from './assessment-step-report';
import { AssessmentStepSealed, AssessmentStepThirdParty } from './assessment-step-files';
import { NoticeStep } from '@/components/forms/notice-step';
import {
  draftPayload,
  formPathOf,
  stepOfPath,
  toReportInput,
  toSubmitInput,
  type AssessableFilingOption,
  type AssessableWebsiteOption,
  type AssessmentStep,
  type AssessmentWizardValues,
  type RestoredAssessmentDraft,
} from '@/lib/assessments/form-values';

/** What each step's 下一步 checks. */
const STEP_PART: Record<AssessmentStep, FieldPath<AssessmentWizardValues> | null> = {
  1: 'report',
  2: 'files.sealedReportFileId',
  3: 'files.thirdPartyReportFileId',
  4: 'notice',
};
const stepPart = (step: number) => STEP_PART[step as AssessmentStep];

function errorStep(e: FieldErrors<AssessmentWizardValues>): AssessmentStep | null {
  if (e.report) return 1;
  if (e.files?.sealedReportFileId) return 2;
  if (e.files?.thirdPartyReportFileId) return 3;
  if (e.notice) return 4;
  return null;
}

const REPORT_FILE = '自评估报告.pdf';
const NO_DOWNLOAD: ReportDownloadState = { downloading: false, missingGlyphs: null, error: null, done: false };

/** The submit schema on the form's values; errors are put on form paths (see formPathOf). */
const assessmentResolver: Resolver<AssessmentWizardValues> = async (values) => {
  const parsed = assessmentSubmitSchema.safeParse(toSubmitInput(values));
  if (parsed.success) return { values, errors: {} };
  const errors: FieldErrors<AssessmentWizardValues> = {};
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const path = formPathOf(issue.path.map(String).join('.'));
    if (!path || seen.has(path)) continue;
    seen.add(path);
    set(errors, path, { type: 'validate', message: issue.message });
  }
  return { values: {}, errors };
};

/** X-Missing-Glyphs: the characters, URI-encoded (a malformed header is shown as it came). */
function decodeGlyphs(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export type AssessmentWizardProps = {
  websites: AssessableWebsiteOption[];
  /** The subject's interactive APP and 小程序 that may be assessed. */
  filings: AssessableFilingOption[];
  initialValues: AssessmentWizardValues;
  /** Display data of files the values refer to, by id. */
  files: Record<number, UploadedFile>;
  draft?: RestoredAssessmentDraft | null;
  /** 'restore': opened from ?draft=; 'prompt': ask "您有一条草稿，是否使用". */
  draftAction?: 'prompt' | 'restore';
  /** Time left in the session when the page was rendered. */
  sessionRemainingMs: number;
};

/** 发起安全评估 (SPEC §7): four steps, one form. */
export function AssessmentWizard({ websites, filings, initialValues, files: initialFiles, draft, draftAction, sessionRemainingMs }: AssessmentWizardProps) {
  const router = useRouter();
  const restoreAtOnce = draftAction === 'restore' && !!draft;

  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? '已使用草稿。' : null);
  const [files, setFiles] = useState(initialFiles);
  const [submitting, setSubmitting] = useState(false);
  const [download, setDownload] = useState<ReportDownloadState>(NO_DOWNLOAD);

  const form = useForm<AssessmentWizardValues>({
    resolver: assessmentResolver,
    defaultValues: restoreAtOnce ? draft!.values : initialValues,
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const { control, trigger, getValues, setValue, setError, formState } = form;
  const errors = formState.errors;
  const err = useCallback((path: string) => (get(errors, path) as FieldError | undefined)?.message, [errors]);

  const wizard = useWizard({
    form,
    steps: ASSESSMENT_STEPS,
    initialStep: restoreAtOnce ? draft!.step : 1,
    initialDraftId: restoreAtOnce ? draft!.id : null,
    stepPart,
    errorStep,
    saveDraft: (values, step, draftId) => saveAssessmentDraftAction({ data: draftPayload(values, step as AssessmentStep), step: step as AssessmentStep, draftId }),
  });
  const step = wizard.step as AssessmentStep;

  // A downloaded report no longer matches once step 1 changes: its notes go.
  const report = useWatch({ control, name: 'report' });
  const reportKey = JSON.stringify(report);
  const downloadedKey = useRef<string | null>(null);
  useEffect(() => {
    if (downloadedKey.current !== null && downloadedKey.current !== reportKey) {
      downloadedKey.current = null;
      setDownload((d) => (d.done ? { ...d, done: false } : d));
    }
  }, [reportKey]);

  /** 跳过: no 第三方检测报告. */
  function skipThirdParty() {
    setValue('files.thirdPartyReportFileId', null, { shouldDirty: true });
    form.clearErrors('files.thirdPartyReportFileId');
    wizard.goTo(4);
  }

  /** 下载自评估报告: step 1 checked here first, then the PDF built by the server. */
  async function downloadReport() {
    wizard.setFormError(null);
    setDownload({ ...NO_DOWNLOAD, downloading: true });
    const ok = await trigger('report');
    if (!ok) {
      setDownload({ ...NO_DOWNLOAD, error: '请根据标红的提示修改后再下载自评估报告。' });
      wizard.showErrorsOn(1, '');
      return;
    }
    const values = getValues();
    let res: Response;
    try {
      res = await fetch('/api/assessments/report', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(toReportInput(values)),
      });
    } catch {
      setDownload({ ...NO_DOWNLOAD, error: '网络异常，请检查网络后重试' });
      return;
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
      let placed = false;
      for (const [key, message] of Object.entries(body?.fieldErrors ?? {})) {
        const path = formPathOf(key.startsWith('report.') ? key : `report.${key}`);
        if (!path) continue;
        setError(path as FieldPath<AssessmentWizardValues>, { type: 'server', message });
        placed = true;
      }
      const message = res.status === 401 ? '登录已过期，请重新登录' : (body?.error ?? '自评估报告生成失败，请稍后重试');
      setDownload({ ...NO_DOWNLOAD, error: message });
      if (placed) wizard.showErrorsOn(1, '');
      return;
    }
    const missing = res.headers.get('X-Missing-Glyphs');
    try {
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = REPORT_FILE;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setDownload({ ...NO_DOWNLOAD, error: '自评估报告下载失败，请重试' });
      return;
    }
    downloadedKey.current = JSON.stringify(getValues('report'));
    setDownload({ downloading: false, missingGlyphs: missing ? decodeGlyphs(missing) : null, error: null, done: true });
  }

  async function submit() {
    if (!(await wizard.checkAll())) return;
    setSubmitting(true);
    const res = await reach(submitAssessmentAction({ data: toSubmitInput(getValues()), draftId: wizard.draftId }));
    setSubmitting(false);
    if (res.ok) {
      wizard.leave();
      router.push(`/my/assessments/${res.data.assessmentId}?submitted=1`);
      return;
    }
    wizard.showFailure(res, { fieldPath: formPathOf, stepOf: stepOfPath });
  }

  function applyDraft() {
    if (!draft) return;
    setNotice('已使用草稿。');
    setDownload(NO_DOWNLOAD);
    setPromptOpen(false);
    wizard.restoreDraft(draft.values, draft.id, draft.step);
  }

  const rememberFile = useCallback((f: UploadedFile) => setFiles((m) => ({ ...m, [f.id]: f })), []);
  const fileValue = useCallback(
    (id: number | null | undefined): UploadedFile | null =>
      id ? (files[id] ?? { id, name: '已上传的文件', kind: 'pdf', size: 0, thumbUrl: null, url: `/api/files/${id}` }) : null,
    [files],
  );

  const headingId = `assessment-step-${step}-heading`;
  const fileProps = { headingId, err, fileValue, rememberFile };
  const busy = submitting || wizard.leaving;

  return (
    <FormProvider {...form}>
      <WizardShell
        wizard={wizard}
        steps={ASSESSMENT_STEPS}
        sessionRemainingMs={sessionRemainingMs}
        notice={notice}
        busy={busy}
        onSubmit={() => void submit()}
        draftSavedNote="可在“我的草稿”中继续编辑，系统只保留 30 天内的草稿信息。"
        extraButtons={
          step === 3 && (
            <Button type="button" variant="outline" onClick={skipThirdParty} disabled={busy}>
              跳过
            </Button>
          )
        }
        draftPrompt={draft && { open: promptOpen, savedAt: draft.savedAt, onUse: applyDraft, onDiscard: () => setPromptOpen(false) }}
      >
        {step === 1 && (
          <AssessmentStepReport headingId={headingId} websites={websites} filings={filings} err={err} download={download} onDownload={() => void downloadReport()} />
        )}
        {step === 2 && <AssessmentStepSealed {...fileProps} />}
        {step === 3 && <AssessmentStepThirdParty {...fileProps} />}
        {step === 4 && (
          <NoticeStep
            headingId={headingId}
            error={err('notice.agree')}
            title={ASSESSMENT_NOTICE_TITLE}
            preamble={ASSESSMENT_NOTICE_PREAMBLE}
            items={ASSESSMENT_NOTICE_ITEMS}
            agreeLabel="我已阅读并同意"
          />
        )}
      </WizardShell>
    </FormProvider>
  );
}
