'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { useCooldown } from '@/components/forms/use-cooldown';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { reach, useAction } from '@/components/forms/use-action';
import { sendPhoneCodeAction, verifyPhoneAction, sendEmailLinkAction, changePasswordAction } from '@/lib/users/actions';

export function PhoneVerifyDialog({ phoneMasked }: { phoneMasked: string }) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [sendError, setSendError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [cooldown, setCooldown] = useCooldown();
  const verifying = useAction(verifyPhoneAction, {
    fields: ['code'],
    refresh: true,
    onSuccess: () => setOpen(false),
    failureText: '验证失败',
  });
  const { pending, setFormError, setFieldErrors } = verifying;
  const error = sendError ?? verifying.fieldErrors.code ?? verifying.formError;

  async function send() {
    setSendError(null);
    setFormError(null);
    setFieldErrors({});
    const res = await reach(sendPhoneCodeAction({}));
    if (res.ok) {
      setInfo(`验证码已发送至 ${phoneMasked}，5分钟内有效`);
      setCooldown(60);
    } else setSendError(res.formError ?? '发送失败');
  }

  async function verify() {
    setSendError(null);
    await verifying.run({ code });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">立即验证</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>手机验证</DialogTitle>
          <DialogDescription>点击“获取短信验证码”，将手机 {phoneMasked} 收到的验证码填入后点击“验证”。</DialogDescription>
        </DialogHeader>
        {info && <Alert variant="info">{info}</Alert>}
        <div className="flex items-end gap-2">
          <Field id="sms-code" label="短信验证码" error={error ?? undefined} className="flex-1">
            <Input id="sms-code" inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={!!error} />
          </Field>
          <Button type="button" variant="outline" onClick={send} disabled={cooldown > 0} className={error ? 'mb-7' : ''}>
            {cooldown > 0 ? `${cooldown}秒后重新获取` : '获取短信验证码'}
          </Button>
        </div>
        <DialogFooter>
          <Button type="button" onClick={verify} disabled={pending || code.length !== 6}>
            验证
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function EmailVerifyButton() {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const { run, pending } = useAction(sendEmailLinkAction, { fields: [], focus: false });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        size="sm"
        disabled={pending}
        onClick={async () => {
          const res = await run({});
          if (!res) return;
          setMsg(res.ok ? { ok: true, text: '验证邮件已发送，请在24小时内点击邮件中的链接完成验证' } : { ok: false, text: res.formError ?? '发送失败' });
        }}
      >
        立即验证
      </Button>
      {msg && (
        <p role="status" className={msg.ok ? 'text-sm text-success' : 'text-sm text-destructive'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}

export function ChangePasswordForm() {
  const {
    run,
    pending,
    formError,
    fieldErrors: errors,
  } = useAction(changePasswordAction, {
    fields: ['currentPassword', 'newPassword', 'confirmPassword'],
    // Every session of this account is now void, this one included.
    onSuccess: () => void signOut({ callbackUrl: '/login' }),
  });
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await run({
      currentPassword: String(f.get('currentPassword') ?? ''),
      newPassword: String(f.get('newPassword') ?? ''),
      confirmPassword: String(f.get('confirmPassword') ?? ''),
    });
  }
  const fields = [
    ['currentPassword', '当前密码', 'current-password'],
    ['newPassword', '新密码', 'new-password'],
    ['confirmPassword', '确认新密码', 'new-password'],
  ] as const;
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      {fields.map(([name, label, ac]) => (
        <Field key={name} id={name} label={label} required error={errors[name]}>
          <Input id={name} name={name} type="password" autoComplete={ac} aria-invalid={!!errors[name]} />
        </Field>
      ))}
      <p className="text-xs text-muted-foreground">修改成功后，所有已登录的会话将失效，需重新登录。</p>
      <Button type="submit" disabled={pending}>
        修改密码
      </Button>
    </form>
  );
}
