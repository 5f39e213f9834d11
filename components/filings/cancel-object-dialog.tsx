'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { SmsCodeField, type SendCodeResult } from '@/components/subjects/sms-code-field';
import { PhoneMiddleFourField } from '@/components/subjects/phone-middle-four-field';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { formatDateTime } from '@/lib/utils';
import { z } from 'zod';
import { cancelIdentityShape } from '@/lib/websites/schemas';
import type { ActionResult } from '@/lib/actions';
import { Textarea } from '@/components/ui/textarea';
import { reach, useAction } from '@/components/forms/use-action';

import type { CancelDraft } from '@/lib/drafts/cancel-dialog';
export type { CancelDraft };

/** What the dialog submits (with the object's id, added by the caller's closures). */
export type CancelFields = { principalName: string; middleFour: string; code: string; reason: string; attachmentFileId: number | null; draftId: number | null };
export type CancelDraftFields = { principalName: string; reason: string; attachmentFileId: number | null; draftId: number | null };

export type CancelObjectDialogProps = {
  /** 注销网站, 注销APP … (the dialog's title and the form's name). */
  title: string;
  /** The object as named in the dialog: 网站名称：…；域名：… */
  description: string;
  phoneMasked: string;
  draft?: CancelDraft | null;
  /** Opened from 我的草稿 (?draft=): the dialog opens with the draft filled in. */
  restoreDraft?: boolean;
  /** 特别声明. */
  statement: readonly string[];
  /** 模板下载 of the 注销说明 (websites). */
  template?: { href: string; note: string } | null;
  send: () => Promise<SendCodeResult>;
  submit: (fields: CancelFields) => Promise<ActionResult<{ applicationId: number }>>;
  saveDraft: (fields: CancelDraftFields) => Promise<ActionResult<{ draftId: number }>>;
};

const checkInput = z.object(cancelIdentityShape);

const DRAFT_NOTE = '手机号码中间四位和短信验证码不保存在草稿中，使用草稿时需重新填写。';

/** Error key → the id of the control it belongs to (for focusing the first error). */
const FIELD_IDS: Record<string, string> = {
  principalName: 'principal-name',
  middleFour: 'middle-four',
  code: 'sms-code',
  reason: 'reason',
  attachmentFileId: 'attachment',
};

function focusFirstError(errors: Record<string, string>) {
  const key = Object.keys(FIELD_IDS).find((k) => errors[k]);
  if (key) requestAnimationFrame(() => document.getElementById(FIELD_IDS[key]!)?.focus());
}

/**
 * 注销 button of one row and its dialog (seed 004 §5.2.3: 身份验证 of the subject principal, 注销原因,
 * 附件说明, 特别声明, 保存草稿) — the same for a website and every other filed object.
 */
export function CancelObjectDialog(props: CancelObjectDialogProps) {
  const { title, description, draft = null, restoreDraft = false } = props;
  const [open, setOpen] = useState(restoreDraft && !!draft);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="destructive">
          注销
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription className="break-all">{description}</DialogDescription>
        </DialogHeader>
        {/* Mounted only while open: closing the dialog forgets what was typed. */}
        <CancelForm {...props} draft={draft} restoreDraft={restoreDraft} pending={pending} setPending={setPending} />
      </DialogContent>
    </Dialog>
  );
}

