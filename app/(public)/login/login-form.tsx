'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Alert } from '@/components/ui/alert';
import { postLoginPath } from '@/lib/auth/actions';
import { CAPTCHA_REQUIRED, CaptchaSlot, useCaptcha } from '@/components/accounts/captcha-field';
import type { CaptchaChallenge } from '@/lib/captcha/solve';
import { CAPTCHA_INVALID } from '@/lib/captcha/schemas';

export function LoginForm({
  notice,
  callbackUrl,
  initialError,
  initialCaptcha = null,
}: {
  notice: string | null;
  callbackUrl: string | null;
  initialError: string | null;
  initialCaptcha?: CaptchaChallenge | null;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const captcha = useCaptcha('login', initialCaptcha);
  const [captchaError, setCaptchaError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const identifier = String(form.get('identifier') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!identifier || !password) {
      setError(!identifier ? '请填写手机号码、证件号码或电子邮件地址' : '请填写登录密码');
      return;
    }
    if (captcha.unanswered) {
      setCaptchaError(CAPTCHA_REQUIRED);
      return;
    }
    setPending(true);
    setError(null);
    setCaptchaError(null);
    const res = await signIn('credentials', { identifier, password, captcha: captcha.solution ?? '', redirect: false });
    if (!res || res.error) {
      // The messages authorize() throws are the product's own (lib/auth/login.ts).
      const message = res?.error && res.error !== 'CredentialsSignin' ? res.error : '账号或密码错误';
      // A failure may make the next try need a 验证码 (and the answer just sent is used up).
      await captcha.renew(identifier);
      setPending(false);
      if (message === CAPTCHA_REQUIRED || message === CAPTCHA_INVALID) setCaptchaError(message);
      else setError(message);
      return;
    }
    window.location.assign(await postLoginPath(callbackUrl));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {notice && <Alert variant="success">{notice}</Alert>}
      {error && (
        <Alert variant="destructive" data-testid="login-error">
          {error}
        </Alert>
      )}
      <div className="space-y-2">
        <Label htmlFor="identifier">登录账号</Label>
        <Input id="identifier" name="identifier" autoComplete="username" placeholder="手机号码 / 证件号码 / 电子邮件地址" />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">登录密码</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" />
      </div>
      <CaptchaSlot captcha={captcha} error={captchaError} onSolved={() => setCaptchaError(null)} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? '登录中…' : '登录'}
      </Button>
    </form>
  );
}
