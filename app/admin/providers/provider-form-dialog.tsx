'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { RegionCascader } from '@/components/regions/region-cascader';
import { createProviderAction, updateProviderAction } from '@/lib/providers/actions';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { useAction } from '@/components/forms/use-action';

type Kind = '接入服务商' | '域名注册服务商';
type Scope = '境内' | '境外';
export type ProviderRow = { id: number; kind: Kind; name: string; scope: Scope; regionCode: string | null };

const KINDS: Kind[] = ['接入服务商', '域名注册服务商'];
const SCOPES: Scope[] = ['境内', '境外'];
const FIELDS = ['kind', 'name', 'scope', 'regionCode'];

/** 新增服务商 (no `provider`) or 编辑 (pre-filled) in a dialog. */
export function ProviderFormDialog({ provider }: { provider?: ProviderRow }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        {provider ? (
          <Button type="button" variant="link" size="sm" className="h-auto p-0">
            编辑
          </Button>
        ) : (
          <Button type="button">新增服务商</Button>
        )}
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{provider ? '编辑服务商' : '新增服务商'}</DialogTitle>
          <DialogDescription>境内服务商须选择所属地区，可只选到省或市；境外服务商不填所属地区。</DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so every opening starts from the saved values. */}
        <ProviderForm provider={provider} pending={pending} setPending={setPending} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ProviderForm({
  provider,
  pending,
  setPending,
  onDone,
  onCancel,
}: {
  provider?: ProviderRow;
  pending: boolean;
  setPending: (p: boolean) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const base = useId();
  const ids = { kind: `${base}-kind`, name: `${base}-name`, region: `${base}-region` };
  const [kind, setKind] = useState<Kind>(provider?.kind ?? '接入服务商');
  const [name, setName] = useState(provider?.name ?? '');
  const [scope, setScope] = useState<Scope>(provider?.scope ?? '境内');
  const { run, formError, setFormError, fieldErrors: errors } = useAction(async (input: Parameters<typeof createProviderAction>[0]) => {
    const res = await (provider ? updateProviderAction({ id: provider.id, ...input }) : createProviderAction(input));
    return res.ok ? { ok: true as const, data: null } : res;
  }, {
    fields: FIELDS,
    refresh: true,
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });

  /** The cascader reports only a county; a provider may sit at any level, so take the deepest one chosen. */
  function chosenRegion(): string {
    const value = (id: string) => (document.getElementById(id) as HTMLSelectElement | null)?.value ?? '';
    return value(`${ids.region}-county`) || value(`${ids.region}-city`) || value(ids.region);
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const input = { kind, name, scope, regionCode: scope === '境内' ? chosenRegion() : '' };
    await run(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={ids.kind} label="类型" required error={errors.kind}>
        <NativeSelect
          id={ids.kind}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          aria-invalid={!!errors.kind}
          aria-describedby={errors.kind ? `${ids.kind}-error` : undefined}
        >
          {KINDS.map((k) => (
            <NativeSelectOption key={k} value={k}>
              {k}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field id={ids.name} label="名称" required error={errors.name} hint="2至100个字符">
        <Input
          id={ids.name}
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? `${ids.name}-error` : `${ids.name}-hint`}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">
          <span className="mr-0.5 text-destructive" aria-hidden>
            *
          </span>
          管辖
        </legend>
        <div className="flex gap-6">
          {SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <RadioGroupItem name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {s}
            </label>
          ))}
        </div>
        {errors.scope && (
          <p role="alert" className="text-sm text-destructive">
            {errors.scope}
          </p>
        )}
      </fieldset>
      {scope === '境内' && <RegionCascader id={ids.region} name="regionCode" label="所属地区" required defaultValue={provider?.regionCode ?? undefined} error={errors.regionCode} />}
      {scope === '境外' && errors.regionCode && <Alert variant="destructive">{errors.regionCode}</Alert>}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={pending}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? '保存中…' : '保存'}
        </Button>
      </DialogFooter>
    </form>
  );
}
