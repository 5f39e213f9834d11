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
export type DirectoryOption = { id: number; name: string };

/** 关联服务商: the provider account acts for a filed 服务商 (SPEC §15.4) or a 接入服务商 of the directory (SPEC §8.1). */
export function ProviderLinkDialog({
  user,
  providers,
  directory,
  linked,
}: {
  user: { id: number; name: string };
  providers: ProviderOption[];
  directory: DirectoryOption[];
  linked: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const id = `${useId()}-provider`;
  const [provider, setProvider] = useState('');
  const { run, formError, setFormError, fieldErrors, setFieldErrors } = useAction(linkProviderAccountAction, {
    fields: ['provider'],
    refresh: true,
    onSuccess: () => setOpen(false),
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });
  const error = fieldErrors.provider;
  const none = providers.length === 0 && directory.length === 0;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (!provider) return setFieldErrors({ provider: '请选择服务商' });
    await run({ id: user.id, provider });
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
          <DialogDescription>{`服务商账号“${user.name}”将代表所选的已备案服务商或服务商名录中的接入服务商办理业务${linked ? `（当前：${linked}）` : ''}。`}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          {none ? (
            <Alert variant="info">暂无已备案的服务商，服务商名录中也没有接入服务商。服务商办理新增服务商并审核通过后，方可关联。</Alert>
          ) : (
            <Field id={id} label="关联服务商" required error={error}>
              <NativeSelect
                id={id}
                value={provider}
                onChange={(e) => {
                  setProvider(e.target.value);
                  setFieldErrors({});
                }}
                aria-invalid={!!error}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <NativeSelectOption value="">请选择</NativeSelectOption>
                {providers.length > 0 && (
                  <optgroup label="已备案服务商">
                    {providers.map((p) => (
                      <NativeSelectOption key={p.id} value={`filing:${p.id}`}>
                        {`${p.name}（${p.filingNumber}）`}
                      </NativeSelectOption>
                    ))}
                  </optgroup>
                )}
                {directory.length > 0 && (
                  <optgroup label="服务商名录">
                    {directory.map((d) => (
                      <NativeSelectOption key={d.id} value={`directory:${d.id}`}>
                        {d.name}
                      </NativeSelectOption>
                    ))}
                  </optgroup>
                )}
              </NativeSelect>
            </Field>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              取消
            </Button>
            <Button type="submit" disabled={pending || none}>
              {pending ? '保存中…' : '保存'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
