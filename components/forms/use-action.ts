'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** What a form says when its server action could not be reached. */
export const NETWORK_ERROR = '网络异常，请检查网络后重试';

/**
 * A server action that could not be reached (network, server gone) becomes an ordinary failure
 * (`networkError`: what it says, for a control with its own wording). A call that gives null
 * (nothing was sent) passes it through.
 */
export async function reach<T extends { ok: boolean } | null>(call: Promise<T>, networkError: string = NETWORK_ERROR): Promise<T | ActionFailure> {
  try {
    return await call;
  } catch {
    return { ok: false, formError: networkError };
  }
}

/** Scrolls to and focuses the first invalid control inside `root` (else shows `fallback`). */
export function focusFirstError(root: ParentNode | null | undefined = typeof document === 'undefined' ? null : document, fallback?: HTMLElement | null) {
  requestAnimationFrame(() => {
    const el =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]:not([type="hidden"])') ?? root?.querySelector<HTMLElement>('[data-field-error]') ?? null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    } else fallback?.scrollIntoView({ block: 'center' });
  });
}

export type UseActionOptions<T, V extends FieldValues> = {
  /** react-hook-form's setError: fieldErrors whose key names a field go onto it. */
  setError?: UseFormSetError<V>;
  /** Action key → form path (null: not a field of this form). Default: the key itself, `data.` dropped. */
  fieldPath?: (key: string) => string | null;
  /** Field keys of a hand-held form (no react-hook-form): their errors go to `fieldErrors`, others to `formError`. */
  fields?: readonly string[];
  /**
   * After success: refresh the page's server data (`'always'`: after a refusal too, the page may be stale;
   * `'refusal'`: only after a refusal, for an action whose success revalidates the page itself) …
   */
  refresh?: boolean | 'always' | 'refusal';
  /** … or go to this address. */
  redirect?: (data: T) => string;
  onSuccess?: (data: T) => void;
  /** formError when the action gives none. */
  failureText?: string;
  /** Keep the action's formError (or failureText) on top even when its fieldErrors went onto fields (default: the fields say it). */
  keepFormError?: boolean;
  /** Focus the first field with an error (default true). */
  focus?: boolean;
  /** Told when `pending` changes (a dialog that may not close meanwhile). */
  onPendingChange?: (pending: boolean) => void;
};

/**
 * One way for a client form to call a server action: `run(input)` calls it (once at a time), turns
 * a network failure into 网络异常…, puts `fieldErrors` onto the form's fields (react-hook-form's
 * setError, or `fieldErrors` for a hand-held form), focuses the first field with an error, keeps
 * `formError` for the rest, and on success refreshes or redirects. `pending` stays true while a
 * redirect is under way. Returns the result (null when a call was already running).
 */
export function useAction<I extends unknown[], T, V extends FieldValues = FieldValues>(
  action: (...input: I) => Promise<ActionResult<T>>,
  options: UseActionOptions<T, V> = {},
) {
  const router = useRouter();
  const [pending, setPendingState] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const inFlight = useRef(false);
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  // After the errors are rendered: the first invalid control.
  useEffect(() => {
    if (focusTick) focusFirstError();
  }, [focusTick]);

  const run = useCallback(
    async (...input: I): Promise<ActionResult<T> | null> => {
      if (inFlight.current) return null;
      const o = opts.current;
      const setPending = (p: boolean) => {
        inFlight.current = p;
        setPendingState(p);
        o.onPendingChange?.(p);
      };
      setPending(true);
      setFormError(null);
      setFieldErrors({});
      const res = await reach(action(...input));
      if (res.ok) {
        o.onSuccess?.(res.data);
        if (o.redirect) {
          inFlight.current = false;
          router.push(o.redirect(res.data));
          return res;
        }
        setPending(false);
        if (o.refresh === true || o.refresh === 'always') router.refresh();
        return res;
      }
      setPending(false);
      const onFields: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
        const path = o.fieldPath ? o.fieldPath(key) : key.replace(/^data\./, '');
        if (!path || key === '_form' || (!o.setError && o.fields && !o.fields.includes(path))) {
          if (key !== '_form' && message !== res.formError) elsewhere.push(message);
          continue;
        }
        onFields[path] = message;
        o.setError?.(path as FieldPath<V>, { type: 'server', message });
      }
      setFieldErrors(onFields);
      const placed = Object.keys(onFields).length > 0;
      const summary = placed && !o.keepFormError ? null : (res.formError ?? o.failureText ?? '提交未成功，请稍后重试');
      setFormError([summary, ...elsewhere].filter(Boolean).join(' ') || null);
      if (placed && o.focus !== false) setFocusTick((t) => t + 1);
      if (o.refresh === 'always' || o.refresh === 'refusal') router.refresh();
      return res;
    },
    [action, router],
  );

  return { run, pending, formError, setFormError, fieldErrors, setFieldErrors };
}
