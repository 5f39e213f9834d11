import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listAll } from '@/lib/notices/service';
import { formatDateTime } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { PublishButton } from './publish-button';

export const metadata: Metadata = { title: '公告管理' };

/** 公告管理: the content of the home page's 通知公告, 备案须知, 政策法规 and 常见问题. */
export default async function AdminNoticesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePage('notices.manage');
  const { rows, total, page, pageSize } = listAll(user, pageParam((await searchParams).page));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">公告管理</h1>
        <Button asChild>
          <Link href="/admin/notices/new">新建公告</Link>
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">
        公告按栏目显示在
        <Link href="/" className="mx-1 text-primary underline underline-offset-4">
          首页
        </Link>
        的“通知公告、备案须知、政策法规、常见问题”中。新建的公告为未发布状态，发布后对外公开；取消发布后不再显示。
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无公告</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="公告列表">
            <TableHeader>
              <TableRow>
                <TableHead>栏目</TableHead>
                <TableHead>标题</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>更新时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((n) => (
                <TableRow key={n.id} data-testid="notice-row">
                  <TableCell>{n.category}</TableCell>
                  <TableCell className="max-w-md min-w-48 whitespace-normal">
                    {n.publishedAt ? (
                      <Link href={`/notices/${n.id}`} className="text-primary hover:underline">
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </TableCell>
                  <TableCell>
                    {n.publishedAt ? (
                      <Badge variant="success" title={`发布时间：${formatDateTime(n.publishedAt)}`}>
                        已发布
                      </Badge>
                    ) : (
                      <Badge variant="secondary">未发布</Badge>
                    )}
                  </TableCell>
                  <TableCell>{formatDateTime(n.updatedAt)}</TableCell>
                  <TableCell>
                    <div className="flex items-center gap-4">
                      <Link href={`/admin/notices/${n.id}/edit`} className="text-sm text-primary hover:underline">
                        编辑<span className="sr-only">：{n.title}</span>
                      </Link>
                      <PublishButton id={n.id} title={n.title} published={n.publishedAt != null} />
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/notices" page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
