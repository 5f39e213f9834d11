'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { setUserUnitAction } from '@/lib/users/actions';
import { Field } from '@/components/forms/field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { useAction } from '@/components/forms/use-action';

export type UnitOption = { id: number; name: string };

/** 编辑单位: moves a 网安民警 to another 审核单位. */
export function UserUnitDialog({ user, units }: { user: { id: number; name: string; unitId: number | null }; units: UnitOption[] }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button" variant="link" size="sm" className="h-auto p-0">
          编辑单位
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>编辑审核单位</DialogTitle>
          <DialogDescription>{`调整网安民警“${user.name}”所属的审核单位。调整后该民警只能审核新单位的申请。`}</DialogDescription>
        </DialogHeader>
        <UnitForm user={user} units={units} pending={pending} setPending={setPending} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function UnitForm({
  user,
  units,
  pending,
  setPending,
  onDone,
}: {
  user: { id: number; unitId: number | null };
  units: UnitOption[];
  pending: boolean;
  setPending: (p: boolean) => void;
  onDone: () => void;
}) {
  const id = `${useId()}-unit`;
  const [unitId, setUnitId] = useState(user.unitId ? String(user.unitId) : '');
  const { run, formError, setFormError, fieldErrors, setFieldErrors } = useAction(setUserUnitAction, {
    fields: ['unitId'],
    refresh: true,
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });
  const error = fieldErrors.unitId ?? null;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (!unitId) return setFieldErrors({ unitId: '请选择审核单位' });
    await run({ id: user.id, unitId: Number(unitId) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={id} label="审核单位" required error={error ?? undefined}>
        <NativeSelect
          id={id}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setFieldErrors({});
          }}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <NativeSelectOption value="">请选择</NativeSelectOption>
          {units.map((u) => (
            <NativeSelectOption key={u.id} value={u.id}>
              {u.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? '保存中…' : '保存'}
        </Button>
      </DialogFooter>
    </form>
  );
}
