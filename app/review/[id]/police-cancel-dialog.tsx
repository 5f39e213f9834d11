'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { policeCancelAction } from '@/lib/review/actions';
import { POLICE_CANCEL_OTHER, POLICE_CANCEL_REASONS, policeCancelSchema } from '@/lib/review/schemas';

type Target = { object: 'website' | 'filing'; id: number; label: string; name: string; filingNumber: string };

/**
 * 注销备案 by the police: 注销原因 from the list (其他 needs a 注销说明), then 确认注销 in the
 * dialog. The object becomes 已注销 and its number is never used again.
 */
export function PoliceCancelDialog({ target }: { target: Target }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button" variant="destructive" size="sm">
          注销备案
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>注销备案</DialogTitle>
          <DialogDescription>
            {`确定注销${target.label}“${target.name}”（${target.filingNumber}）的备案吗？注销后公开查询显示“已注销”，原公安备案号不再使用，申请人将收到站内消息、邮件和短信通知。此操作不能撤销。`}
          </DialogDescription>
        </DialogHeader>
        <CancelForm target={target} pending={pending} setPending={setPending} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function CancelForm({ target, pending, setPending, onDone }: { target: Target; pending: boolean; setPending: (p: boolean) => void; onDone: () => void }) {
  const base = useId();
  const reasonId = `${base}-reason`;
  const detailId = `${base}-detail`;
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState('');
  const { run, formError, fieldErrors, setFieldErrors } = useAction(policeCancelAction, {
    fields: ['reason', 'detail'],
    refresh: 'always',
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '注销失败，请稍后重试',
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = policeCancelSchema.safeParse({ object: target.object, id: target.id, reason, detail });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return setFieldErrors(errors);
    }
    await run(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={reasonId} label="注销原因" required error={fieldErrors.reason}>
        <NativeSelect
          id={reasonId}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            // Another reason: 注销说明 may no longer be required either.
            setFieldErrors({});
          }}
          aria-invalid={!!fieldErrors.reason}
          aria-describedby={fieldErrors.reason ? `${reasonId}-error` : undefined}
        >
          <NativeSelectOption value="">请选择</NativeSelectOption>
          {POLICE_CANCEL_REASONS.map((r) => (
            <NativeSelectOption key={r} value={r}>
              {r}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field id={detailId} label="注销说明" required={reason === POLICE_CANCEL_OTHER} error={fieldErrors.detail} hint="将写入通知和审计日志，选择“其他”时必填。">
        <Textarea
          id={detailId}
          value={detail}
          rows={3}
          onChange={(e) => {
            setDetail(e.target.value);
            setFieldErrors(({ detail: _, ...rest }) => rest);
          }}
          aria-invalid={!!fieldErrors.detail}
          aria-describedby={fieldErrors.detail ? `${detailId}-error` : `${detailId}-hint`}
        />
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          取消
        </Button>
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? '注销中…' : '确认注销'}
        </Button>
      </DialogFooter>
    </form>
  );
}
