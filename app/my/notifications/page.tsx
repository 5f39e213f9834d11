import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listNotifications } from '@/lib/notify/service';
import { formatDateTime } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { MarkReadButton } from './mark-read-button';

export const metadata: Metadata = { title: '系统通知' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ filter?: string; page?: string }> }) {
  const user = await requirePage('notifications.self');
  const sp = await searchParams;
  const unreadOnly = sp.filter === 'unread';
  const page = Math.max(1, Number(sp.page) || 1);
  const { rows, total, pageSize } = listNotifications(user.id, { unreadOnly, page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const tab = (f: string | undefined, label: string) => (
    <Link href={f ? `/my/notifications?filter=${f}` : '/my/notifications'} aria-current={sp.filter === f ? 'page' : undefined} className={`rounded-md px-3 py-1 text-sm ${sp.filter === f ? 'bg-primary text-primary-foreground' : 'hover:bg-accent'}`}>
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">系统通知</h1>
        <MarkReadButton id="all" label="全部标为已读" />
      </div>
      <nav className="flex gap-2" aria-label="通知筛选">
        {tab(undefined, '全部')}
        {tab('unread', '未读')}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无通知</p>
      ) : (
        <ul className="divide-y rounded-lg border bg-card">
          {rows.map((n) => (
            <li key={n.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="space-y-1">
                <p className="font-medium">
                  {n.readAt ? <Badge variant="secondary">已读</Badge> : <Badge variant="destructive">未读</Badge>} {n.title}
                </p>
                <p className="text-sm text-muted-foreground">{n.body}</p>
                {n.link && (
                  <Link href={n.link} className="text-sm text-primary hover:underline">
                    查看详情
                  </Link>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-3 text-sm text-muted-foreground">
                {formatDateTime(n.createdAt)}
                {!n.readAt && <MarkReadButton id={n.id} label="标为已读" />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页">
          {page > 1 && <Link href={`/my/notifications?${new URLSearchParams({ ...(sp.filter ? { filter: sp.filter } : {}), page: String(page - 1) })}`}>上一页</Link>}
          <span>
            第 {page} / {pages} 页，共 {total} 条
          </span>
          {page < pages && <Link href={`/my/notifications?${new URLSearchParams({ ...(sp.filter ? { filter: sp.filter } : {}), page: String(page + 1) })}`}>下一页</Link>}
        </nav>
      )}
    </div>
  );
}
