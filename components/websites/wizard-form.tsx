'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, get, set, useForm, useWatch, type FieldError, type FieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import { websiteSchema } from '@/lib/websites/schemas';
import { registrableDomains } from '@/lib/websites/domains';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { UploadedFile } from '@/components/files/upload-field';
import { DraftPrompt } from '@/components/subjects/draft-prompt';
import { ChangeCompareDialog, type CompareRow } from '@/components/subjects/change-compare-dialog';
import { saveWebsiteDraftAction, submitNewWebsiteAction } from '@/lib/websites/actions';
import { previewWebsiteChangeAction, saveWebsiteChangeDraftAction, submitWebsiteChangeAction } from '@/lib/websites/actions';
import { StepProgress } from '@/components/forms/step-progress';
import { useStepFocus } from '@/components/forms/use-step-focus';
import { useHydrated } from '@/components/forms/use-hydrated';
import { WizardSessionWarning } from './wizard-session-warning';
import { WizardStepSubject } from './wizard-step-subject';
import { namingViolations, WizardStepBasic } from './wizard-step-basic';
import { WizardStepContacts } from './wizard-step-contacts';
import type { IdentityMode } from '@/lib/identity/labels';
import { NoticeStep } from '@/components/forms/notice-step';
import { NOTICE_ITEMS, NOTICE_PREAMBLE, NOTICE_TITLE } from '@/lib/websites/schemas';
import {
  CONTACT_ROLES,
  draftPayload,
  formPathOf,
  keepsRegisteredPii,
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

/** 提交 waits this long after 04 提示说明 is reached. */
const COUNTDOWN_S = 24;
const STEP_PART: Record<WizardStep, 'basic' | 'contacts' | 'notice' | null> = { 1: null, 2: 'basic', 3: 'contacts', 4: 'notice' };
const PII_PATH = /^contacts\.(securityOwner|emergencyContact)\.(idNumber|phone)$/;

/** 变更网站: an empty 证件号码 / 手机号码 of a registered contact means "keep" and is no error. */
function keptPii(path: string, values: WizardValues, registered: RegisteredContacts | undefined): boolean {
  const m = registered && PII_PATH.exec(path);
  if (!m) return false;
  const role = m[1] as 'securityOwner' | 'emergencyContact';
  const c = values.contacts[role];
  return !c[m[2] as 'idNumber' | 'phone'].trim() && keepsRegisteredPii(c, registered[role]);
}

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
        if (path && keptPii(path, values, registered)) continue;
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

function restoredNotice(values: WizardValues, change: boolean): string {
  const selfFilled = CONTACT_ROLES.filter((r) => values.contacts[r].mode === '自主填写');
  if (!selfFilled.length) return '已使用草稿。';
  const national = selfFilled.some((r) => values.contacts[r].authMethod === '国家网络身份认证公共服务认证') ? '选择国家网络身份认证的负责人需重新认证。' : '';
  return change
    ? `已使用草稿。草稿不保存网站负责人的证件号码和手机号码：已登记的号码不修改请留空，其他请重新填写。${national}`
    : `已使用草稿。草稿不保存网站负责人的证件号码和手机号码，请重新填写。${national}`;
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
};

/** 新办网站申请 (SPEC §4.1) and 变更网站 (§4.2): four steps, one form. */
export function WebsiteWizard({ subject, initialValues, files: initialFiles, draft, draftAction, sessionRemainingMs, change, identity }: WebsiteWizardProps) {
  const router = useRouter();
  const restoreAtOnce = draftAction === 'restore' && !!draft;

  const [step, setStep] = useState<WizardStep>(restoreAtOnce ? draft!.step : 1);
  const [draftId, setDraftId] = useState<number | null>(restoreAtOnce ? draft!.id : null);
  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? restoredNotice(draft!.values, !!change) : null);
  const [files, setFiles] = useState(initialFiles);
  const [formError, setFormError] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [attempted, setAttempted] = useState<Partial<Record<WizardStep, boolean>>>({});
  const [countdown, setCountdown] = useState(COUNTDOWN_S);
  const [compareRows, setCompareRows] = useState<ChangeRows | null>(null);
  // Focus after a step change (its heading) or a failed check (the first invalid control).
  const { stepRef, alertRef, requestFocus } = useStepFocus();

  const [resolver] = useState(() => wizardResolver(subject, change?.registered ?? undefined));
  const hydrated = useHydrated();
  const form = useForm<WizardValues>({
    resolver,
    defaultValues: restoreAtOnce ? draft!.values : initialValues,
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const { control, trigger, watch, getValues, setValue, setError, reset, formState } = form;
  const errors = formState.errors;
  const err = useCallback((path: string) => (get(errors, path) as FieldError | undefined)?.message, [errors]);

  // One 域名证书 entry per registrable domain: added as domains appear (never dropped, see WizardValues).
  const domains = useWatch({ control, name: 'basic.domains' });
  const registrablesKey = useMemo(() => registrableDomains(domains.map((d) => d.domain)).join('\n'), [domains]);
  useEffect(() => {
    const regs = registrablesKey ? registrablesKey.split('\n') : [];
    const certs = getValues('basic.certificates');
    const missing = regs.filter((r) => !certs.some((c) => c.registrable === r));
    if (missing.length) setValue('basic.certificates', [...certs, ...missing.map((registrable) => ({ registrable, fileId: null }))]);
  }, [registrablesKey, getValues, setValue]);

  // After a failed 下一步, the step's errors follow the typing.
  useEffect(() => {
    const part = STEP_PART[step];
    if (!part || !attempted[step]) return;
    const sub = watch(() => {
      void trigger(part).then((ok) => ok && setFormError(null));
    });
    return () => sub.unsubscribe();
  }, [step, attempted, watch, trigger]);

  // 提交 (24)s … 提交: counts down while 04 is shown; once it has reached 0 it stays there.
  useEffect(() => {
    if (step !== 4 || countdown === 0) return;
    const t = setTimeout(() => setCountdown((c) => Math.max(0, c - 1)), 1000);
    return () => clearTimeout(t);
  }, [step, countdown]);


  function goTo(next: WizardStep) {
    setFormError(null);
    setDraftSaved(false);
    if (next === 4 && countdown > 0) setCountdown(COUNTDOWN_S);
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
    goTo((step + 1) as WizardStep);
  }

  /** The first step holding an error, or null. */
  function firstErrorStep(): WizardStep | null {
    const e = form.formState.errors;
    if (e.basic) return 2;
    if (e.contacts) return 3;
    if (e.notice) return 4;
    return null;
  }

  function showErrorsOn(target: WizardStep, message: string) {
    setAttempted((a) => ({ ...a, [target]: true }));
    setFormError(message);
    if (target !== step) {
      if (target === 4 && countdown > 0) setCountdown(COUNTDOWN_S);
      setStep(target);
    }
    requestFocus('error');
  }

  async function submit() {
    setFormError(null);
    setDraftSaved(false);
    if (!(await trigger())) {
      showErrorsOn(firstErrorStep() ?? 4, '提交未成功，请根据标红的提示修改后重新提交。');
      return;
    }
    setSubmitting(true);
    const values = getValues();
    if (change) {
      // 变更网站: the server checks the change and returns the comparison table first.
      const preview = await reach(previewWebsiteChangeAction({ websiteId: change.websiteId, data: toWebsiteInput(values), draftId }));
      setSubmitting(false);
      if (preview.ok) setCompareRows(preview.data);
      else showFailure(preview, values);
      return;
    }
    const res = await reach(submitNewWebsiteAction({ subjectId: subject.id, data: toWebsiteInput(values), draftId }));
    setSubmitting(false);
    if (res.ok) {
      setLeaving(true);
      router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
      return;
    }
    showFailure(res, values);
  }

  /** 变更信息确认 → 确认. */
  async function confirmChange() {
    if (!change) return;
    setSubmitting(true);
    const values = getValues();
    const res = await reach(submitWebsiteChangeAction({ websiteId: change.websiteId, data: toWebsiteInput(values), draftId }));
    setSubmitting(false);
    if (res.ok) {
      setLeaving(true);
      router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
      return;
    }
    setCompareRows(null);
    showFailure(res, values);
  }

  /** A refused submission: errors onto their fields (and their step), the rest in the alert. */
  function showFailure(res: Failure, values: WizardValues) {
    const elsewhere: string[] = [];
    let target: WizardStep | null = null;
    for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
      const path = formPathOf(key, values);
      if (!path) {
        if (key !== '_form') elsewhere.push(message);
        continue;
      }
      setError(path as FieldPath<WizardValues>, { type: 'server', message: messageFor(path, message) });
      const s = stepOfPath(path);
      if (target === null || s < target) target = s;
    }
    if (target !== null) showErrorsOn(target, ['提交未成功，请根据标红的提示修改后重新提交。', ...elsewhere].join(' '));
    else {
      setFormError([res.formError ?? '提交未成功，请稍后重试', ...elsewhere.filter((m) => m !== res.formError)].join(' '));
      requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'center' }));
    }
  }

  async function saveDraftNow() {
    setSaving(true);
    setFormError(null);
    setDraftSaved(false);
    const data = draftPayload(getValues(), step);
    const res = await reach(
      change ? saveWebsiteChangeDraftAction({ websiteId: change.websiteId, data, step, draftId }) : saveWebsiteDraftAction({ subjectId: subject.id, data, step, draftId }),
    );
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
    setNotice(restoredNotice(draft.values, !!change));
    setAttempted({});
    setPromptOpen(false);
    goTo(draft.step);
  }

  const rememberFile = useCallback((f: UploadedFile) => setFiles((m) => ({ ...m, [f.id]: f })), []);
  const fileValue = useCallback(
    (id: number | null | undefined): UploadedFile | null =>
      id ? (files[id] ?? { id, name: '已上传的文件', kind: 'image', size: 0, thumbUrl: null, url: `/api/files/${id}` }) : null,
    [files],
  );

  const headingId = `wizard-step-${step}-heading`;
  const stepProps = { err, fileValue, rememberFile };
  const busy = submitting || leaving;

  return (
    <FormProvider {...form}>
      <div className="space-y-6">
        <WizardSessionWarning remainingMs={sessionRemainingMs} />
        <StepProgress steps={WIZARD_STEPS} step={step} />
        {notice && (
          <Alert variant="info" role="status">
            {notice}
          </Alert>
        )}

        <form
          noValidate
          data-hydrated={hydrated || undefined}
          className="space-y-6"
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 4) {
              if (countdown === 0 && !busy) void submit();
            } else void nextStep();
          }}
        >
          <div ref={stepRef} className="min-w-0" data-step={step}>
            {step === 1 && <WizardStepSubject subject={subject} headingId={headingId} />}
            {step === 2 && <WizardStepBasic subject={subject} headingId={headingId} {...stepProps} />}
            {step === 3 && <WizardStepContacts subject={subject} headingId={headingId} registered={change?.registered} identity={identity} {...stepProps} />}
            {step === 4 && (
              <NoticeStep headingId={headingId} error={err('notice.agree')} title={NOTICE_TITLE} preamble={NOTICE_PREAMBLE} items={NOTICE_ITEMS} agreeLabel="我已阅读" />
            )}
          </div>

          <div ref={alertRef} tabIndex={-1} className="space-y-3 outline-none">
            {formError && <Alert variant="destructive">{formError}</Alert>}
            {draftSaved && (
              <Alert variant="success" role="status">
                <p className="font-medium">草稿已保存</p>
                <p className="text-muted-foreground">
                  {change
                    ? '网站负责人的证件号码和手机号码不保存在草稿中；使用草稿时，已登记的号码不修改可留空。'
                    : '网站负责人的证件号码和手机号码不保存在草稿中，使用草稿时需重新填写。'}
                </p>
              </Alert>
            )}
          </div>

          <div className="flex flex-wrap justify-end gap-3">
            {step > 1 && (
              <Button type="button" variant="outline" onClick={() => goTo((step - 1) as WizardStep)} disabled={busy}>
                上一步
              </Button>
            )}
            <Button type="button" variant="outline" onClick={saveDraftNow} disabled={saving || busy}>
              {saving ? '保存中…' : '保存草稿'}
            </Button>
            {step < 4 ? (
              <Button type="submit">下一步</Button>
            ) : (
              <Button type="submit" disabled={countdown > 0 || busy}>
                {countdown > 0 ? `提交 (${countdown})s` : busy ? '提交中…' : '提交'}
              </Button>
            )}
          </div>
        </form>
      </div>

      {draft && (
        <DraftPrompt
          open={promptOpen}
          title={change ? '您有一条变更网站的草稿，是否使用' : undefined}
          savedAt={draft.savedAt}
          onUse={applyDraft}
          onDiscard={() => setPromptOpen(false)}
        />
      )}
      {change && (
        <ChangeCompareDialog rows={compareRows ?? NO_ROWS} open={!!compareRows} pending={busy} onCancel={() => setCompareRows(null)} onConfirm={() => void confirmChange()} />
      )}
    </FormProvider>
  );
}
