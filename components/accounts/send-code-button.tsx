'use client';

import { useState } from 'react';
import { useCooldown } from '@/components/forms/use-cooldown';
import { reach } from '@/components/forms/use-action';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';

/**
 * 获取验证码 with a 60-second cooldown. `send` asks the server; the answer reads the same for
 * every phone, so the button only ever says 验证码已发送 or why it could not send.
 */
export function SendCodeButton({
  send,
  onResult,
  className,
}: {
  /** Returns null when the phone field is invalid (the form shows that error itself). */
  send: () => Promise<ActionResult<{ sent: boolean }> | null>;
  onResult: (r: { ok: true } | { ok: false; phoneError?: string; formError?: string }) => void;
  className?: string;
}) {
  const [cooldown, setCooldown] = useCooldown();
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    const res = await reach(send());
    setPending(false);
    if (!res) return;
    if (res.ok) {
      setCooldown(60);
      onResult({ ok: true });
    } else onResult({ ok: false, phoneError: res.fieldErrors?.phone, formError: res.fieldErrors?.phone ? undefined : (res.formError ?? '发送失败，请稍后再试') });
  }

  return (
    <Button type="button" variant="outline" onClick={onClick} disabled={pending || cooldown > 0} className={className}>
      {cooldown > 0 ? `${cooldown}秒后重新获取` : '获取验证码'}
    </Button>
  );
}
