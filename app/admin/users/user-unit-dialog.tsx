'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { setUserUnitAction } from '@/lib/users/actions';
import { Field } from '@/components/forms/field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

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
  const router = useRouter();
  const id = `${useId()}-unit`;
  const [unitId, setUnitId] = useState(user.unitId ? String(user.unitId) : '');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (!unitId) return setError('请选择审核单位');
    setPending(true);
    const res = await setUserUnitAction({ id: user.id, unitId: Number(unitId) }).catch(
      (): { ok: false; formError?: string; fieldErrors?: Record<string, string> } => ({ ok: false, formError: '网络异常，请稍后重试' }),
    );
    setPending(false);
    if (res.ok) {
      onDone();
      router.refresh();
      return;
    }
    setError(res.fieldErrors?.unitId ?? null);
    setFormError(res.fieldErrors?.unitId ? null : (res.formError ?? '保存失败，请稍后重试'));
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
            setError(null);
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
