'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@/components/ui/link';
import { Plus, Trash2 } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { decideAction, interviewOutcomeAction } from '@/lib/review/actions';
import { COMMENT_MAX, NOTE_MAX, decisionSchema, interviewOutcomeSchema } from '@/lib/review/schemas';
import { ReturnReasonField } from './return-reason-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { useAction } from '@/components/forms/use-action';
import type { ActionResult } from '@/lib/actions';

export type FieldOption = { value: string; label: string };
type Decision = '通过' | '退回';
type Row = { key: number; field: string; comment: string };
type Outcome = { status: string; filingNumber: string | null };

const MAX_ROWS = 50;

/** 登记面审结果 (payload with 说明) or 审核意见 (payload with 字段审核意见). */
async function submitDecision(interview: boolean, payload: object): Promise<ActionResult<{ status: string; filingNumber?: string | null }>> {
  return interview
    ? interviewOutcomeAction(payload as Parameters<typeof interviewOutcomeAction>[0])
    : decideAction(payload as Parameters<typeof decideAction>[0]);
}

/**
 * 审核意见 (mode "decision") or 登记面审结果 (mode "interview"). The page always renders it, so
 * the outcome stays on screen after the action's revalidation re-renders the page as decided;
 * with `mode` null and nothing to report it renders nothing.
 */
