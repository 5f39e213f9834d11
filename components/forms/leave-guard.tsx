'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';

/**
 * Whether the form holds input typed since it opened or since its last 保存草稿 (`markSaved`).
 * Only the user's changes count (register / Controller report type 'change'); values the form
 * sets itself (setValue, reset on 使用草稿) do not.
 */
export function useUnsavedInput<T extends FieldValues, C, O extends FieldValues | undefined>(form: UseFormReturn<T, C, O>) {
  const [unsaved, setUnsaved] = useState(false);
  const { watch } = form;
  useEffect(() => {
    const sub = watch((_values, { type }) => {
      if (type === 'change') setUnsaved(true);
    });
    return () => sub.unsubscribe();
  }, [watch]);
  return { unsaved, markSaved: () => setUnsaved(false), markUnsaved: () => setUnsaved(true) };
}

type Pending = { href: string } | { traverse: number };

/** The part of the Navigation API (Chromium, Safari 26, Firefox 147) used here. */
type NavigateEventLike = Event & { navigationType: string; cancelable: boolean; destination: { url: string; index: number } };
type NavigationLike = EventTarget & { currentEntry: { index: number } | null };
function navigationApi(): NavigationLike | undefined {
  const n: unknown = Reflect.get(window, 'navigation');
  return n instanceof EventTarget ? (n as NavigationLike) : undefined;
}

/**
 * While `when` holds, leaving the page asks first: closing or reloading through the browser's
 * beforeunload prompt; a link inside the app (menu, header) and the browser's Back out of the
 * form's page through 离开此页面？. Steps of the form (same path, other ?step=) pass.
 *
 * App Router has no navigation events, so links are caught by a capturing click listener before
 * Next's <Link> sees them, and Back / Forward out of the page by the Navigation API's cancelable
 * `navigate` event, before any popstate reaches the router (a popstate listener would run after the
 * router's: listeners at the window run in the order they were added). Browsers without the
 * Navigation API leave by Back without asking.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const allow = useRef(false);

  useEffect(() => {
    if (!when) return;
    allow.current = false;
    const formPath = window.location.pathname;

    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allow.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (allow.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href]') : null;
      if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return; // another site: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ href: url.pathname + url.search + url.hash });
    };
    const onNavigate = (event: Event) => {
      const e = event as NavigateEventLike;
      if (allow.current || e.navigationType !== 'traverse' || !e.cancelable) return;
      if (new URL(e.destination.url).pathname === formPath) return; // another step of this form
      e.preventDefault();
      setPending({ traverse: e.destination.index - (navigationApi()?.currentEntry?.index ?? e.destination.index + 1) });
    };
    const navigation = navigationApi();

    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      navigation?.removeEventListener('navigate', onNavigate);
    };
  }, [when]);

  function leave() {
    const target = pending;
    setPending(null);
    if (!target) return;
    allow.current = true;
    if ('href' in target) router.push(target.href);
    else window.history.go(target.traverse);
  }

  return (
    <AlertDialog open={!!pending} onOpenChange={(open) => !open && setPending(null)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>离开此页面？</AlertDialogTitle>
          <AlertDialogDescription>您填写的内容尚未保存，离开后将丢失。</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>留在此页</AlertDialogCancel>
          <AlertDialogAction onClick={leave}>离开</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
