'use client';

import { useState } from 'react';
import type { ErrorOption, UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { ACCOUNT_LIMITS } from '@/lib/users/schemas';
import type { ActionResult } from '@/lib/actions';
import { SendCodeButton } from './send-code-button';

type PhoneCodeField = 'phone' | 'smsCode';

/** What this needs of the form (any react-hook-form form with `phone` and `smsCode` has it). */
type PhoneCodeForm = {
  register: (name: PhoneCodeField) => UseFormRegisterReturn;
  trigger: (name: 'phone') => Promise<boolean>;
  getValues: (name: 'phone') => string;
  setError: (name: 'phone', error: ErrorOption) => void;
  clearErrors: (name: 'phone') => void;
  formState: { errors: Partial<Record<PhoneCodeField, { message?: string }>> };
};

/**
 * 手机号码 with 获取验证码, the 验证码已发送 notice and the 短信验证码 field: the rows 注册, 法人注册
 * and 忘记密码 share. The phone is checked by the form's own schema before `send` asks the server.
 */
export function PhoneCodeFields({
  form,
  send,
  idPrefix = '',
  phoneLabel = '手机号码',
  codeLabel = '短信验证码',
}: {
  form: PhoneCodeForm;
  send: (phone: string) => Promise<ActionResult<{ sent: boolean }>>;
  /** Before the ids of the two inputs (and their errors), when two forms share a page. */
  idPrefix?: string;
  phoneLabel?: string;
  codeLabel?: string;
}) {
  const [info, setInfo] = useState<string | null>(null);
  const { register, formState, trigger, getValues, setError, clearErrors } = form;
  const err = (k: PhoneCodeField) => formState.errors[k]?.message;
  const aria = (k: PhoneCodeField) => ({ 'aria-invalid': !!err(k), 'aria-describedby': err(k) ? `${idPrefix}${k}-error` : undefined });
  return (
    <>
      <Field id={`${idPrefix}phone`} label={phoneLabel} required error={err('phone')}>
        <div className="flex gap-2">
          <Input id={`${idPrefix}phone`} type="tel" autoComplete="tel" maxLength={ACCOUNT_LIMITS.phone} className="flex-1" {...register('phone')} {...aria('phone')} />
          <SendCodeButton
            send={async () => {
              setInfo(null);
              if (!(await trigger('phone'))) return null;
              return send(getValues('phone'));
            }}
            onResult={(r) => {
              if (r.ok) {
                clearErrors('phone');
                setInfo('验证码已发送，10分钟内有效');
              } else setError('phone', { message: r.phoneError ?? r.formError });
            }}
          />
        </div>
      </Field>
      {info && (
        <p role="status" className="text-sm text-success">
          {info}
        </p>
      )}
      <Field id={`${idPrefix}smsCode`} label={codeLabel} required error={err('smsCode')}>
        <Input id={`${idPrefix}smsCode`} inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...register('smsCode')} {...aria('smsCode')} />
      </Field>
    </>
  );
}
