'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { linkProviderAccountAction } from '@/lib/service-providers/actions';
import { Field } from '@/components/forms/field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { useAction } from '@/components/forms/use-action';

export type ProviderOption = { id: number; name: string; filingNumber: string };

/** 关联服务商: the provider account acts for a filed 服务商 (SPEC §15.4). */
export function ProviderLinkDialog({ user, providers, linked }: { user: { id: number; name: string }; providers: ProviderOption[]; linked: string | null }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const id = `${useId()}-provider`;
  const [filingId, setFilingId] = useState('');
  const { run, formError, setFormError, fieldErrors, setFieldErrors } = useAction(linkProviderAccountAction, {
    fields: ['filingId'],
    refresh: true,
    onSuccess: () => setOpen(false),
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });
  const error = fieldErrors.filingId;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (!filingId) return setFieldErrors({ filingId: '请选择已备案的服务商' });
    await run({ id: user.id, filingId: Number(filingId) });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button" variant="link" size="sm" className="h-auto p-0">
          关联服务商
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>关联服务商</DialogTitle>
          <DialogDescription>{`服务商账号“${user.name}”将代表所选的已备案服务商办理业务${linked ? `（当前：${linked}）` : ''}。`}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          {providers.length === 0 ? (
            <Alert variant="info">暂无已备案的服务商。服务商办理新增服务商并审核通过后，方可关联。</Alert>
          ) : (
            <Field id={id} label="已备案的服务商" required error={error}>
              <NativeSelect
                id={id}
                value={filingId}
                onChange={(e) => {
                  setFilingId(e.target.value);
                  setFieldErrors({});
                }}
                aria-invalid={!!error}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <NativeSelectOption value="">请选择</NativeSelectOption>
                {providers.map((p) => (
                  <NativeSelectOption key={p.id} value={p.id}>
                    {`${p.name}（${p.filingNumber}）`}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              取消
            </Button>
            <Button type="submit" disabled={pending || providers.length === 0}>
              {pending ? '保存中…' : '保存'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
