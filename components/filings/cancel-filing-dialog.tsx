'use client';

import { useState } from 'react';
import type { FilingKind } from '@/db/schema/filings';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Textarea } from '@/components/ui/textarea';
import { Field } from '@/components/forms/field';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { SmsCodeField } from '@/components/subjects/sms-code-field';
import { PhoneMiddleFourField } from '@/components/subjects/phone-middle-four-field';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { useAction } from '@/components/forms/use-action';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { cancelFilingAction, sendFilingCancelCodeAction } from '@/lib/filings/actions';
import { z } from 'zod';
import { cancelIdentityShape } from '@/lib/websites/schemas';

const FIELD_IDS: Record<string, string> = { principalName: 'principal-name', middleFour: 'middle-four', code: 'sms-code', reason: 'reason', attachmentFileId: 'attachment' };
const checkInput = z.object(cancelIdentityShape);

/**
 * 注销 of one row and its dialog (SPEC §15, as 注销网站 of seed 004 §5.2.3 without the liveness
 * check): the subject principal's 姓名, the phone's middle four digits and an SMS code, 注销原因, an
 * optional 附件说明 and the 特别声明.
 */
export function CancelFilingDialog({
  kind,
  label,
  target,
  phoneMasked,
}: {
  kind: FilingKind;
  /** APP / 小程序 */
  label: string;
  target: { id: number; name: string; idents: string };
  phoneMasked: string;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [principalName, setPrincipalName] = useState('');
  const [middleFour, setMiddleFour] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [attachment, setAttachment] = useState<UploadedFile | null>(null);
  const { run, formError, setFormError, fieldErrors: errors, setFieldErrors: setErrors } = useAction(cancelFilingAction, {
    fields: Object.keys(FIELD_IDS),
    redirect: (d) => `/my/applications/${d.applicationId}?submitted=1`,
    onPendingChange: setPending,
    failureText: '提交失败，请稍后重试',
  });
  const input = () => ({ kind, filingId: target.id, principalName, middleFour, code, reason, attachmentFileId: attachment?.id ?? null });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = checkInput.safeParse(input());
    if (!parsed.success) {
      const fe = fieldErrorsOf(parsed.error);
      setErrors(fe);
      const key = Object.keys(FIELD_IDS).find((k) => fe[k]);
      if (key) requestAnimationFrame(() => document.getElementById(FIELD_IDS[key]!)?.focus());
      return;
    }
    setErrors({});
    await run(input());
  }

  const title = `注销${label}`;
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
          <DialogDescription className="break-all">
            {label}名称：{target.name}；{target.idents}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={title}>
          {formError && <Alert variant="destructive">{formError}</Alert>}
          <Field id="principal-name" label="负责人姓名" required error={errors.principalName}>
            <Input
              id="principal-name"
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
          <SmsCodeField id="sms-code" send={() => sendFilingCancelCodeAction({ kind, filingId: target.id })} phoneMasked={phoneMasked} value={code} onChange={setCode} error={errors.code} disabled={pending} />
          <Field id="reason" label="注销原因" required error={errors.reason}>
            <Textarea
              id="reason"
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
          <UploadField id="attachment" name="attachmentFileId" label="附件说明" kind="pdf" value={attachment} onChange={setAttachment} error={errors.attachmentFileId} disabled={pending} hint="支持pdf格式，文件大小不超过5MB" />
          <section aria-label="特别声明" className="space-y-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
            <p className="font-medium">特别声明：</p>
            <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
              <li>如果负责人手机号码发生变动，请通过开办主体变更流程，修改手机号，待审核通过后再提交注销申请。</li>
              <li>如果{label}已不属于您控制，或您无法停止相关服务，请填写说明文件，并由负责人手写签名或单位盖章，上传扫描文件。</li>
            </ul>
          </section>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                取消
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? '提交中…' : '确认'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
