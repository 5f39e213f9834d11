'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { warningAlertClass } from './wizard-controls';

const WARN_BEFORE_MS = 5 * 60_000;

/**
 * "登录即将超时，请及时保存草稿", 5 minutes before the session ends. The page passes the time
 * left (not a timestamp), so a wrong clock in the browser does not matter.
 */
export function WizardSessionWarning({ remainingMs }: { remainingMs: number }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const delay = Math.max(0, remainingMs - WARN_BEFORE_MS);
    const t = setTimeout(() => setShow(true), Math.min(delay, 2_147_483_647));
    return () => clearTimeout(t);
  }, [remainingMs]);
  if (!show) return null;
  return (
    // Sticky so it stays in view; the opaque wrapper keeps the tinted alert readable over the form.
    <div className="sticky top-2 z-20 rounded-lg bg-background shadow-sm">
      <Alert className={warningAlertClass}>登录即将超时，请及时保存草稿</Alert>
    </div>
  );
}
