'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { regionByCode, regionFullName } from '@/lib/regions/regions';
import { CoveragePicker } from './coverage-picker';
import { createUnitAction, updateUnitAction } from '@/lib/units/actions';
import { Checkbox } from '@/components/ui/checkbox';
import { useAction } from '@/components/forms/use-action';

export type UnitRow = { id: number; name: string; code: string; covers: string[]; isDefault: boolean };

const FIELDS = ['name', 'code', 'covers', 'isDefault'];

/** 新增审核单位 (no `unit`) or 编辑 (pre-filled) in a dialog. */
export function UnitFormDialog({ unit }: { unit?: UnitRow }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        {unit ? (
          <Button type="button" variant="link" size="sm" className="h-auto p-0">
            编辑
          </Button>
        ) : (
          <Button type="button">新增审核单位</Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{unit ? '编辑审核单位' : '新增审核单位'}</DialogTitle>
          <DialogDescription>单位名称将作为“审核单位”显示给开办者；单位区划代码用于编制公安备案号。</DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so every opening starts from the saved values. */}
        <UnitForm unit={unit} pending={pending} setPending={setPending} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function UnitForm({
  unit,
  pending,
  setPending,
  onDone,
  onCancel,
}: {
  unit?: UnitRow;
  pending: boolean;
  setPending: (p: boolean) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const base = useId();
  const ids = { name: `${base}-name`, code: `${base}-code`, isDefault: `${base}-default` };
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [covers, setCovers] = useState<string[]>(unit?.covers ?? []);
  const [isDefault, setIsDefault] = useState(unit?.isDefault ?? false);
  const { run, formError, setFormError, fieldErrors: errors } = useAction(async (input: Parameters<typeof createUnitAction>[0]) => {
    const res = await (unit ? updateUnitAction({ id: unit.id, ...input }) : createUnitAction(input));
    return res.ok ? { ok: true as const, data: null } : res;
  }, {
    fields: FIELDS,
    refresh: true,
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });

  const codeName = /^\d{6}$/.test(code) && regionByCode(code) ? regionFullName(code) : '';

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const input = { name, code: code.trim(), covers, isDefault };
    await run(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="min-w-0 space-y-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={ids.name} label="单位名称" required error={errors.name} hint="如：延庆分局网安大队，2至50个字符">
        <Input
          id={ids.name}
          value={name}
          maxLength={50}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? `${ids.name}-error` : `${ids.name}-hint`}
        />
      </Field>
      <Field
        id={ids.code}
        label="单位区划代码"
        required
        error={errors.code}
        hint={codeName ? `对应区划：${codeName}` : '6位GB/T 2260行政区划代码，如 110119（北京市延庆区）'}
      >
        <Input
          id={ids.code}
          value={code}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          className="sm:max-w-48"
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          aria-invalid={!!errors.code}
          aria-describedby={errors.code ? `${ids.code}-error` : `${ids.code}-hint`}
        />
      </Field>
      <CoveragePicker value={covers} onChange={setCovers} error={errors.covers} unitCode={code} />
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <Checkbox
            id={ids.isDefault}
            checked={isDefault}
            // The default unit is handed over by making another unit the default, never just unticked.
            disabled={unit?.isDefault}
            onChange={(e) => setIsDefault(e.target.checked)}
            aria-describedby={errors.isDefault ? `${ids.isDefault}-error` : `${ids.isDefault}-hint`}
          />
          <label htmlFor={ids.isDefault} className="text-sm font-medium">
            设为默认单位
          </label>
        </div>
        {errors.isDefault ? (
          <p id={`${ids.isDefault}-error`} role="alert" className="text-sm text-destructive">
            {errors.isDefault}
          </p>
        ) : (
          <p id={`${ids.isDefault}-hint`} className="text-xs text-muted-foreground">
            {unit?.isDefault
              ? '本单位是默认单位。如需更换，请编辑另一个单位并勾选此项。'
              : '没有任何单位管辖的地区，其申请由默认单位审核。平台只有一个默认单位，勾选后原默认单位自动取消。'}
          </p>
        )}
      </div>
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
