'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACCOUNT_LIMITS, resetPasswordSchema, type ResetPasswordInput } from '@/lib/users/schemas';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/forms/use-action';
import { PhoneCodeFields } from '@/components/accounts/phone-code-fields';
import { resetPasswordAction, sendResetCodeAction } from '@/lib/auth/actions';
import { CAPTCHA_REQUIRED, CaptchaSlot, useCaptcha } from '@/components/accounts/captcha-field';
import type { CaptchaChallenge } from '@/lib/captcha/solve';

export function ForgotPasswordForm({ initialCaptcha = null }: { initialCaptcha?: CaptchaChallenge | null }) {
  const captcha = useCaptcha('password_reset', initialCaptcha);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { phone: '', smsCode: '', newPassword: '', confirmPassword: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, formState } = form;
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
      <PhoneCodeFields form={form} send={(phone) => sendResetCodeAction({ phone })} />
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
