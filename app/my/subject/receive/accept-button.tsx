'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { acceptTransferAction } from './actions';

export function AcceptTransferButton({ transferId, subjectName, disabled }: { transferId: number; subjectName: string; disabled?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const res = await acceptTransferAction({ transferId }).catch(() => ({ ok: false as const, formError: '网络异常，请稍后重试' }));
    if (res.ok) {
      router.push('/my/subject');
      return;
    }
    setPending(false);
    setError(res.formError ?? '接收失败，请稍后重试');
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (pending) return;
        // After a failure (e.g. the offer was withdrawn meanwhile) the list may be stale.
        if (!o && error) router.refresh();
        setOpen(o);
        if (o) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" disabled={disabled} title={disabled ? '您已有有效主体，不能接收其他主体' : undefined}>
          接收
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>接收主体“{subjectName}”</DialogTitle>
          <DialogDescription>接收后该主体及其网站、材料和办理记录将转入您的账号，确定接收吗？</DialogDescription>
        </DialogHeader>
        {error && <Alert variant="destructive">{error}</Alert>}
        <DialogFooter>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              if (error) router.refresh();
              setOpen(false);
            }}
            disabled={pending}
          >
            取消
          </Button>
          <Button type="button" onClick={confirm} disabled={pending}>
            {pending ? '提交中…' : '确定'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
