'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { SmsCodeField } from '@/components/subjects/sms-code-field';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { PhoneMiddleFourField } from '@/components/subjects/phone-middle-four-field';
import { cancelSubjectSchema } from '@/lib/subjects/schemas';
import { cancelSubjectAction, sendCancelCodeAction } from '@/lib/subjects/actions';
import { Textarea } from '@/components/ui/textarea';
import { useAction } from '@/components/forms/use-action';

/** Error key → the id of the control it belongs to (for focusing the first error). */
const FIELD_IDS: Record<string, string> = {
  principalName: 'principal-name',
  middleFour: 'middle-four',
  code: 'sms-code',
  reason: 'reason',
  attachmentFileId: 'attachment',
};

const CANCEL_WARNING = '注销主体后，该主体下的所有网站、安全评估及审核中的申请将一并注销，且不可恢复。';


function focusFirstError(errors: Record<string, string>) {
  const key = Object.keys(FIELD_IDS).find((k) => errors[k]);
  if (key) requestAnimationFrame(() => document.getElementById(FIELD_IDS[key]!)?.focus());
}

export function CancelSubjectForm({ subjectId, subjectName, phoneMasked }: { subjectId: number; subjectName: string; phoneMasked: string }) {
  const router = useRouter();
  const [principalName, setPrincipalName] = useState('');
  const [middleFour, setMiddleFour] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [attachment, setAttachment] = useState<UploadedFile | null>(null);
  const [confirming, setConfirming] = useState(false);
  const {
    run,
    pending,
    formError,
    setFormError,
    fieldErrors: errors,
    setFieldErrors: setErrors,
  } = useAction(cancelSubjectAction, {
    fields: Object.keys(FIELD_IDS),
    redirect: (d) => `/my/applications/${d.applicationId}?submitted=1`,
    failureText: '提交失败，请稍后重试',
  });

  const input = () => ({ subjectId, principalName, middleFour, code, reason, attachmentFileId: attachment?.id ?? null });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = cancelSubjectSchema.safeParse(input());
    if (!parsed.success) {
      const fe = fieldErrorsOf(parsed.error);
      setErrors(fe);
      focusFirstError(fe);
      return;
    }
    setErrors({});
    setConfirming(true);
  }

  async function confirm() {
    const res = await run(input());
    // A field error already says what is wrong where it is; other failures go on top.
    if (res && !res.ok) setConfirming(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert variant="destructive">{formError}</Alert>}

      <Field id="principal-name" label="负责人姓名" required error={errors.principalName}>
        <Input
          id="principal-name"
          name="principalName"
          autoComplete="off"
          maxLength={50}
          value={principalName}
          onChange={(e) => setPrincipalName(e.target.value)}
          aria-invalid={!!errors.principalName}
          aria-describedby={errors.principalName ? 'principal-name-error' : undefined}
        />
      </Field>

      <PhoneMiddleFourField phoneMasked={phoneMasked} value={middleFour} onChange={setMiddleFour} error={errors.middleFour} />

      <SmsCodeField
        id="sms-code"
        send={() => sendCancelCodeAction({ subjectId })}
        phoneMasked={phoneMasked}
        value={code}
        onChange={setCode}
        error={errors.code}
      />

      <Field id="reason" label="注销原因" required error={errors.reason}>
        <Textarea
          id="reason"
          name="reason"
          rows={4}
          maxLength={500}
          placeholder="请填写注销原因"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
          aria-describedby={errors.reason ? 'reason-error' : undefined}
          className="min-h-24"
        />
      </Field>

      <UploadField
        id="attachment"
        name="attachmentFileId"
        label="附件说明"
        kind="pdf"
        value={attachment}
        onChange={setAttachment}
        error={errors.attachmentFileId}
        hint="PDF格式，不超过5MB；域名已不受控制时须提供说明"
      />

      <div className="space-y-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
        <p className="font-medium text-destructive">{CANCEL_WARNING}</p>
        <p className="font-medium">特别声明：</p>
        <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
          <li>如果负责人手机号码发生变动，请通过开办主体变更流程修改手机号，待审核通过后再提交注销申请。</li>
          <li>如果网站域名已不属于您控制，或您无法关停相关服务，请填写说明文件，并由负责人手写签名或单位盖章，上传扫描文件。</li>
        </ul>
      </div>

      <div className="flex flex-wrap justify-end gap-3">
        <Button type="button" variant="outline" onClick={() => router.push('/my/subject')} disabled={pending}>
          取消
        </Button>
        <Button type="submit" variant="destructive" disabled={pending}>
          确认注销
        </Button>
      </div>

      <Dialog open={confirming} onOpenChange={(o) => !pending && setConfirming(o)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>确认注销主体</DialogTitle>
            <DialogDescription>
              确定注销主体“{subjectName}”吗？{CANCEL_WARNING}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setConfirming(false)} disabled={pending}>
              取消
            </Button>
            <Button type="button" variant="destructive" onClick={confirm} disabled={pending}>
              {pending ? '提交中…' : '确定'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