function CancelForm({
  title,
  phoneMasked,
  draft,
  restoreDraft,
  statement,
  template,
  send,
  submit,
  saveDraft,
  pending,
  setPending,
}: CancelObjectDialogProps & { draft: CancelDraft | null; restoreDraft: boolean; pending: boolean; setPending: (p: boolean) => void }) {
  const restored = restoreDraft && !!draft;
  const [principalName, setPrincipalName] = useState(restored ? draft.principalName : '');
  const [middleFour, setMiddleFour] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState(restored ? draft.reason : '');
  const [attachment, setAttachment] = useState<UploadedFile | null>(restored ? draft.attachment : null);
  // "您有一条草稿，是否使用" when the dialog is opened by 注销 while a draft exists.
  const [asking, setAsking] = useState(!!draft && !restoreDraft);
  const [draftId, setDraftId] = useState<number | null>(restored ? draft.id : null);
  const [notice, setNotice] = useState<string | null>(restored ? `已使用草稿。${DRAFT_NOTE}` : null);
  const [saving, setSaving] = useState(false);
  const {
    run,
    formError,
    setFormError,
    fieldErrors: errors,
    setFieldErrors: setErrors,
  } = useAction(submit, {
    fields: Object.keys(FIELD_IDS),
    redirect: (d) => `/my/applications/${d.applicationId}?submitted=1`,
    onPendingChange: setPending,
    failureText: '提交失败，请稍后重试',
  });

  const input = (): CancelFields => ({ principalName, middleFour, code, reason, attachmentFileId: attachment?.id ?? null, draftId });

  function applyDraft() {
    if (!draft) return;
    setPrincipalName(draft.principalName);
    setReason(draft.reason);
    setAttachment(draft.attachment);
    setDraftId(draft.id);
    setAsking(false);
    setNotice(`已使用草稿。${DRAFT_NOTE}`);
  }

  async function saveDraftNow() {
    setFormError(null);
    setNotice(null);
    setSaving(true);
    const res = await reach(
      saveDraft({
        draftId,
        principalName: principalName.slice(0, 50),
        reason: reason.slice(0, 500),
        attachmentFileId: attachment?.id ?? null,
      }),
    );
    setSaving(false);
    if (res.ok) {
      setDraftId(res.data.draftId);
      setNotice(`草稿已保存。${DRAFT_NOTE}`);
    } else setFormError(res.formError ?? '保存失败，请稍后重试');
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = checkInput.safeParse(input());
    if (!parsed.success) {
      const fe = fieldErrorsOf(parsed.error);
      setErrors(fe);
      focusFirstError(fe);
      return;
    }
    setErrors({});
    // A field error already says what is wrong where it is; other failures go on top.
    await run(input());
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={title}>
      {asking && draft && (
        <div role="group" aria-labelledby="cancel-draft-prompt" className="space-y-3 rounded-md border border-primary/40 bg-primary/5 p-3 text-sm">
          <p id="cancel-draft-prompt" className="font-medium">
            您有一条草稿，是否使用
          </p>
          <p className="text-muted-foreground">草稿保存时间：{formatDateTime(draft.savedAt)}。系统只保留 30 天内的草稿信息。</p>
          <div className="flex gap-2">
            <Button type="button" size="sm" onClick={applyDraft}>
              是
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={() => setAsking(false)}>
              否
            </Button>
          </div>
        </div>
      )}
      {formError && <Alert variant="destructive">{formError}</Alert>}
      {notice && (
        <Alert variant="success" role="status">
          {notice}
        </Alert>
      )}

      <Field id="principal-name" label="负责人姓名" required error={errors.principalName}>
        <Input
          id="principal-name"
          name="principalName"
          autoComplete="off"
          maxLength={50}
          value={principalName}
          onChange={(e) => setPrincipalName(e.target.value)}
          disabled={pending}
          aria-invalid={!!errors.principalName}
          aria-describedby={errors.principalName ? 'principal-name-error' : undefined}
        />
      </Field>

      <PhoneMiddleFourField phoneMasked={phoneMasked} value={middleFour} onChange={setMiddleFour} error={errors.middleFour} disabled={pending} />

      <SmsCodeField
        id="sms-code"
        send={send}
        phoneMasked={phoneMasked}
        value={code}
        onChange={setCode}
        error={errors.code}
        disabled={pending}
      />

      <Field id="reason" label="注销原因" required error={errors.reason}>
        <Textarea
          id="reason"
          name="reason"
          rows={4}
          maxLength={500}
          placeholder="请输入"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          disabled={pending}
          aria-invalid={!!errors.reason}
          aria-describedby={errors.reason ? 'reason-error' : undefined}
          className="min-h-24"
        />
      </Field>

      <div className="space-y-1.5">
        <UploadField
          id="attachment"
          name="attachmentFileId"
          label="附件说明"
          kind="pdf"
          value={attachment}
          onChange={setAttachment}
          error={errors.attachmentFileId}
          disabled={pending}
          hint="支持pdf格式，文件大小不超过5MB"
        />
        {template && (
          <p className="text-sm">
            <a href={template.href} download className="font-medium text-primary underline underline-offset-4">
              模板下载
            </a>
            <span className="text-muted-foreground">{template.note}</span>
          </p>
        )}
      </div>

      <section aria-label="特别声明" className="space-y-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
        <p className="font-medium">特别声明：</p>
        <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
          {statement.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={pending}>
            取消
          </Button>
        </DialogClose>
        <Button type="button" variant="outline" onClick={saveDraftNow} disabled={pending || saving}>
          {saving ? '保存中…' : '保存草稿'}
        </Button>
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? '提交中…' : '确认'}
        </Button>
      </DialogFooter>
    </form>
  );
}
