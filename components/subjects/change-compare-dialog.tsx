'use client';

import { useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';

/** One compared field (变更主体 and 变更网站 rows both fit). */
export type CompareRow = { field: string; label: string; before: string; after: string };

const PAGE_SIZE = 10;

/** 变更信息确认: 序号 / 变更字段 / 变更前 / 变更后, 10 rows a page, then 取消 or 确认. */
export function ChangeCompareDialog({
  rows,
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  rows: CompareRow[];
  open: boolean;
  pending?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [page, setPage] = useState(1);
  // A new comparison starts on its first page (adjusted while rendering, no effect needed).
  const [shown, setShown] = useState(rows);
  if (shown !== rows) {
    setShown(rows);
    setPage(1);
  }
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Dialog open={open} onOpenChange={(o) => !o && !pending && onCancel()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>变更信息确认</DialogTitle>
          <DialogDescription>请核对以下变更内容，确认无误后点击“确认”提交审核。</DialogDescription>
        </DialogHeader>
        <div className="overflow-x-auto rounded-md border">
          <table className="w-full text-sm">
            <caption className="sr-only">变更字段对比</caption>
            <thead className="bg-muted/60 text-left">
              <tr>
                <th scope="col" className="w-12 px-2 py-2 font-medium whitespace-nowrap sm:px-3">序号</th>
                <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap sm:px-3">变更字段</th>
                <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap sm:px-3">变更前</th>
                <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap sm:px-3">变更后</th>
              </tr>
            </thead>
            <tbody>
              {slice.map((r, i) => (
                <tr key={r.field} className="border-t align-top">
                  <td className="px-2 py-2 sm:px-3">{(current - 1) * PAGE_SIZE + i + 1}</td>
                  <td className="px-2 py-2 sm:px-3">{r.label}</td>
                  <td className="px-2 py-2 break-all sm:px-3">{r.before || '—'}</td>
                  <td className="px-2 py-2 break-all sm:px-3">{r.after || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-muted-foreground">
            共 {rows.length} 条，第 {current} / {pages} 页
          </span>
          <nav className="flex gap-2" aria-label="变更对比分页">
            <Button type="button" variant="outline" size="sm" disabled={current <= 1} onClick={() => setPage(current - 1)}>
              上一页
            </Button>
            <Button type="button" variant="outline" size="sm" disabled={current >= pages} onClick={() => setPage(current + 1)}>
              下一页
            </Button>
          </nav>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel} disabled={pending}>
            取消
          </Button>
          <Button type="button" onClick={onConfirm} disabled={pending}>
            {pending ? '提交中…' : '确认'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
