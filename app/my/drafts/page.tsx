import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listDrafts } from '@/lib/drafts/service';
import { BUSINESS_TYPES } from '@/lib/applications/service';
import type { BusinessType } from '@/db/schema';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { draftHref } from '@/lib/applications/links';
import { DeleteDraftButton } from './delete-draft-button';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '我的草稿' };

export default async function MyDraftsPage({ searchParams }: { searchParams: Promise<{ type?: string; page?: string; created?: string; saved?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  // 保存草稿 on 新增主体 / 变更主体 comes here (seed 004).
  const savedType = ({ 'new-subject': '新增主体', 'change-subject': '变更主体' } as Record<string, string>)[sp.saved ?? ''];
  const type = (BUSINESS_TYPES as readonly string[]).includes(sp.type ?? '') ? (sp.type as BusinessType) : undefined;
  const { rows, total, page, pageSize } = listDrafts(user.id, { type, page: pageParam(sp.page) });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">我的草稿</h1>
      {/^[1-9]\d?$/.test(sp.created ?? '') && <Alert variant="success">已根据数据码创建{sp.created}条新办网站草稿，请逐条打开补充信息后提交。</Alert>}
      {savedType && (
        <Alert variant="success" role="status">
          <p className="font-medium">草稿已保存</p>
          <p className="text-muted-foreground">“{savedType}”草稿已加入下方列表，点击“详情”可继续填写。负责人证件号码和负责人手机号码不保存在草稿中，使用草稿时需重新填写。</p>
        </Alert>
      )}
      <Alert variant="info">系统只保留 30 天内的草稿信息，过期将删除，请及时提交申请。</Alert>
      <form method="get" action="/my/drafts" role="search" aria-label="查询草稿" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-type" label="业务类型" className="w-full sm:w-48">
          <NativeSelect id="filter-type" name="type" defaultValue={type ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {BUSINESS_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit">查询</Button>
        {type && (
          <Button variant="outline" asChild>
            <Link href="/my/drafts">清空</Link>
          </Button>
        )}
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无草稿</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="草稿列表">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">序号</TableHead>
                <TableHead>业务类型</TableHead>
                <TableHead>保存时间</TableHead>
                <TableHead>创建时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => {
                const href = draftHref(r.type, r.id, r.websiteId, r.filingId);
                return (
                  <TableRow key={r.id} data-testid="draft-row">
                    <TableCell>{(page - 1) * pageSize + i + 1}</TableCell>
                    <TableCell>{r.type}</TableCell>
                    <TableCell>{formatDateTime(r.savedAt)}</TableCell>
                    <TableCell>{formatDateTime(r.createdAt)}</TableCell>
                    <TableCell>
                      <div className="flex items-center gap-4">
                        {href && (
                          <Link href={href} className="text-primary hover:underline">
                            详情
                          </Link>
                        )}
                        <DeleteDraftButton draftId={r.id} />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/my/drafts" params={{ type }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
