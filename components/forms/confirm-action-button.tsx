'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { useAction } from './use-action';

type Result = { ok: true; data?: unknown } | { ok: false; formError?: string };

/**
 * A button that asks "确定…?" in a dialog, runs one server action and then refreshes
 * the page (or goes to `doneHref`). The server has the last word: its refusal is shown
 * in the dialog, and the page is refreshed since it may be stale.
 */
export function ConfirmActionButton({
  label,
  title,
  description,
  run,
  doneHref,
  failMessage = '操作失败，请稍后重试',
  variant = 'outline',
  size,
  destructive,
  disabled,
  disabledReason,
}: {
  label: string;
  title: string;
  description: string;
  run: () => Promise<Result>;
  doneHref?: string;
  failMessage?: string;
  variant?: 'outline' | 'default' | 'link';
  size?: 'sm' | 'default';
  destructive?: boolean;
  disabled?: boolean;
  disabledReason?: string;
}) {
  const [open, setOpen] = useState(false);
  const action = useAction(async () => {
    const res = await run();
    return res.ok ? { ok: true as const, data: undefined } : res;
  }, {
    refresh: 'always',
    redirect: doneHref ? () => doneHref : undefined,
    onSuccess: () => !doneHref && setOpen(false),
    failureText: failMessage,
  });
  const { pending, formError: error, setFormError: setError } = action;
  const confirm = () => void action.run();

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (pending) return;
        setOpen(o);
        if (o) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button
          type="button"
          variant={variant}
          size={size}
          disabled={disabled}
          title={disabled ? disabledReason : undefined}
          className={variant === 'link' ? `h-auto p-0 ${destructive ? 'text-destructive' : ''}` : undefined}
        >
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {error && <Alert variant="destructive">{error}</Alert>}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            取消
          </Button>
          <Button type="button" variant={destructive ? 'destructive' : 'default'} onClick={confirm} disabled={pending}>
            {pending ? '提交中…' : '确定'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
