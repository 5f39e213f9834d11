'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { transferAction } from '@/lib/review/actions';
import { transferSchema, TRANSFER_REASON_MAX } from '@/lib/review/schemas';

export type UnitOption = { id: number; name: string };

/** 转办 (admin): another unit's queue takes the application, its 办理时限 kept. */
export function TransferDialog({ applicationId, currentUnitId, units }: { applicationId: number; currentUnitId: number | null; units: UnitOption[] }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          转办
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>转办申请</DialogTitle>
          <DialogDescription>将本申请转至其他审核单位办理。转办后申请回到待审核状态，由新单位的审核人员领取，办理时限不变。</DialogDescription>
        </DialogHeader>
        <TransferForm applicationId={applicationId} units={units.filter((u) => u.id !== currentUnitId)} pending={pending} setPending={setPending} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function TransferForm({
  applicationId,
  units,
  pending,
  setPending,
  onDone,
}: {
  applicationId: number;
  units: UnitOption[];
  pending: boolean;
  setPending: (p: boolean) => void;
  onDone: () => void;
}) {
  const base = useId();
  const unitFieldId = `${base}-unit`;
  const reasonFieldId = `${base}-reason`;
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const { run, formError, fieldErrors, setFieldErrors } = useAction(transferAction, {
    fields: ['unitId', 'reason'],
    refresh: 'always',
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '转办失败，请稍后重试',
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = transferSchema.safeParse({ id: applicationId, unitId: unitId ? Number(unitId) : undefined, reason });
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
      <Field id={unitFieldId} label="转办单位" required error={fieldErrors.unitId}>
        <NativeSelect
          id={unitFieldId}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setFieldErrors(({ unitId: _, ...rest }) => rest);
          }}
          aria-invalid={!!fieldErrors.unitId}
          aria-describedby={fieldErrors.unitId ? `${unitFieldId}-error` : undefined}
        >
          <NativeSelectOption value="">请选择</NativeSelectOption>
          {units.map((u) => (
            <NativeSelectOption key={u.id} value={u.id}>
              {u.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field id={reasonFieldId} label="转办原因" required error={fieldErrors.reason} hint={`最多${TRANSFER_REASON_MAX}字，将记入办理记录。`}>
        <Textarea
          id={reasonFieldId}
          value={reason}
          rows={3}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldErrors(({ reason: _, ...rest }) => rest);
          }}
          aria-invalid={!!fieldErrors.reason}
          aria-describedby={fieldErrors.reason ? `${reasonFieldId}-error` : `${reasonFieldId}-hint`}
        />
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? '转办中…' : '确认转办'}
        </Button>
      </DialogFooter>
    </form>
  );
}
