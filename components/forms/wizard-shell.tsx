'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { FieldErrors, FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DraftPrompt } from '@/components/subjects/draft-prompt';
import { WizardSessionWarning } from '@/components/websites/wizard-session-warning';
import { StepProgress } from './step-progress';
import { useStepFocus } from './use-step-focus';
import { useHydrated } from './use-hydrated';
import { useWizardSteps } from './use-wizard-steps';
import { LeaveGuard, useUnsavedInput } from './leave-guard';
import { reach, type ActionFailure } from './use-action';

export const NEXT_STEP_ERROR = '请根据标红的提示修改后再进入下一步。';
export const SUBMIT_ERROR = '提交未成功，请根据标红的提示修改后重新提交。';

export type WizardConfig<V extends FieldValues> = {
  form: UseFormReturn<V>;
  /** Step labels for 办理进度; the form has as many steps. */
  steps: readonly string[];
  /** The step shown first: 1, or the step a restored draft was saved on. */
  initialStep: number;
  initialDraftId: number | null;
  /** What 下一步 checks on each step (form paths), null: nothing. */
  stepPart: (step: number) => FieldPath<V> | FieldPath<V>[] | null;
  /** The first step holding one of these errors. */
  errorStep: (errors: FieldErrors<V>) => number | null;
  /** 保存草稿: the server action with this form's payload. */
  saveDraft: (values: V, step: number, draftId: number | null) => Promise<ActionResult<{ draftId: number }>>;
  /** Seconds 提交 waits once the last step (提示说明) is shown; 0 or absent: none. */
  countdown?: number;
  /**
   * What 下一步 asks the server once the step's own checks pass (e.g. 网站域名 already filed):
   * field errors by form path, none to go on. A failure to ask lets the applicant go on (提交 checks again).
   */
  serverCheck?: (step: number, values: V) => Promise<Record<string, string> | null>;
};

/** The alert under a step belongs to the step it was raised on: moving away hides it. */
type StepAlert = { step: number; error?: string; draftSaved?: boolean };

/**
 * State of a multi-step form (see WizardShell): the step (in the URL), what 下一步 checked, the
 * alert, 保存草稿 and the draft's id, the 提交 countdown, focus and unsaved input.
 */
export function useWizard<V extends FieldValues>({ form, steps, initialStep, initialDraftId, stepPart, errorStep, saveDraft, countdown: countdownS = 0, serverCheck }: WizardConfig<V>) {
  const last = steps.length;
  const { step, go } = useWizardSteps(last, initialStep);
  const { stepRef, alertRef, requestFocus } = useStepFocus();
  const { unsaved, markSaved } = useUnsavedInput(form);
  const [alert, setAlert] = useState<StepAlert | null>(null);
  const [attempted, setAttempted] = useState<Partial<Record<number, boolean>>>({});
  const [draftId, setDraftId] = useState(initialDraftId);
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [countdown, setCountdown] = useState(countdownS);
  // A step change (a button, Back or Forward) focuses the new step's heading, or its first error.
  const [shown, setShown] = useState(step);
  const [focusNext, setFocusNext] = useState<'heading' | 'error'>('heading');
  if (shown !== step) {
    setShown(step);
    setFocusNext('heading');
    requestFocus(focusNext);
    // 提交 (24)s … counts down again each time the last step is entered before it reached 0.
    if (step === last && countdown > 0) setCountdown(countdownS);
  }

  // 提交 (24)s … 提交: counts down while the last step is shown; once it has reached 0 it stays there.
  useEffect(() => {
    if (step !== last || countdown === 0) return;
    const t = setTimeout(() => setCountdown((c) => Math.max(0, c - 1)), 1000);
    return () => clearTimeout(t);
  }, [step, last, countdown]);

  // After a failed 下一步, the step's errors follow the typing.
  const { watch, trigger } = form;
  useEffect(() => {
    const part = stepPart(step);
    if (!part || !attempted[step]) return;
    const sub = watch(() => {
      void trigger(part).then((ok) => ok && setAlert((a) => (a?.step === step && a.error ? null : a)));
    });
    return () => sub.unsubscribe();
  }, [step, attempted, watch, trigger, stepPart]);

  const formError = alert?.step === step ? (alert.error ?? null) : null;
  const draftSaved = alert?.step === step && !!alert.draftSaved;
  const setFormError = (error: string | null) => setAlert(error ? { step, error } : null);

  /** Shows step `next`: its heading focused, or its first error (`focus: 'error'`). */
  function goTo(next: number, focus: 'heading' | 'error' = 'heading') {
    if (focus === 'heading') setAlert(null);
    if (next === step) return requestFocus(focus);
    setFocusNext(focus);
    go(next);
  }

  async function nextStep() {
    setAlert(null);
    const part = stepPart(step);
    if (part) {
      const ok = await trigger(part);
      setAttempted((a) => ({ ...a, [step]: true }));
      if (!ok) {
        setAlert({ step, error: NEXT_STEP_ERROR });
        requestFocus('error');
        return;
      }
    }
    const refused = serverCheck ? await serverCheck(step, form.getValues()).catch(() => null) : null;
    if (refused && Object.keys(refused).length) {
      for (const [path, message] of Object.entries(refused)) form.setError(path as FieldPath<V>, { type: 'server', message });
      setAttempted((a) => ({ ...a, [step]: true }));
      setAlert({ step, error: NEXT_STEP_ERROR });
      requestFocus('error');
      return;
    }
    goTo(step + 1);
  }

  /** The errors of step `target` in view, `message` in its alert. */
  function showErrorsOn(target: number, message: string) {
    setAttempted((a) => ({ ...a, [target]: true }));
    setAlert({ step: target, error: message });
    goTo(target, 'error');
  }

  /** 提交's check of every step; false after showing the first step with errors. */
  async function checkAll(): Promise<boolean> {
    setAlert(null);
    if (await trigger()) return true;
    showErrorsOn(errorStep(form.formState.errors) ?? last, SUBMIT_ERROR);
    return false;
  }

  /**
   * A refused submission: field errors onto their fields (`fieldPath` maps the action's keys to
   * form paths, `stepOf` a path to its step) and the first such step shown; the rest in the alert.
   */
  function showFailure(res: ActionFailure, map: { fieldPath: (key: string) => string | null; stepOf: (path: string) => number; message?: (path: string, message: string) => string }) {
    const elsewhere: string[] = [];
    let target: number | null = null;
    for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
      const path = map.fieldPath(key);
      if (!path) {
        if (key !== '_form' && message !== res.formError) elsewhere.push(message);
        continue;
      }
      form.setError(path as FieldPath<V>, { type: 'server', message: map.message ? map.message(path, message) : message });
      const s = map.stepOf(path);
      if (target === null || s < target) target = s;
    }
    if (target !== null) showErrorsOn(target, [SUBMIT_ERROR, ...elsewhere].join(' '));
    else {
      setAlert({ step, error: [res.formError ?? '提交未成功，请稍后重试', ...elsewhere].join(' ') });
      requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'center' }));
    }
  }

  async function saveDraftNow() {
    setSaving(true);
    setAlert(null);
    const res = await reach(saveDraft(form.getValues(), step, draftId));
    setSaving(false);
    if (res.ok) {
      setDraftId(res.data.draftId);
      setAlert({ step, draftSaved: true });
      markSaved();
    } else setAlert({ step, error: res.formError ?? '草稿保存失败，请稍后重试' });
    requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'nearest' }));
  }

  /** 使用草稿: its values and step; nothing unsaved. */
  function restoreDraft(values: V, id: number, draftStep: number) {
    form.reset(values);
    setDraftId(id);
    setAttempted({});
    markSaved();
    goTo(draftStep);
  }

  return {
    step,
    last,
    goTo,
    nextStep,
    checkAll,
    showErrorsOn,
    showFailure,
    formError,
    setFormError,
    draftSaved,
    saving,
    saveDraftNow,
    restoreDraft,
    draftId,
    countdown,
    leaving,
    /** A submission succeeded and the page is being left: no prompt. */
    leave: () => setLeaving(true),
    unsaved: unsaved && !leaving,
    stepRef,
    alertRef,
  };
}

