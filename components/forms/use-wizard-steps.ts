'use client';

import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';

/** Writes `?step=n` (other parameters kept) through the native history, which the App Router follows. */
function writeStep(step: number, how: 'push' | 'replace') {
  const params = new URLSearchParams(window.location.search);
  params.set('step', String(step));
  const url = `${window.location.pathname}?${params.toString()}`;
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/**
 * The step of a multi-step form, kept in the URL (`?step=2`): moving on pushes a history entry, so
 * the browser's Back and Forward move between steps while the form (and what was typed) stays
 * mounted. No pushState goes to the server: Next's router only updates useSearchParams.
 *
 * A step is shown only once reached through the form (`reached`): a ?step= further on, typed by
 * hand or left from an earlier visit, shows the furthest step reached and the URL is corrected.
 * Without ?step= the form shows `initial` (1, or the step a restored draft was saved on).
 */
export function useWizardSteps(count: number, initial: number) {
  const params = useSearchParams();
  const raw = params.get('step');
  const [reached, setReached] = useState(initial);
  const wanted = raw === null ? initial : Number(raw);
  const step = Math.min(Number.isInteger(wanted) && wanted >= 1 && wanted <= count ? wanted : initial, reached);

  useEffect(() => {
    if (raw !== null && raw !== String(step)) writeStep(step, 'replace');
  }, [raw, step]);

  /** Shows step `next` as a new history entry. */
  const go = useCallback((next: number) => {
    setReached((r) => Math.max(r, next));
    writeStep(next, 'push');
  }, []);

  return { step, go };
}
