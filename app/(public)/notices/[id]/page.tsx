import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getPublished } from '@/lib/notices/service';
import { formatDateTime } from '@/lib/utils';
import { NoticeMarkdown } from '@/components/notices/markdown';

type Params = Promise<{ id: string }>;

/** Digits only: '1e3', '0x10' or '12abc' are not notice ids. */
const load = (id: string) => (/^\d{1,15}$/.test(id) ? getPublished(Number(id)) : undefined);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const n = load((await params).id);
  return { title: n ? n.title : '公告不存在' };
}

/** /notices/[id]: one published notice, public; an unpublished or unknown one is a 404. */
export default async function NoticePage({ params }: { params: Params }) {
  const n = load((await params).id);
  if (!n) notFound();
  const categoryHref = `/notices?category=${encodeURIComponent(n.category)}`;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="位置" className="text-sm text-muted-foreground">
        <Link href="/" className="hover:underline">
          首页
        </Link>
        {' / '}
        <Link href={categoryHref} className="hover:underline">
          {n.category}
        </Link>
      </nav>
      <article className="rounded-lg border bg-card px-5 py-6 sm:px-10 sm:py-8">
        <header className="border-b pb-4 text-center">
          <h1 className="text-xl leading-relaxed font-semibold break-words sm:text-2xl">{n.title}</h1>
          <p className="mt-2 text-sm text-muted-foreground">
            <span>栏目：{n.category}</span>
            <span className="ml-4">
              发布时间：<time dateTime={new Date(n.publishedAt).toISOString()}>{formatDateTime(n.publishedAt)}</time>
            </span>
          </p>
        </header>
        <NoticeMarkdown className="pt-2">{n.body}</NoticeMarkdown>
      </article>
      <p className="text-sm">
        <Link href={categoryHref} className="text-primary hover:underline">
          返回{n.category}
        </Link>
      </p>
    </div>
  );
}
