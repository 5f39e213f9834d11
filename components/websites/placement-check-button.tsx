'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';

export type CheckPlacementAction = (input: { id: number }) => Promise<ActionResult<{ ok: boolean; checkedAt: number }>>;

/** 立即检测: reads the home page again (up to a few seconds) and refreshes the stored result. */
export function PlacementCheckButton({ websiteId, action }: { websiteId: number; action: CheckPlacementAction }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function run() {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    const res = await action({ id: websiteId }).catch(() => ({ ok: false as const, formError: '网络异常，请稍后重试' }));
    inFlight.current = false;
    setPending(false);
    if (!res.ok) setError(res.formError ?? '检测失败，请稍后重试');
    else router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="outline" size="sm" onClick={run} disabled={pending} data-testid="placement-check-now">
        {pending ? '检测中…' : '立即检测'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-destructive" data-testid="placement-check-error">
          {error}
        </p>
      )}
    </div>
  );
}
