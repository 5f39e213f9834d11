'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

type FocusRequest = { kind: 'heading' | 'error'; tick: number };

/**
 * Focus of a multi-step form: after a step change its heading (`[data-step-heading]` inside
 * `stepRef`), after a failed check the first invalid control, else the alert area. Returns the
 * refs to attach and `requestFocus`.
 */
export function useStepFocus() {
  const stepRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  useEffect(() => {
    if (!focus) return;
    const root = stepRef.current;
    if (focus.kind === 'heading') {
      window.scrollTo({ top: 0 });
      root?.querySelector<HTMLElement>('[data-step-heading]')?.focus({ preventScroll: true });
      return;
    }
    const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]:not([type="hidden"])') ?? root?.querySelector<HTMLElement>('[data-field-error]');
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    } else alertRef.current?.scrollIntoView({ block: 'center' });
  }, [focus]);

  const requestFocus = useCallback((kind: FocusRequest['kind']) => setFocus((f) => ({ kind, tick: (f?.tick ?? 0) + 1 })), []);
  return { stepRef, alertRef, requestFocus };
}
