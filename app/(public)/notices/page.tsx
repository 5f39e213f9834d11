import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { listPublished } from '@/lib/notices/service';
import { NOTICE_CATEGORIES, parseNoticeCategory } from '@/lib/notices/schemas';
import { cn } from '@/lib/utils';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { publishedDate } from '@/lib/notices/display';

type SP = { category?: string | string[]; page?: string | string[] };

export async function generateMetadata({ searchParams }: { searchParams: Promise<SP> }): Promise<Metadata> {
  return { title: parseNoticeCategory((await searchParams).category) ?? '公告信息' };
}

/** /notices: published notices, filtered by 栏目 (?category=), newest first, 10 a page. Public. */
export default async function NoticesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const category = parseNoticeCategory(sp.category);
  const { rows, total, page, pageSize } = listPublished(category, pageParam(sp.page));
  const heading = category ?? '公告信息';
  const tabs: { label: string; value?: string }[] = [{ label: '全部' }, ...NOTICE_CATEGORIES.map((c) => ({ label: c, value: c }))];
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="位置" className="text-sm text-muted-foreground">
        <Link href="/" className="hover:underline">
          首页
        </Link>
        {' / '}
        {heading}
      </nav>
      <h1 className="text-xl font-semibold">{heading}</h1>
      <nav aria-label="栏目" className="flex flex-wrap gap-2 border-b pb-3 text-sm">
        {tabs.map((t) => {
          const current = t.value === category;
          return (
            <Link
              key={t.label}
              href={t.value ? `/notices?category=${encodeURIComponent(t.value)}` : '/notices'}
              aria-current={current ? 'page' : undefined}
              className={cn('rounded-md border px-3 py-1', current ? 'border-primary bg-primary text-primary-foreground' : 'bg-card hover:bg-accent')}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无公告</p>
      ) : (
        <ul className="divide-y rounded-lg border bg-card" aria-label={`${heading}列表`}>
          {rows.map((n) => (
            <li key={n.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4" data-testid="notice-item">
              {!category && <span className="shrink-0 text-xs text-muted-foreground sm:w-16">[{n.category}]</span>}
              <Link href={`/notices/${n.id}`} className="min-w-0 flex-1 break-words text-primary hover:underline">
                {n.title}
              </Link>
              <time dateTime={new Date(n.publishedAt).toISOString()} className="shrink-0 text-sm text-muted-foreground">
                {publishedDate(n.publishedAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <Pagination path="/notices" params={{ category }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
