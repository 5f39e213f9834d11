'use client';

import { useState, useSyncExternalStore } from 'react';
import { Link } from '@/components/ui/link';
import { Bell, X } from '@/components/ui/icons';

const noSubscription = () => () => {};

export function NoticeToast({ id, title, body }: { id: number; title: string; body: string }) {
  const key = `notice-closed-${id}`;
  // Closed earlier in this browser session? Unknown on the server, so shown only after hydration.
  const closedBefore = useSyncExternalStore(noSubscription, () => sessionStorage.getItem(key) === '1', () => true);
  const [closed, setClosed] = useState(false);
  if (closed || closedBefore) return null;
  return (
    <aside role="status" aria-label="最新通知" className="fixed right-4 bottom-4 z-40 w-[min(22rem,calc(100vw-2rem))] rounded-lg border bg-card p-4 shadow-lg">
      <div className="flex items-start gap-3">
        <Bell className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-medium">{title}</p>
          <p className="line-clamp-3 text-sm text-muted-foreground">{body}</p>
          <Link href="/my/notifications?filter=unread" className="text-sm text-primary underline underline-offset-4">
            查看通知
          </Link>
        </div>
        <button
          type="button"
          aria-label="关闭通知"
          className="rounded p-1 text-muted-foreground hover:bg-accent"
          onClick={() => {
            sessionStorage.setItem(key, '1');
            setClosed(true);
          }}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
    </aside>
  );
}