export function DecisionPanel({
  applicationId,
  mode,
  title,
  canApprove,
  approveBlocked,
  approveEffect,
  fieldOptions,
  reasons,
}: {
  applicationId: number;
  mode: 'decision' | 'interview' | null;
  title: string;
  canApprove: boolean;
  /** Why 通过 is not offered (shown instead of the option). */
  approveBlocked?: string | null;
  /** What 通过 does, for the confirmation dialog. */
  approveEffect?: string;
  fieldOptions: FieldOption[];
  reasons: readonly string[];
}) {
  const base = useId();
  const [decision, setDecision] = useState<Decision | ''>(canApprove ? '' : '退回');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const {
    run,
    pending,
    formError,
    setFormError,
    fieldErrors: errors,
    setFieldErrors: setErrors,
  } = useAction(submitDecision, {
    onSuccess: (d) => setOutcome({ status: d.status, filingNumber: d.filingNumber ?? null }),
    // The action revalidates the page when it decides; after a refusal the page may be stale
    // (decided or taken by someone else meanwhile).
    refresh: 'refusal',
    keepFormError: true,
    failureText: '提交失败，请稍后重试',
  });
  const nextKey = useRef(1);
  const resultRef = useRef<HTMLDivElement>(null);
  const [shownMode, setShownMode] = useState(mode);

  // A new task (e.g. 面审 scheduled → 登记面审结果) starts from an empty form, never a leftover 退回.
  if (mode !== shownMode) {
    setShownMode(mode);
    if (mode) {
      setDecision(canApprove ? '' : '退回');
      setReason('');
      setNote('');
      setRows([]);
      setErrors({});
    }
  }

  // The outcome replaces the form: move focus to it so keyboard and screen-reader users hear it.
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  if (outcome) {
    return (
      <Alert ref={resultRef} tabIndex={-1} variant="success" data-testid="decision-result" className="outline-none">
        <p className="font-medium">审核完成：{outcome.status === '通过' ? '已通过' : outcome.status === '退回' ? '已退回' : outcome.status}</p>
        {outcome.filingNumber && (
          <p className="mt-1">
            公安备案号：<span className="font-mono font-medium" data-testid="filing-number">{outcome.filingNumber}</span>
          </p>
        )}
        <p className="mt-1">已通知申请人。</p>
        <Button asChild size="sm" className="mt-3">
          <Link href="/review">返回待办</Link>
        </Button>
      </Alert>
    );
  }
  if (!mode) return formError ? <Alert variant="destructive">{formError}</Alert> : null;

  const interview = mode === 'interview';
  const withComments = !interview && fieldOptions.length > 0;
  const ids = { decision: `${base}-decision`, note: `${base}-note` };

  function payload() {
    const common = { id: applicationId, decision: decision as Decision, reason: decision === '退回' ? reason : '' };
    return interview ? { ...common, note } : { ...common, fieldComments: decision === '退回' ? rows.map(({ field, comment }) => ({ field, comment })) : [] };
  }

  function validate(): boolean {
    const parsed = interview ? interviewOutcomeSchema.safeParse(payload()) : decisionSchema.safeParse(payload());
    if (parsed.success) {
      setErrors({});
      return true;
    }
    setErrors(fieldErrorsOf(parsed.error));
    return false;
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (!validate()) return;
    setConfirming(true);
  }

  async function confirm() {
    const res = await run(interview, payload());
    if (res) setConfirming(false);
  }

  const addRow = () => setRows((r) => (r.length >= MAX_ROWS ? r : [...r, { key: nextKey.current++, field: '', comment: '' }]));
  const setRow = (key: number, patch: Partial<Row>) => setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const removeRow = (key: number) => setRows((r) => r.filter((x) => x.key !== key));

  const legend = interview ? '结果' : '审核结果';
  const confirmTitle = decision === '通过' ? '确认通过该申请？' : '确认退回该申请？';
  const confirmText =
    decision === '通过'
      ? `${approveEffect ?? ''}提交后将通知申请人，且不可撤回。`
      : `退回原因：${reason.trim()}。提交后将通知申请人，且不可撤回。`;

  return (
    <Card data-testid="decision-panel">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {formError && (
            <Alert variant="destructive" data-testid="decision-error">
              {formError}
            </Alert>
          )}
          <fieldset className="space-y-2" aria-describedby={errors.decision ? `${ids.decision}-error` : undefined}>
            <legend className="text-sm font-medium">{legend}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(['通过', '退回'] as const)
                .filter((d) => d === '退回' || canApprove)
                .map((d) => (
                  <div key={d} className="flex items-center gap-2">
                    <RadioGroupItem
                      id={`${ids.decision}-${d}`}
                      name={`${base}-decision`}
                      value={d}
                      checked={decision === d}
                      onChange={() => setDecision(d)}
                      disabled={pending}
                    />
                    <label htmlFor={`${ids.decision}-${d}`} className="text-sm">
                      {d}
                    </label>
                  </div>
                ))}
            </div>
            {!canApprove && approveBlocked && (
              <p className="text-sm text-muted-foreground" data-testid="approve-blocked">
                {approveBlocked}
              </p>
            )}
            {errors.decision && (
              <p id={`${ids.decision}-error`} role="alert" className="text-sm text-destructive">
                {errors.decision}
              </p>
            )}
          </fieldset>

          {interview && (
            <Field id={ids.note} label="说明" error={errors.note} hint="核查情况，选填">
              <Textarea
                id={ids.note}
                value={note}
                maxLength={NOTE_MAX}
                rows={3}
                onChange={(e) => setNote(e.target.value)}
                className="min-h-24"
                aria-invalid={!!errors.note}
                aria-describedby={errors.note ? `${ids.note}-error` : `${ids.note}-hint`}
                disabled={pending}
              />
            </Field>
          )}

          {decision === '退回' && (
            <ReturnReasonField idBase={base} reasons={reasons} value={reason} onChange={setReason} error={errors.reason} disabled={pending} />
          )}

          {decision === '退回' && withComments && (
            <fieldset className="space-y-3 rounded-md border p-3">
              <legend className="px-1 text-sm font-medium">字段审核意见（选填）</legend>
              <p className="text-xs text-muted-foreground">申请人将在对应字段下看到审核意见。</p>
              {errors.fieldComments && (
                <p role="alert" className="text-sm text-destructive">
                  {errors.fieldComments}
                </p>
              )}
              {rows.map((row, i) => {
                const fid = `${base}-fc-${row.key}-field`;
                const cid = `${base}-fc-${row.key}-comment`;
                const fErr = errors[`fieldComments.${i}.field`];
                const cErr = errors[`fieldComments.${i}.comment`];
                return (
                  <div key={row.key} className="space-y-2 border-b pb-3 last:border-b-0 last:pb-0" data-testid="field-comment-row">
                    <Field id={fid} label="字段" error={fErr}>
                      <NativeSelect
                        id={fid}
                        value={row.field}
                        onChange={(e) => setRow(row.key, { field: e.target.value })}
                        aria-invalid={!!fErr}
                        aria-describedby={fErr ? `${fid}-error` : undefined}
                        disabled={pending}
                      >
                        <NativeSelectOption value="">请选择字段</NativeSelectOption>
                        {fieldOptions.map((o) => (
                          <NativeSelectOption key={o.value} value={o.value}>
                            {o.label}
                          </NativeSelectOption>
                        ))}
                      </NativeSelect>
                    </Field>
                    <Field id={cid} label="审核意见" error={cErr}>
                      <Input
                        id={cid}
                        value={row.comment}
                        maxLength={COMMENT_MAX}
                        onChange={(e) => setRow(row.key, { comment: e.target.value })}
                        aria-invalid={!!cErr}
                        aria-describedby={cErr ? `${cid}-error` : undefined}
                        disabled={pending}
                      />
                    </Field>
                    <Button type="button" variant="ghost" size="sm" onClick={() => removeRow(row.key)} disabled={pending} className="text-destructive">
                      <Trash2 aria-hidden />
                      删除<span className="sr-only">第{i + 1}条字段意见</span>
                    </Button>
                  </div>
                );
              })}
              <Button type="button" variant="outline" size="sm" onClick={addRow} disabled={pending || rows.length >= MAX_ROWS}>
                <Plus aria-hidden />
                添加字段意见
              </Button>
            </fieldset>
          )}

          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {pending ? '提交中…' : '提交审核结果'}
          </Button>
        </form>

        <Dialog open={confirming} onOpenChange={(o) => !pending && setConfirming(o)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{confirmTitle}</DialogTitle>
              <DialogDescription className="break-all whitespace-pre-wrap">{confirmText}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setConfirming(false)} disabled={pending}>
                取消
              </Button>
              <Button type="button" variant={decision === '退回' ? 'destructive' : 'default'} onClick={confirm} disabled={pending}>
                {pending ? '提交中…' : '确定'}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
