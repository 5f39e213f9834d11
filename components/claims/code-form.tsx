'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Field } from '@/components/forms/field';
import { reach } from '@/components/forms/use-action';
import { useCooldown } from '@/components/forms/use-cooldown';
import { useHydrated } from '@/components/forms/use-hydrated';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions';
import { CLAIM_LABELS, claimCodeSchema, claimVerifySchema, linkCodeSchema, linkVerifySchema } from '@/lib/claims/schemas';
import { linkOldAccountAction, requestClaimCodeAction, verifyClaimCodeAction, verifyOldAccountAction } from '@/lib/claims/actions';

type Key = 'oldNumber' | 'account';
type Input = Record<string, string>;
type Done = { message: string; href?: string };

/** Each form's schemas, actions and success message. */
const FORMS = {
  oldNumber: {
    sendSchema: claimCodeSchema,
    verifySchema: claimVerifySchema,
    send: (i: Input) => requestClaimCodeAction({ oldNumber: i.oldNumber }),
    verify: async (i: Input): Promise<ActionResult<Done>> => {
      const r = await verifyClaimCodeAction({ oldNumber: i.oldNumber, code: i.code });
      return r.ok ? { ok: true, data: { message: `验证成功，${r.data.oldNumber}（${r.data.name}）已列入可认领的网站` } } : r;
    },
  },
  account: {
    sendSchema: linkCodeSchema,
    verifySchema: linkVerifySchema,
    send: (i: Input) => linkOldAccountAction({ account: i.account }),
    verify: async (i: Input): Promise<ActionResult<Done>> => {
      const r = await verifyOldAccountAction({ account: i.account, code: i.code });
      // /my/claims repeats the message above the rows that are now claimable.
      return r.ok ? { ok: true, data: { message: `已关联${r.data.count}条备案`, href: `/my/claims?linked=${r.data.count}` } } : r;
    },
  },
} as const;

/**
 * 按旧备案号认领 and 关联旧账号: one identifying field, 获取验证码 (to the phone on record, whose
 * masked number the answer shows), 短信验证码 and the confirming button. Both steps are checked
 * by the form's zod schema first and again by the action.
 */
export function CodeForm({ field, hint, submitLabel }: { field: Key; hint?: string; submitLabel: string }) {
  const { sendSchema, verifySchema, send, verify } = FORMS[field];
  const router = useRouter();
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [info, setInfo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [cooldown, setCooldown] = useCooldown();
  const label = CLAIM_LABELS[field];
  const hydrated = useHydrated();

  function local(schema: typeof sendSchema | typeof verifySchema, input: object): boolean {
    const r = schema.safeParse(input);
    if (r.success) return true;
    const e: Record<string, string> = {};
    for (const i of r.error.issues) e[String(i.path[0])] ??= i.message;
    setErrors(e);
    return false;
  }

  function failed(res: { formError?: string; fieldErrors?: Record<string, string> }) {
    const fe = res.fieldErrors ?? {};
    setErrors(fe);
    setFormError(fe[field] || fe.code ? null : (res.formError ?? '操作失败，请稍后再试'));
  }

  async function onSend() {
    setInfo(null);
    setFormError(null);
    const input: Input = { [field]: value };
    if (!local(sendSchema, input)) return;
    setErrors({});
    setPending(true);
    const res = await reach(send(input));
    setPending(false);
    if (res.ok) {
      setInfo(res.data.message);
      setCooldown(60);
    } else failed(res);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const input: Input = { [field]: value, code };
    if (!local(verifySchema, input)) return;
    setErrors({});
    setPending(true);
    const res = await reach(verify(input));
    setPending(false);
    if (!res.ok) return failed(res);
    setInfo(res.data.message);
    setCode('');
    setValue('');
    if (res.data.href) router.push(res.data.href);
    else router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-hydrated={hydrated || undefined}>
      <Field id={`claim-${field}`} label={label} required error={errors[field]} hint={hint}>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id={`claim-${field}`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={!!errors[field]}
            aria-describedby={errors[field] ? `claim-${field}-error` : hint ? `claim-${field}-hint` : undefined}
            autoComplete="off"
            className="sm:max-w-sm"
          />
          <Button type="button" variant="outline" onClick={onSend} disabled={pending || cooldown > 0}>
            {cooldown > 0 ? `${cooldown}秒后重新获取` : '获取验证码'}
          </Button>
        </div>
      </Field>
      <Field id={`claim-${field}-code`} label={CLAIM_LABELS.code} required error={errors.code}>
        <Input
          id={`claim-${field}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          aria-invalid={!!errors.code}
          aria-describedby={errors.code ? `claim-${field}-code-error` : undefined}
          className="sm:max-w-40"
        />
      </Field>
      {info && (
        <p role="status" className="text-sm text-success">
          {info}
        </p>
      )}
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
