import { Link } from '@/components/ui/link';
import { connection } from 'next/server';
import { ChevronRight, LogIn, UserPlus } from 'lucide-react';
import { OFFICE_NAME } from '@/lib/site/config';
import { NOTICE_CATEGORIES, type NoticeCategory } from '@/lib/notices/schemas';
import { latestPublished, type PublishedNoticeRow } from '@/lib/notices/service';
import { publishedDate } from '@/lib/notices/display';
import { listRecentFilings, type ShowcaseFiling } from '@/lib/public/showcase';
import { formatDateTime } from '@/lib/utils';
import { QueryForm } from '@/components/public/query-form';

const NOTICES_PER_COLUMN = 6;
const SHOWCASE_SIZE = 8;

export default async function HomePage() {
  // The content is read from the database on every request, never frozen at build time.
  await connection();
  const columns = NOTICE_CATEGORIES.map((category) => ({ category, rows: latestPublished(category, NOTICES_PER_COLUMN) }));
  const filings = listRecentFilings(SHOWCASE_SIZE);
  return (
    <div className="space-y-8">
      <section aria-labelledby="home-title" className="rounded-xl border bg-card px-4 py-8 shadow-sm sm:px-10 sm:py-10">
        <div className="text-center">
          <h1 id="home-title" className="text-2xl font-semibold sm:text-3xl">
            互联网站公安联网备案
          </h1>
          <p className="mx-auto mt-3 max-w-2xl text-muted-foreground">
            网站开通之日起30日内，网站开办者应当通过本平台向{OFFICE_NAME}办理公安联网备案手续。备案信息可通过公共查询核实。
          </p>
        </div>
        <div className="mt-8 grid gap-4 lg:grid-cols-[1fr_18rem]">
          <section aria-labelledby="home-query" className="flex min-w-0 flex-col rounded-lg border p-4 sm:p-6">
            <h2 id="home-query" className="mb-3 text-base font-semibold">
              公共查询
            </h2>
            <QueryForm id="home-query-form" />
            <p className="mt-3 text-sm text-muted-foreground">无需登录，可按网站名称、网站域名或联网备案号查询网站的公安联网备案信息。</p>
          </section>
          <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-1">
            <Link href="/login" className="group flex flex-col items-center gap-2 rounded-lg border p-4 text-center hover:border-primary hover:bg-accent sm:p-5">
              <LogIn className="size-8 text-primary" aria-hidden />
              <span className="text-base font-medium">用户登录</span>
              <span className="text-sm text-muted-foreground">办理主体、网站备案业务</span>
            </Link>
            <Link href="/register" className="group flex flex-col items-center gap-2 rounded-lg border p-4 text-center hover:border-primary hover:bg-accent sm:p-5">
              <UserPlus className="size-8 text-primary" aria-hidden />
              <span className="text-base font-medium">注册</span>
              <span className="text-sm text-muted-foreground">首次办理请先注册账号</span>
            </Link>
          </div>
        </div>
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        {columns.map((c) => (
          <NoticeColumn key={c.category} category={c.category} rows={c.rows} />
        ))}
      </div>

      <Showcase filings={filings} />

      <section aria-labelledby="home-steps" className="space-y-3">
        <h2 id="home-steps" className="text-lg font-semibold">
          办理流程
        </h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {[
            ['1', '注册并登录', '使用真实身份信息注册，完成手机验证与邮箱验证。'],
            ['2', '填报主体与网站', '新增开办主体并提交新办网站申请，主体与网站一并审核。'],
            ['3', '取得联网备案号', '审核通过后下载备案编号图标，并将备案号放置在网站底部。'],
          ].map(([n, t, d]) => (
            <li key={n} className="rounded-lg border bg-card p-5">
              <p className="text-sm font-medium text-primary">第{n}步</p>
              <h3 className="mt-1 font-semibold">{t}</h3>
              <p className="mt-2 text-sm text-muted-foreground">{d}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** One of the four columns: the newest titles with their dates, and 更多 for the full list. */
function NoticeColumn({ category, rows }: { category: NoticeCategory; rows: PublishedNoticeRow[] }) {
  const headingId = `home-col-${NOTICE_CATEGORIES.indexOf(category)}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border bg-card" data-testid="home-notice-column">
      <div className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <h2 id={headingId} className="border-l-4 border-primary pl-2 font-semibold">
          {category}
        </h2>
        <Link href={`/notices?category=${encodeURIComponent(category)}`} className="inline-flex items-center text-sm text-primary hover:underline">
          更多<span className="sr-only">{category}</span>
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted-foreground">暂无内容</p>
      ) : (
        <ul className="px-4 py-2">
          {rows.map((n) => (
            <li key={n.id} className="flex items-center gap-3 py-1.5 text-sm">
              <Link href={`/notices/${n.id}`} className="min-w-0 flex-1 truncate hover:text-primary hover:underline" title={n.title}>
                {n.title}
              </Link>
              <time dateTime={new Date(n.publishedAt).toISOString()} className="shrink-0 text-muted-foreground tabular-nums">
                {publishedDate(n.publishedAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 备案展厅: recently filed websites; each number opens its public record. */
function Showcase({ filings }: { filings: ShowcaseFiling[] }) {
  return (
    <section aria-labelledby="home-showcase" className="min-w-0 rounded-lg border bg-card" data-testid="home-showcase">
      <div className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <h2 id="home-showcase" className="border-l-4 border-primary pl-2 font-semibold">
          备案展厅
        </h2>
        <span className="text-sm text-muted-foreground">最近备案的网站</span>
      </div>
      {filings.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted-foreground">暂无备案网站</p>
      ) : (
        <div className="overflow-x-auto px-4 py-2">
          <table className="w-full text-sm">
            <caption className="sr-only">最近备案的网站</caption>
            <thead className="text-left text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  网站名称
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  公安备案号
                </th>
                <th scope="col" className="hidden py-2 font-medium sm:table-cell">
                  备案时间
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {filings.map((f) => (
                <tr key={f.digits}>
                  <td className="py-2 pr-3 break-words sm:pr-4">{f.websiteName}</td>
                  <td className="py-2 pr-4">
                    <Link href={`/query/${f.digits}`} prefetch={false} className="whitespace-nowrap text-primary hover:underline">
                      {f.filingNumber}
                    </Link>
                    {/* On a phone the date sits under the number instead of in its own column. */}
                    <span className="block text-xs text-muted-foreground sm:hidden">{formatDateTime(f.filedAt)}</span>
                  </td>
                  <td className="hidden py-2 whitespace-nowrap text-muted-foreground tabular-nums sm:table-cell">{formatDateTime(f.filedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
