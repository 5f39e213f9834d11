'use client';

import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { claimApplicationAction } from '@/lib/review/actions';
import { reach } from '@/components/forms/use-action';

/**
 * Claims the application once its page is shown (SPEC §6.3) and refreshes it to show 处理人.
 * Rendering the page (a GET, a prefetch) never writes; a lost race or a failure just leaves the
 * page as it is (deciding takes the claim itself). Mounted once per page, so the refresh does
 * not claim again.
 */
export function ClaimOnOpen({ applicationId }: { applicationId: number }) {
  const router = useRouter();
  const fired = useRef<number | null>(null);
  useEffect(() => {
    if (fired.current === applicationId) return;
    fired.current = applicationId;
    void reach(claimApplicationAction({ id: applicationId })).then((res) => {
      if (res.ok) router.refresh();
    });
  }, [applicationId, router]);
  return null;
}
