'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { registerSchema, type RegisterInput } from '@/lib/users/schemas';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/forms/use-action';
import { registerAction, sendRegisterCodeAction } from '@/lib/auth/actions';
import { PhoneCodeFields } from '@/components/accounts/phone-code-fields';
import { ACCOUNT_LIMITS } from '@/lib/users/schemas';
import { AgreementField } from '@/components/accounts/agreement-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { CAPTCHA_REQUIRED, CaptchaSlot, useCaptcha } from '@/components/accounts/captcha-field';
import type { CaptchaChallenge } from '@/lib/captcha/solve';

const TEXT_FIELDS = [
  { name: 'email', label: '电子邮件地址', type: 'email', autoComplete: 'email' },
  { name: 'password', label: '登录密码', type: 'password', autoComplete: 'new-password', hint: '8-32位，至少包含字母、数字、符号中的两种' },
  { name: 'confirmPassword', label: '确认密码', type: 'password', autoComplete: 'new-password' },
] as const;

export function RegisterForm({ officeName, initialCaptcha = null }: { officeName: string; initialCaptcha?: CaptchaChallenge | null }) {
  const captcha = useCaptcha('register', initialCaptcha);
  const form = useForm<RegisterInput>({
    resolver: zodResolver(registerSchema),
    defaultValues: { name: '', idType: '居民身份证', idNumber: '', phone: '', smsCode: '', email: '', password: '', confirmPassword: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, formState } = form;
  const err = (k: keyof RegisterInput) => formState.errors[k]?.message as string | undefined;
  const aria = (k: keyof RegisterInput) => ({ 'aria-invalid': !!err(k), 'aria-describedby': err(k) ? `${k}-error` : undefined });

  const { run, pending, formError } = useAction(registerAction, {
    setError,
    redirect: () => '/login?registered=1',
    // The server's summary (e.g. 请检查填写的内容) stays on top of the field errors.
    keepFormError: true,
  });
  const busy = formState.isSubmitting || pending;

  const onSubmit = handleSubmit(async (values) => {
    if (captcha.unanswered) {
      setError('captcha', { message: CAPTCHA_REQUIRED });
      return;
    }
    const res = await run({ ...values, captcha: captcha.solution ?? undefined });
    // After two failed attempts the next needs a 验证码; an answer sent is used up.
    if (res && !res.ok) await captcha.renew(values.phone);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id="name" label="真实姓名" required error={err('name')}>
        <Input id="name" autoComplete="name" {...register('name')} {...aria('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field id="idType" label="证件类型" required error={err('idType')}>
          <NativeSelect id="idType" {...register('idType')} {...aria('idType')}>
            {ID_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="idNumber" label="证件号码" required error={err('idNumber')}>
          <Input id="idNumber" autoComplete="off" maxLength={ACCOUNT_LIMITS.idNumber} {...register('idNumber')} {...aria('idNumber')} />
        </Field>
      </div>
      <PhoneCodeFields form={form} send={(phone) => sendRegisterCodeAction({ phone })} />
      {TEXT_FIELDS.map((f) => (
        <Field key={f.name} id={f.name} label={f.label} required error={err(f.name)} hint={'hint' in f ? f.hint : undefined}>
          <Input id={f.name} type={f.type} autoComplete={f.autoComplete} maxLength={f.name === 'email' ? ACCOUNT_LIMITS.email : ACCOUNT_LIMITS.password} {...register(f.name)} {...aria(f.name)} />
        </Field>
      ))}
      <AgreementField id="agree" officeName={officeName} error={err('agree')} {...register('agree')} />
      <CaptchaSlot captcha={captcha} error={err('captcha')} onSolved={() => clearErrors('captcha')} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? '提交中…' : '注册'}
      </Button>
    </form>
  );
}
