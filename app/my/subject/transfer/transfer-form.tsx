'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { SmsCodeField } from '@/components/subjects/sms-code-field';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { PhoneMiddleFourField } from '@/components/subjects/phone-middle-four-field';
import { transferSubjectSchema } from '@/lib/subjects/schemas';
import { createTransferAction, sendTransferCodeAction } from '@/lib/subjects/actions';
import { useAction } from '@/components/forms/use-action';

/** Error key → the id of the control it belongs to (for focusing the first error). */
const FIELD_IDS: Record<string, string> = {
  middleFour: 'middle-four',
  toPhone: 'to-phone',
  toIdNumber: 'to-id-number',
  code: 'sms-code',
};

function focusFirstError(errors: Record<string, string>) {
  const key = Object.keys(FIELD_IDS).find((k) => errors[k]);
  if (key) requestAnimationFrame(() => document.getElementById(FIELD_IDS[key]!)?.focus());
}

export function TransferSubjectForm({ subjectId, phoneMasked }: { subjectId: number; phoneMasked: string }) {
  const [middleFour, setMiddleFour] = useState('');
  const [toPhone, setToPhone] = useState('');
  const [toIdNumber, setToIdNumber] = useState('');
  const [code, setCode] = useState('');
  // The page shows the open offer with 撤销移交 once refreshed.
  const { run, pending, formError, setFormError, fieldErrors: errors, setFieldErrors: setErrors } = useAction(createTransferAction, {
    fields: Object.keys(FIELD_IDS),
    refresh: true,
    failureText: '提交失败，请稍后重试',
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const input = { subjectId, middleFour, toPhone, toIdNumber, code };
    const parsed = transferSubjectSchema.safeParse(input);
    if (!parsed.success) {
      const fe = fieldErrorsOf(parsed.error);
      setErrors(fe);
      focusFirstError(fe);
      return;
    }
    setErrors({});
    await run(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert variant="destructive">{formError}</Alert>}

      <PhoneMiddleFourField phoneMasked={phoneMasked} value={middleFour} onChange={setMiddleFour} error={errors.middleFour} />

      <Field id="to-phone" label="接收人手机号" required error={errors.toPhone} hint="接收人注册账号时使用的手机号码">
        <Input
          id="to-phone"
          name="toPhone"
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          placeholder="例如 186xxxxxxxx"
          value={toPhone}
          onChange={(e) => setToPhone(e.target.value.replace(/\s/g, ''))}
          aria-invalid={!!errors.toPhone}
          aria-describedby={errors.toPhone ? 'to-phone-error' : 'to-phone-hint'}
        />
      </Field>

      <Field id="to-id-number" label="接收人身份证号" required error={errors.toIdNumber} hint="接收人注册账号时使用的居民身份证号码">
        <Input
          id="to-id-number"
          name="toIdNumber"
          autoComplete="off"
          maxLength={18}
          value={toIdNumber}
          onChange={(e) => setToIdNumber(e.target.value.replace(/\s/g, ''))}
          aria-invalid={!!errors.toIdNumber}
          aria-describedby={errors.toIdNumber ? 'to-id-number-error' : 'to-id-number-hint'}
        />
      </Field>

      <SmsCodeField
        id="sms-code"
        send={() => sendTransferCodeAction({ subjectId })}
        phoneMasked={phoneMasked}
        value={code}
        onChange={setCode}
        error={errors.code}
      />

      <div className="space-y-2 rounded-md border bg-muted/40 p-3 text-sm">
        <p className="font-medium">移交须知：</p>
        <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
          <li>接收人须先在本平台注册账号；接收人手机号、接收人身份证号须与接收人注册账号的手机号码、证件号码一致。</li>
          <li>短信验证码发送至主体负责人手机。如负责人手机号码发生变动，请先通过变更主体修改手机号，待审核通过后再办理移交。</li>
          <li>提交后主体状态变为“移交中”，接收人接收前您可以撤销移交。</li>
          <li>接收人已有有效主体的，不能接收该主体。</li>
          <li>接收成功后，该主体及其网站、材料和办理记录将转入接收人账号，您将不能再管理该主体。</li>
        </ul>
      </div>

      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? '提交中…' : '确认移交'}
        </Button>
      </div>
    </form>
  );
}
