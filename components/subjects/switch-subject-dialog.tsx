'use client';

import { useEffect, useState, useTransition } from 'react';
import { Link } from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { StatusBadge } from '@/components/applications/status-badge';
import { formatDateTime } from '@/lib/utils';
import { reach, useAction } from '@/components/forms/use-action';
import { listMySubjectsAction, switchSubjectAction } from '@/lib/subjects/actions';

type Row = { id: number; nature: string; name: string; status: string; createdAt: number; isCurrent: boolean };
type ListResult = { rows: Row[]; total: number; page: number; pageSize: number };

/**
 * 切换主体 (header): the user's subjects, 10 a page, searchable by 主体名称. The button is on every
 * applicant page, the dialog is used rarely: it is built on the first click (issue 17), and
 * opens at once.
 */
export function SwitchSubjectDialog({ triggerClassName }: { triggerClassName?: string }) {
  const [used, setUsed] = useState(false);
  if (used) return <SubjectSwitcher triggerClassName={triggerClassName} />;
  return (
    <button type="button" className={triggerClassName} aria-haspopup="dialog" aria-expanded={false} onClick={() => setUsed(true)}>
      切换主体
    </button>
  );
}

function SubjectSwitcher({ triggerClassName }: { triggerClassName?: string }) {
  const [open, setOpen] = useState(true);
  const [name, setName] = useState('');
  const [query, setQuery] = useState({ name: '', page: 1 });
  const [data, setData] = useState<ListResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const {
    run: switchSubject,
    pending: switching,
    formError: switchError,
    setFormError: setSwitchError,
  } = useAction(switchSubjectAction, {
    refresh: true,
    onSuccess: () => setOpen(false),
    failureText: '切换失败，请稍后重试',
    fields: [],
    focus: false,
  });

  useEffect(() => {
    if (!open) return;
    let stale = false;
    startLoading(async () => {
      const res = await reach(listMySubjectsAction(query));
      if (stale) return;
      if (res.ok) {
        setData(res.data);
        setError(null);
        setSwitchError(null);
      } else setError(res.formError ?? '加载失败，请稍后重试');
    });
    return () => {
      stale = true;
    };
  }, [open, query, setSwitchError]);

  function switchTo(id: number) {
    setError(null);
    void switchSubject({ subjectId: id });
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
    >
      <DialogTrigger asChild>
        <button type="button" className={triggerClassName}>
          切换主体
        </button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>切换主体</DialogTitle>
          <DialogDescription>选择要办理业务的开办主体，切换后页面将显示该主体的信息。</DialogDescription>
        </DialogHeader>
        <form
          role="search"
          aria-label="查询主体"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ name: name.trim(), page: 1 });
          }}
        >
          <div className="min-w-0 flex-1 space-y-1.5">
            <label htmlFor="switch-subject-name" className="text-sm font-medium">
              主体名称
            </label>
            <Input id="switch-subject-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="请输入" maxLength={100} />
          </div>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setName('');
              setQuery({ name: '', page: 1 });
            }}
          >
            清空
          </Button>
          <Button type="submit" disabled={loading}>
            查询
          </Button>
        </form>
        {(switchError ?? error) && (
          <p role="alert" className="text-sm text-destructive">
            {switchError ?? error}
          </p>
        )}
        <div className="min-w-0 rounded-lg border" aria-busy={loading}>
          <Table aria-label="我的主体列表">
            <TableHeader>
              <TableRow>
                <TableHead className="w-14">序号</TableHead>
                <TableHead>主体类型</TableHead>
                <TableHead>主体名称</TableHead>
                <TableHead>创建时间</TableHead>
                <TableHead>审核状态</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data && data.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} className="py-6 text-center text-muted-foreground">
                    暂无主体
                  </TableCell>
                </TableRow>
              )}
              {!data && (
                <TableRow>
                  <TableCell colSpan={6} className="py-6 text-center text-muted-foreground">
                    加载中…
                  </TableCell>
                </TableRow>
              )}
              {data?.rows.map((r, i) => (
                <TableRow key={r.id} data-testid="subject-row">
                  <TableCell>{(data.page - 1) * data.pageSize + i + 1}</TableCell>
                  <TableCell>{r.nature}</TableCell>
                  <TableCell>
                    <span className="block max-w-64 truncate" title={r.name}>
                      {r.name}
                    </span>
                  </TableCell>
                  <TableCell>{formatDateTime(r.createdAt).slice(0, 10)}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>
                    {r.isCurrent ? (
                      <span className="font-medium text-muted-foreground">当前主体</span>
                    ) : r.status === '已注销' ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <Button type="button" variant="link" size="sm" className="h-auto p-0" disabled={switching} onClick={() => switchTo(r.id)}>
                        点击切换
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {data && data.total > 0 && (
          <nav aria-label="主体列表分页" className="flex flex-wrap items-center justify-end gap-3 text-sm">
            {data.page > 1 && (
              <Button type="button" variant="outline" size="sm" disabled={loading} onClick={() => setQuery((q) => ({ ...q, page: data.page - 1 }))}>
                上一页
              </Button>
            )}
            <span>
              第 {data.page} / {pages} 页，共 {data.total} 条
            </span>
            {data.page < pages && (
              <Button type="button" variant="outline" size="sm" disabled={loading} onClick={() => setQuery((q) => ({ ...q, page: data.page + 1 }))}>
                下一页
              </Button>
            )}
          </nav>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** 首页 for a user without any subject: a modal open on load pointing to 申请主体. */
export function NoSubjectDialog() {
  const [open, setOpen] = useState(true);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>提示</DialogTitle>
          <DialogDescription className="text-base text-foreground">您当前还无有效主体，请先申请主体</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            稍后再说
          </Button>
          <Button asChild>
            <Link href="/my/subject/new">申请主体</Link>
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
