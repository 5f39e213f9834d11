'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { reach } from '@/components/forms/use-action';

/** What a send action returns: the ActionResult shape, optionally naming the phone the code went to. */
export type SendCodeResult = { ok: true; data?: { phoneMasked?: string | null } | null } | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

const COOLDOWN_SECONDS = 60;
/** This control's own wording for a send that never reached the server. */
const SEND_NETWORK_ERROR = '网络异常，验证码发送失败，请重试';

/**
 * 短信验证码 input with a 获取短信验证码 button: calls `send`, says where the code went
 * and counts down 60 seconds before the next send.
 */
export function SmsCodeField({
  id = 'sms-code',
  name = 'code',
  label = '短信验证码',
  send,
  phoneMasked,
  value,
  onChange,
  error,
  required = true,
  disabled = false,
  className,
}: {
  id?: string;
  name?: string;
  label?: string;
  send: () => Promise<SendCodeResult>;
  /** Shown in "验证码已发送至 …" when the send result does not name the phone. */
  phoneMasked?: string;
  value?: string;
  onChange?: (v: string) => void;
  /** The code's field error from the surrounding form. */
  error?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  const [inner, setInner] = useState('');
  const current = value ?? inner;
  const [cooldown, setCooldown] = useState(0);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  useEffect(() => {
    if (cooldown <= 0) return;
    const t = setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [cooldown]);

  async function onSend() {
    setSending(true);
    setSendError(null);
    const res = await reach(send(), SEND_NETWORK_ERROR);
    setSending(false);
    if (res.ok) {
      setSentTo(res.data?.phoneMasked ?? phoneMasked ?? '');
      setCooldown(COOLDOWN_SECONDS);
    } else {
      const msg = res.formError ?? Object.values(res.fieldErrors ?? {})[0] ?? '验证码发送失败，请稍后重试';
      setSendError(msg);
      // The server's throttle says how long to wait; count that down instead of letting the user hammer it.
      const wait = /(\d+)\s*秒/.exec(msg);
      if (wait) setCooldown(Math.min(COOLDOWN_SECONDS, Number(wait[1])));
    }
  }

  function change(v: string) {
    const digits = v.replace(/\D/g, '').slice(0, 6);
    if (value === undefined) setInner(digits);
    onChange?.(digits);
  }

  const describedBy = [sentTo !== null || sendError ? `${id}-send-status` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <Field id={id} label={label} required={required} error={error} className={className}>
      <div className="flex gap-2">
        <Input
          id={id}
          name={name}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="6位数字"
          value={current}
          onChange={(e) => change(e.target.value)}
          disabled={disabled}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          className="min-w-0 flex-1"
        />
        <Button type="button" variant="outline" onClick={onSend} disabled={disabled || sending || cooldown > 0} className="shrink-0">
          {cooldown > 0 ? `${cooldown}秒后重新获取` : sending ? '发送中…' : '获取短信验证码'}
        </Button>
      </div>
      {sendError ? (
        <p id={`${id}-send-status`} role="alert" className="text-sm text-destructive">
          {sendError}
        </p>
      ) : sentTo !== null ? (
        <p id={`${id}-send-status`} role="status" className="text-xs text-muted-foreground">
          {sentTo ? `验证码已发送至 ${sentTo}` : '验证码已发送'}，5分钟内有效
        </p>
      ) : null}
    </Field>
  );
}
