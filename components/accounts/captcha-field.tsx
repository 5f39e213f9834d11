'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ShieldCheck } from 'lucide-react';
import { Checkbox } from '@/components/ui/checkbox';
import { useHydrated } from '@/components/forms/use-hydrated';
import { reach } from '@/components/forms/use-action';
import { captchaChallengeAction } from '@/lib/auth/actions';
import { solveChallenge, type CaptchaChallenge } from '@/lib/captcha/solve';
import { CAPTCHA_REQUIRED } from '@/lib/captcha/schemas';

export { CAPTCHA_REQUIRED };

type CaptchaForm = 'login' | 'register' | 'password_reset';

/**
 * A form's 验证码 (seed 001: after two failed attempts): the challenge while one is needed, and its
 * answer once solved. `renew` after a failed attempt asks the server again; the answer sent with
 * that attempt is used up either way.
 */
export function useCaptcha(form: CaptchaForm, initial: CaptchaChallenge | null = null) {
  const [challenge, setChallenge] = useState<CaptchaChallenge | null>(initial);
  const [solution, setSolution] = useState<string | null>(null);
  const renew = useCallback(
    async (account?: string) => {
      setSolution(null);
      const res = await reach(captchaChallengeAction({ form, account: account?.slice(0, 100) }));
      if (res.ok) setChallenge(res.data.challenge);
    },
    [form],
  );
  /** A 验证码 is asked and not answered yet: the form says CAPTCHA_REQUIRED instead of sending. */
  const unanswered = !!challenge && !solution;
  return { challenge, solution, setSolution, renew, unanswered };
}

export type Captcha = ReturnType<typeof useCaptcha>;

/** The form's 验证码 while one is asked (nothing otherwise); a new challenge starts afresh. */
export function CaptchaSlot({ captcha, error, onSolved }: { captcha: Captcha; error?: string | null; onSolved?: () => void }) {
  if (!captcha.challenge) return null;
  return (
    <CaptchaField
      key={captcha.challenge.challenge}
      challenge={captcha.challenge}
      error={error}
      onSolved={(s) => {
        captcha.setSolution(s);
        onSolved?.();
      }}
    />
  );
}

/**
 * 验证码 without a third party and without a picture to read: ticking 我不是机器人 makes the browser
 * work out a proof-of-work answer (a fraction of a second), which the form then sends along.
 */
export function CaptchaField({ challenge, onSolved, error }: { challenge: CaptchaChallenge; onSolved: (solution: string | null) => void; error?: string | null }) {
  const id = useId();
  const hydrated = useHydrated();
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function start() {
    if (state === 'working' || state === 'done') return;
    setState('working');
    abort.current = new AbortController();
    const solution = await solveChallenge(challenge, abort.current.signal);
    if (abort.current.signal.aborted) return;
    setState(solution ? 'done' : 'failed');
    onSolved(solution);
  }

  const status = { idle: '', working: '正在验证…', done: '验证通过', failed: '验证失败，请刷新页面后重试' }[state];
  return (
    <fieldset className="space-y-1.5" data-testid="captcha" data-hydrated={hydrated || undefined}>
      <legend className="text-sm font-medium">
        <span className="text-destructive" aria-hidden>
          *
        </span>
        验证码
      </legend>
      <div className="flex items-center gap-3 rounded-md border bg-muted/30 px-3 py-2.5" aria-invalid={!!error || undefined}>
        <Checkbox
          id={`${id}-check`}
          checked={state === 'working' || state === 'done'}
          disabled={state === 'working' || state === 'done'}
          onChange={start}
          aria-describedby={`${id}-status ${error ? `${id}-error` : `${id}-hint`}`}
          aria-invalid={!!error || undefined}
        />
        <label htmlFor={`${id}-check`} className="text-sm">
          我不是机器人
        </label>
        <span id={`${id}-status`} role="status" className="ml-auto flex items-center gap-1 text-sm text-muted-foreground">
          {state === 'done' && <ShieldCheck className="size-4 text-success" aria-hidden />}
          {status}
        </span>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" data-field-error className="text-sm text-destructive">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          登录或提交失败次数较多，请完成验证。验证在本机完成，不向第三方发送任何信息。
        </p>
      )}
    </fieldset>
  );
}
