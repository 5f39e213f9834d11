'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, get, set, useForm, useWatch, type FieldError, type FieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import { assessmentSubmitSchema } from '@/lib/assessments/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { UploadedFile } from '@/components/files/upload-field';
import { DraftPrompt } from '@/components/subjects/draft-prompt';
import { WizardSessionWarning } from '@/components/websites/wizard-session-warning';
import { saveAssessmentDraftAction, submitAssessmentAction } from '@/lib/assessments/actions';
import { StepProgress } from '@/components/forms/step-progress';
import { useStepFocus } from '@/components/forms/use-step-focus';
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
  type AssessableWebsiteOption,
  type AssessmentStep,
  type AssessmentWizardValues,
  type RestoredAssessmentDraft,
} from '@/lib/assessments/form-values';

type Failure = { ok: false; formError?: string; fieldErrors?: Record<string, string> };
const NETWORK_ERROR: Failure = { ok: false, formError: '网络异常，请检查网络后重试' };

/** A server action that could not be reached becomes an ordinary failure. */
async function reach<T extends { ok: boolean }>(call: Promise<T>): Promise<T | Failure> {
  try {
    return await call;
  } catch {
    return NETWORK_ERROR;
  }
}

/** What each step's 下一步 checks. */
const STEP_PART: Record<AssessmentStep, FieldPath<AssessmentWizardValues> | null> = {
  1: 'report',
  2: 'files.sealedReportFileId',
  3: 'files.thirdPartyReportFileId',
  4: 'notice',
};

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
export function AssessmentWizard({ websites, initialValues, files: initialFiles, draft, draftAction, sessionRemainingMs }: AssessmentWizardProps) {
  const router = useRouter();
  const restoreAtOnce = draftAction === 'restore' && !!draft;

  const [step, setStep] = useState<AssessmentStep>(restoreAtOnce ? draft!.step : 1);
  const [draftId, setDraftId] = useState<number | null>(restoreAtOnce ? draft!.id : null);
  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? '已使用草稿。' : null);
  const [files, setFiles] = useState(initialFiles);
  const [formError, setFormError] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [attempted, setAttempted] = useState<Partial<Record<AssessmentStep, boolean>>>({});
  const [download, setDownload] = useState<ReportDownloadState>(NO_DOWNLOAD);
  // Focus after a step change (its heading) or a failed check (the first invalid control).
  const { stepRef, alertRef, requestFocus } = useStepFocus();

  const form = useForm<AssessmentWizardValues>({
    resolver: assessmentResolver,
    defaultValues: restoreAtOnce ? draft!.values : initialValues,
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const { control, trigger, watch, getValues, setValue, setError, reset, formState } = form;
  const errors = formState.errors;
  const err = useCallback((path: string) => (get(errors, path) as FieldError | undefined)?.message, [errors]);

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

  // After a failed 下一步, the step's errors follow the typing.
  useEffect(() => {
    const part = STEP_PART[step];
    if (!part || !attempted[step]) return;
    const sub = watch(() => {
      void trigger(part).then((ok) => ok && setFormError(null));
    });
    return () => sub.unsubscribe();
  }, [step, attempted, watch, trigger]);


  function goTo(next: AssessmentStep) {
    setFormError(null);
    setDraftSaved(false);
    setStep(next);
    requestFocus('heading');
  }

  async function nextStep() {
    setFormError(null);
    setDraftSaved(false);
    const part = STEP_PART[step];
    if (part) {
      const ok = await trigger(part);
      setAttempted((a) => ({ ...a, [step]: true }));
      if (!ok) {
        setFormError('请根据标红的提示修改后再进入下一步。');
        requestFocus('error');
        return;
      }
    }
    goTo((step + 1) as AssessmentStep);
  }

  /** 跳过: no 第三方检测报告. */
  function skipThirdParty() {
    setValue('files.thirdPartyReportFileId', null, { shouldDirty: true });
    form.clearErrors('files.thirdPartyReportFileId');
    goTo(4);
  }

  function firstErrorStep(): AssessmentStep | null {
    const e = form.formState.errors;
    if (e.report) return 1;
    if (e.files?.sealedReportFileId) return 2;
    if (e.files?.thirdPartyReportFileId) return 3;
    if (e.notice) return 4;
    return null;
  }

  function showErrorsOn(target: AssessmentStep, message: string) {
    setAttempted((a) => ({ ...a, [target]: true }));
    setFormError(message);
    if (target !== step) setStep(target);
    requestFocus('error');
  }

  /** 下载自评估报告: step 1 checked here first, then the PDF built by the server. */
  async function downloadReport() {
    setFormError(null);
    setDownload({ ...NO_DOWNLOAD, downloading: true });
    const ok = await trigger('report');
    setAttempted((a) => ({ ...a, 1: true }));
    if (!ok) {
      setDownload({ ...NO_DOWNLOAD, error: '请根据标红的提示修改后再下载自评估报告。' });
      requestFocus('error');
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
      if (placed) requestFocus('error');
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
    setFormError(null);
    setDraftSaved(false);
    if (!(await trigger())) {
      showErrorsOn(firstErrorStep() ?? 4, '提交未成功，请根据标红的提示修改后重新提交。');
      return;
    }
    setSubmitting(true);
    const res = await reach(submitAssessmentAction({ data: toSubmitInput(getValues()), draftId }));
    setSubmitting(false);
    if (res.ok) {
      setLeaving(true);
      router.push(`/my/assessments/${res.data.assessmentId}?submitted=1`);
      return;
    }
    showFailure(res);
  }

  /** A refused submission: errors onto their fields (and their step), the rest in the alert. */
  function showFailure(res: Failure) {
    const elsewhere: string[] = [];
    let target: AssessmentStep | null = null;
    for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
      const path = formPathOf(key);
      if (!path) {
        if (key !== '_form' && message !== res.formError) elsewhere.push(message);
        continue;
      }
      setError(path as FieldPath<AssessmentWizardValues>, { type: 'server', message });
      const s = stepOfPath(path);
      if (target === null || s < target) target = s;
    }
    if (target !== null) showErrorsOn(target, ['提交未成功，请根据标红的提示修改后重新提交。', ...elsewhere].join(' '));
    else {
      setFormError([res.formError ?? '提交未成功，请稍后重试', ...elsewhere].join(' '));
      requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'center' }));
    }
  }

  async function saveDraftNow() {
    setSaving(true);
    setFormError(null);
    setDraftSaved(false);
    const res = await reach(saveAssessmentDraftAction({ data: draftPayload(getValues(), step), step, draftId }));
    setSaving(false);
    if (res.ok) {
      setDraftId(res.data.draftId);
      setDraftSaved(true);
    } else setFormError(res.formError ?? '草稿保存失败，请稍后重试');
    requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'nearest' }));
  }

  function applyDraft() {
    if (!draft) return;
    reset(draft.values);
    setDraftId(draft.id);
    setNotice('已使用草稿。');
    setAttempted({});
    setDownload(NO_DOWNLOAD);
    setPromptOpen(false);
    goTo(draft.step);
  }

  const rememberFile = useCallback((f: UploadedFile) => setFiles((m) => ({ ...m, [f.id]: f })), []);
  const fileValue = useCallback(
    (id: number | null | undefined): UploadedFile | null =>
      id ? (files[id] ?? { id, name: '已上传的文件', kind: 'pdf', size: 0, thumbUrl: null, url: `/api/files/${id}` }) : null,
    [files],
  );

  const headingId = `assessment-step-${step}-heading`;
  const fileProps = { headingId, err, fileValue, rememberFile };
  const busy = submitting || leaving;

  return (
    <FormProvider {...form}>
      <div className="space-y-6">
        <WizardSessionWarning remainingMs={sessionRemainingMs} />
        <StepProgress steps={ASSESSMENT_STEPS} step={step} />
        {notice && (
          <Alert variant="info" role="status">
            {notice}
          </Alert>
        )}

        <form
          noValidate
          className="space-y-6"
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 4) {
              if (!busy) void submit();
            } else void nextStep();
          }}
        >
          <div ref={stepRef} className="min-w-0" data-step={step}>
            {step === 1 && (
              <AssessmentStepReport headingId={headingId} websites={websites} err={err} download={download} onDownload={() => void downloadReport()} />
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
          </div>

          <div ref={alertRef} tabIndex={-1} className="space-y-3 outline-none">
            {formError && <Alert variant="destructive">{formError}</Alert>}
            {draftSaved && (
              <Alert variant="success" role="status">
                <p className="font-medium">草稿已保存</p>
                <p className="text-muted-foreground">可在“我的草稿”中继续编辑，系统只保留 30 天内的草稿信息。</p>
              </Alert>
            )}
          </div>

          <div className="flex flex-wrap justify-end gap-3">
            {step > 1 && (
              <Button type="button" variant="outline" onClick={() => goTo((step - 1) as AssessmentStep)} disabled={busy}>
                上一步
              </Button>
            )}
            <Button type="button" variant="outline" onClick={saveDraftNow} disabled={saving || busy}>
              {saving ? '保存中…' : '保存草稿'}
            </Button>
            {step === 3 && (
              <Button type="button" variant="outline" onClick={skipThirdParty} disabled={busy}>
                跳过
              </Button>
            )}
            {step < 4 ? (
              <Button type="submit">下一步</Button>
            ) : (
              <Button type="submit" disabled={busy}>
                {busy ? '提交中…' : '提交'}
              </Button>
            )}
          </div>
        </form>
      </div>

      {draft && <DraftPrompt open={promptOpen} savedAt={draft.savedAt} onUse={applyDraft} onDiscard={() => setPromptOpen(false)} />}
    </FormProvider>
  );
}
