'use client';

import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACCOUNT_LIMITS, registerLegalSchema, type RegisterLegalInput } from '@/lib/users/schemas';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { LEGAL_TYPES } from '@/db/schema/users';
import { LONG_TERM } from '@/lib/subjects/rules';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Checkbox } from '@/components/ui/checkbox';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { useAction } from '@/components/forms/use-action';
import { registerLegalAction, sendRegisterCodeAction } from '@/lib/auth/actions';
import { PhoneCodeFields } from '@/components/accounts/phone-code-fields';
import { AgreementField } from '@/components/accounts/agreement-field';
import { CAPTCHA_REQUIRED, CaptchaSlot, useCaptcha } from '@/components/accounts/captcha-field';
import type { CaptchaChallenge } from '@/lib/captcha/solve';
import { plusYears } from '@/lib/users/legal';

const TERMS = [5, 10, 20] as const;

/** 法人注册 (seed 003): the organisation's account, the 法定代表人 and the 法人代表手机号码. */
export function LegalRegisterForm({ officeName, initialCaptcha = null }: { officeName: string; initialCaptcha?: CaptchaChallenge | null }) {
  const captcha = useCaptcha('register', initialCaptcha);
  const form = useForm<RegisterLegalInput>({
    resolver: zodResolver(registerLegalSchema),
    defaultValues: { legalType: '企业法人', orgName: '', creditCode: '', repIdType: '居民身份证', repName: '', repIdNumber: '', validFrom: '', validTo: '', phone: '', smsCode: '', password: '', confirmPassword: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, formState, getValues, setValue, control } = form;
  const err = (k: keyof RegisterLegalInput) => formState.errors[k]?.message as string | undefined;
  const aria = (k: keyof RegisterLegalInput, hint = false) => ({
    'aria-invalid': !!err(k),
    'aria-describedby': err(k) ? `legal-${k}-error` : hint ? `legal-${k}-hint` : undefined,
  });
  const validTo = useWatch({ control, name: 'validTo' });
  const longTerm = validTo === LONG_TERM;

  const { run, pending, formError } = useAction(registerLegalAction, {
    setError,
    redirect: () => '/login?registered=1',
    keepFormError: true,
  });
  const busy = formState.isSubmitting || pending;

  const onSubmit = handleSubmit(async (values) => {
    if (captcha.unanswered) {
      setError('captcha', { message: CAPTCHA_REQUIRED });
      return;
    }
    const res = await run({ ...values, captcha: captcha.solution ?? undefined });
    if (res && !res.ok) await captcha.renew(values.phone);
  });

  function setTerm(years: number) {
    const from = getValues('validFrom');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from ?? '')) {
      setError('validFrom', { message: '请先选择证件有效期开始时间' });
      return;
    }
    setValue('validTo', plusYears(from!, years), { shouldDirty: true });
    clearErrors('validTo');
  }

  const text = (name: keyof RegisterLegalInput, label: string, opts: { max: number; hint?: string; autoComplete?: string; type?: string } = { max: 30 }) => (
    <Field id={`legal-${name}`} label={label} required error={err(name)} hint={opts.hint}>
      <Input id={`legal-${name}`} type={opts.type} autoComplete={opts.autoComplete ?? 'off'} maxLength={opts.max} {...register(name)} {...aria(name, !!opts.hint)} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="法人注册">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id="legal-legalType" label="法人类型" required error={err('legalType')}>
        <NativeSelect id="legal-legalType" {...register('legalType')} {...aria('legalType')}>
          {LEGAL_TYPES.map((t) => (
            <NativeSelectOption key={t} value={t}>
              {t}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      {text('orgName', '企业名称', { max: 60, hint: '请填写与营业执照或登记证书一致的全称', autoComplete: 'organization' })}
      {text('creditCode', '统一社会信用代码', { max: 18, hint: '18位，登录时也可用作登录账号' })}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field id="legal-repIdType" label="法定代表人证件类型" required error={err('repIdType')}>
          <NativeSelect id="legal-repIdType" {...register('repIdType')} {...aria('repIdType')}>
            {ID_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        {text('repName', '法定代表人姓名', { max: ACCOUNT_LIMITS.name, autoComplete: 'off' })}
      </div>
      {text('repIdNumber', '法定代表人证件号码', { max: ACCOUNT_LIMITS.idNumber })}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="legal-validFrom" label="证件有效期开始时间" required error={err('validFrom')}>
          <Input id="legal-validFrom" type="date" {...register('validFrom')} {...aria('validFrom')} />
        </Field>
        <Field id="legal-validTo" label="证件有效期结束时间" required error={err('validTo')}>
          {longTerm ? (
            <Input id="legal-validTo" value="长期有效" readOnly aria-invalid={!!err('validTo')} />
          ) : (
            <Input id="legal-validTo" type="date" {...register('validTo')} {...aria('validTo')} />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="证件有效期限">
        {TERMS.map((y) => (
          <Button key={y} type="button" size="sm" variant="outline" onClick={() => setTerm(y)}>
            {y}年
          </Button>
        ))}
        <label htmlFor="legal-longTerm" className="ml-2 inline-flex items-center gap-2 text-sm">
          <Checkbox
            id="legal-longTerm"
            checked={longTerm}
            onChange={(e) => {
              setValue('validTo', e.target.checked ? LONG_TERM : '', { shouldDirty: true });
              clearErrors('validTo');
            }}
          />
          长期有效
        </label>
      </div>
      <PhoneCodeFields form={form} idPrefix="legal-" phoneLabel="法人代表手机号码" codeLabel="手机验证码" send={(phone) => sendRegisterCodeAction({ phone })} />
      {text('password', '设置密码', { max: ACCOUNT_LIMITS.password, type: 'password', autoComplete: 'new-password', hint: '8-32位，至少包含字母、数字、符号中的两种' })}
      {text('confirmPassword', '确认密码', { max: ACCOUNT_LIMITS.password, type: 'password', autoComplete: 'new-password' })}
      <AgreementField id="legal-agree" officeName={officeName} error={err('agree')} {...register('agree')} />
      <CaptchaSlot captcha={captcha} error={err('captcha')} onSolved={() => clearErrors('captcha')} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? '提交中…' : '注册'}
      </Button>
    </form>
  );
}
