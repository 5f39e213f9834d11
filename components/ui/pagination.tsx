import { Link } from '@/components/ui/link';
import { cn } from '@/lib/utils';

/**
 * Server-rendered pager: 上一页 / 下一页 links keeping the page's other query
 * parameters, and "第 x / y 页，共 n 条".
 */
export function Pagination({
  path,
  params = {},
  page,
  pageSize,
  total,
  maxPages,
  prefetch,
  className,
}: {
  path: string;
  /** The other query parameters to keep (filters); empty values are dropped. */
  params?: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  /** Pages beyond this are not offered (the total is still shown). */
  maxPages?: number;
  /** false for pages whose every request counts (the rate-limited public search). */
  prefetch?: boolean;
  className?: string;
}) {
  if (total <= 0) return null;
  const pages = Math.min(maxPages ?? Infinity, Math.max(1, Math.ceil(total / pageSize)));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const link = 'rounded-md border px-3 py-1 hover:bg-accent';
  return (
    <nav className={cn('flex flex-wrap items-center justify-end gap-3 text-sm', className)} aria-label="分页">
      {page > 1 && (
        <Link href={href(page - 1)} prefetch={prefetch} className={link}>
          上一页
        </Link>
      )}
      <span>
        第 {Math.min(page, pages)} / {pages} 页，共 {total} 条
      </span>
      {page < pages && (
        <Link href={href(page + 1)} prefetch={prefetch} className={link}>
          下一页
        </Link>
      )}
    </nav>
  );
}

/** `?page=` as a positive integer (anything else is page 1). */
export function pageParam(v: string | string[] | undefined): number {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}
