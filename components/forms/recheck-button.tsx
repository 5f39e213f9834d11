'use client';

import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';
import { useAction } from './use-action';

export type RecheckAction = (input: { id: number }) => Promise<ActionResult<unknown>>;

/**
 * A check run again on demand (重新检测 of the liveness check, 立即检测 of the placement check):
 * calls `action` once at a time (it may take a few seconds), shows 检测中… and any refusal, and
 * refreshes the page to show the stored result — after a refusal too when `refreshOnError`.
 * With `testId`, the button is `{testId}-now` and the error `{testId}-error`.
 */
export function RecheckButton({ id, action, label, refreshOnError = false, testId }: { id: number; action: RecheckAction; label: string; refreshOnError?: boolean; testId?: string }) {
  const { run: check, pending, formError: error } = useAction(action, { refresh: refreshOnError ? 'always' : true, failureText: '检测失败，请稍后重试' });
  const run = () => void check({ id });

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
