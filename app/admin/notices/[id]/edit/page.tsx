import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/session';
import { getNoticeForEdit } from '@/lib/notices/service';
import { formatDateTime } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { NoticeForm } from '../../notice-form';
import { PublishButton } from '../../publish-button';

export const metadata: Metadata = { title: '编辑公告' };

export default async function EditNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('notices.manage');
  const { id } = await params;
  const n = /^\d{1,15}$/.test(id) ? getNoticeForEdit(user, Number(id)) : undefined;
  if (!n) notFound();
  const published = n.publishedAt != null;
  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted-foreground">
        <Link href="/admin" className="hover:underline">
          管理后台
        </Link>
        {' / '}
        <Link href="/admin/notices" className="hover:underline">
          公告管理
        </Link>
        {' / '}编辑公告
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">编辑公告</h1>
        {published ? <Badge variant="success">已发布</Badge> : <Badge variant="secondary">未发布</Badge>}
        <span className="text-sm text-muted-foreground">
          {published ? `发布时间：${formatDateTime(n.publishedAt)}` : `更新时间：${formatDateTime(n.updatedAt)}`}
        </span>
        <span className="ml-auto flex items-center gap-4 text-sm">
          {published && (
            <Link href={`/notices/${n.id}`} className="text-primary hover:underline">
              查看公开页面
            </Link>
          )}
          <PublishButton id={n.id} title={n.title} published={published} />
        </span>
      </div>
      {/* Not keyed: 发布 refreshes the page, and text typed but not yet saved must survive it. */}
      <NoticeForm notice={{ id: n.id, category: n.category, title: n.title, body: n.body, published }} />
    </div>
  );
}
