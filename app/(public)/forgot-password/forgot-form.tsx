'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACCOUNT_LIMITS, resetPasswordSchema, type ResetPasswordInput } from '@/lib/users/schemas';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/forms/use-action';
import { SendCodeButton } from '@/components/accounts/send-code-button';
import { resetPasswordAction, sendResetCodeAction } from '@/lib/auth/actions';
import { CAPTCHA_REQUIRED, CaptchaSlot, useCaptcha } from '@/components/accounts/captcha-field';
import type { CaptchaChallenge } from '@/lib/captcha/solve';

export function ForgotPasswordForm({ initialCaptcha = null }: { initialCaptcha?: CaptchaChallenge | null }) {
  const captcha = useCaptcha('password_reset', initialCaptcha);
  const [codeInfo, setCodeInfo] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { phone: '', smsCode: '', newPassword: '', confirmPassword: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, formState, trigger, getValues } = form;
  const err = (k: keyof ResetPasswordInput) => formState.errors[k]?.message as string | undefined;
  const aria = (k: keyof ResetPasswordInput) => ({ 'aria-invalid': !!err(k), 'aria-describedby': err(k) ? `${k}-error` : undefined });

  const { run, pending, formError } = useAction(resetPasswordAction, {
    setError,
    redirect: () => '/login?reset=1',
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
      <Field id="phone" label="手机号码" required error={err('phone')}>
        <div className="flex gap-2">
          <Input id="phone" type="tel" autoComplete="tel" maxLength={ACCOUNT_LIMITS.phone} className="flex-1" {...register('phone')} {...aria('phone')} />
          <SendCodeButton
            send={async () => {
              setCodeInfo(null);
              if (!(await trigger('phone'))) return null;
              return sendResetCodeAction({ phone: getValues('phone') });
            }}
            onResult={(r) => {
              if (r.ok) {
                clearErrors('phone');
                setCodeInfo('验证码已发送，10分钟内有效');
              } else setError('phone', { message: r.phoneError ?? r.formError });
            }}
          />
        </div>
      </Field>
      {codeInfo && (
        <p role="status" className="text-sm text-success">
          {codeInfo}
        </p>
      )}
      <Field id="smsCode" label="短信验证码" required error={err('smsCode')}>
        <Input id="smsCode" inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...register('smsCode')} {...aria('smsCode')} />
      </Field>
      <Field id="newPassword" label="新密码" required error={err('newPassword')} hint="8-32位，至少包含字母、数字、符号中的两种">
        <Input id="newPassword" type="password" autoComplete="new-password" maxLength={ACCOUNT_LIMITS.password} {...register('newPassword')} {...aria('newPassword')} />
      </Field>
      <Field id="confirmPassword" label="确认新密码" required error={err('confirmPassword')}>
        <Input id="confirmPassword" type="password" autoComplete="new-password" maxLength={ACCOUNT_LIMITS.password} {...register('confirmPassword')} {...aria('confirmPassword')} />
      </Field>
      <CaptchaSlot captcha={captcha} error={err('captcha')} onSolved={() => clearErrors('captcha')} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? '提交中…' : '重置密码'}
      </Button>
    </form>
  );
}
