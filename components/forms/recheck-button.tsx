'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';

export type RecheckAction = (input: { id: number }) => Promise<ActionResult<unknown>>;

/**
 * A check run again on demand (重新检测 of the liveness check, 立即检测 of the placement check):
 * calls `action` once at a time (it may take a few seconds), shows 检测中… and any refusal, and
 * refreshes the page to show the stored result — after a refusal too when `refreshOnError`.
 * With `testId`, the button is `{testId}-now` and the error `{testId}-error`.
 */
export function RecheckButton({ id, action, label, refreshOnError = false, testId }: { id: number; action: RecheckAction; label: string; refreshOnError?: boolean; testId?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function run() {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    const res = await action({ id }).catch(() => ({ ok: false as const, formError: '网络异常，请稍后重试' }));
    inFlight.current = false;
    setPending(false);
    if (!res.ok) setError(res.formError ?? '检测失败，请稍后重试');
    if (res.ok || refreshOnError) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="outline" size="sm" onClick={run} disabled={pending} data-testid={testId && `${testId}-now`}>
        {pending ? '检测中…' : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-destructive" data-testid={testId && `${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