export type Wizard<V extends FieldValues> = ReturnType<typeof useWizard<V>>;

/**
 * The frame every multi-step filing form shares (新办网站, 变更网站, 安全评估, and each object type
 * after): session warning, 办理进度, the step, its alert, 上一步 / 保存草稿 / 下一步 / 提交 (with the
 * countdown), the draft prompt and the leave prompt. The form element carries `data-hydrated`.
 */
export function WizardShell<V extends FieldValues>({
  wizard: w,
  steps,
  sessionRemainingMs,
  notice,
  busy,
  onSubmit,
  draftSavedNote,
  extraButtons,
  draftPrompt,
  children,
}: {
  wizard: Wizard<V>;
  steps: readonly string[];
  sessionRemainingMs: number;
  notice: string | null;
  /** Submitting or leaving: the buttons wait. */
  busy: boolean;
  /** 提交 on the last step, once its checks passed by the caller (see Wizard.checkAll). */
  onSubmit: () => void;
  draftSavedNote: ReactNode;
  extraButtons?: ReactNode;
  draftPrompt?: { open: boolean; title?: string; savedAt?: number; onUse: () => void; onDiscard: () => void } | null;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  // Read once: the refs go to their elements, the rest is plain state.
  const { stepRef, alertRef, step, last, countdown, formError, draftSaved, saving, unsaved } = w;
  return (
    <>
      <div className="space-y-6">
        <WizardSessionWarning remainingMs={sessionRemainingMs} />
        <StepProgress steps={steps} step={step} />
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
            if (step === last) {
              if (countdown === 0 && !busy) onSubmit();
            } else void w.nextStep();
          }}
        >
          <div ref={stepRef} className="min-w-0" data-step={step}>
            {children}
          </div>

          <div ref={alertRef} tabIndex={-1} className="space-y-3 outline-none">
            {formError && <Alert variant="destructive">{formError}</Alert>}
            {draftSaved && (
              <Alert variant="success" role="status">
                <p className="font-medium">草稿已保存</p>
                <p className="text-muted-foreground">{draftSavedNote}</p>
              </Alert>
            )}
          </div>

          <div className="flex flex-wrap justify-end gap-3">
            {step > 1 && (
              <Button type="button" variant="outline" onClick={() => w.goTo(step - 1)} disabled={busy}>
                上一步
              </Button>
            )}
            <Button type="button" variant="outline" onClick={() => void w.saveDraftNow()} disabled={saving || busy}>
              {saving ? '保存中…' : '保存草稿'}
            </Button>
            {extraButtons}
            {step < last ? (
              <Button type="submit">下一步</Button>
            ) : (
              <Button type="submit" disabled={countdown > 0 || busy}>
                {countdown > 0 ? `提交 (${countdown})s` : busy ? '提交中…' : '提交'}
              </Button>
            )}
          </div>
        </form>
      </div>

      {draftPrompt && <DraftPrompt {...draftPrompt} />}
      <LeaveGuard when={unsaved} />
    </>
  );
}
