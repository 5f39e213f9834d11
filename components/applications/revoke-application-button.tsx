'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { revokeApplicationAction } from '@/app/my/applications/actions';

/** 撤销申请 with a confirmation; the server has the last word (e.g. after 30 minutes). */
export function RevokeApplicationButton({ applicationId }: { applicationId: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function confirm() {
    setError(null);
    start(async () => {
      const res = await revokeApplicationAction({ id: applicationId });
      setOpen(false);
      if (res.ok) router.refresh();
      else setError(res.formError ?? '撤销失败，请稍后重试');
    });
  }

  return (
    <div className="space-y-2">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="outline">撤销申请</Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>撤销申请</DialogTitle>
            <DialogDescription>确定撤销该申请吗？撤销后可修改并重新提交。</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                取消
              </Button>
            </DialogClose>
            <Button type="button" onClick={confirm} disabled={pending}>
              确定
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      {error && <Alert variant="destructive">{error}</Alert>}
    </div>
  );
}
