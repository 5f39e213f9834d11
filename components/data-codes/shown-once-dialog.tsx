'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';

/** A secret shown once (数据码, API密钥): the value, 复制 with a visible 已复制, and why it will not be shown again. */
export function ShownOnceDialog({
  open,
  onClose,
  title,
  label,
  value,
  note,
  extra = [],
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  label: string;
  value: string;
  note: string;
  extra?: { label: string; value: string }[];
}) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          setCopied(null);
          onClose();
        }
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{note}</DialogDescription>
        </DialogHeader>
        <dl className="grid gap-y-3 text-sm">
          <div className="grid grid-cols-[5rem_1fr] items-center gap-3">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>
              <code data-testid="shown-once-value" className="break-all rounded bg-muted px-2 py-1 font-mono text-base tracking-wider">
                {value}
              </code>
            </dd>
          </div>
          {extra.map((e) => (
            <div key={e.label} className="grid grid-cols-[5rem_1fr] gap-3">
              <dt className="text-muted-foreground">{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
        <p role="status" className="min-h-5 text-sm text-success">
          {copied === 'ok' ? '已复制' : ''}
        </p>
        {copied === 'failed' && <Alert variant="destructive">复制失败，请手动选中后复制</Alert>}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => void copy()}>
            复制
          </Button>
          <Button
            type="button"
            onClick={() => {
              setCopied(null);
              onClose();
            }}
          >
            我已保存
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
