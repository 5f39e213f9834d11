'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { ROLE_LABELS } from '@/lib/site/config';
import { createUserAction } from '@/lib/users/actions';
import type { UnitOption } from './user-unit-dialog';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { useAction } from '@/components/forms/use-action';

type StaffRole = 'reviewer' | 'admin' | 'provider';
const ROLES: StaffRole[] = ['reviewer', 'admin', 'provider'];
const FIELDS = ['role', 'name', 'phone', 'password', 'confirmPassword', 'unitId'];

/** 新建账号 for 网安民警, 管理员 and 接入服务商 (开办者 register themselves). */
export function NewUserDialog({ units }: { units: UnitOption[] }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button type="button">新建账号</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>新建账号</DialogTitle>
          <DialogDescription>请将手机号码和初始密码告知本人。首次登录后请本人在“个人中心”完成手机验证并修改密码；网安民警完成手机验证后方可审核。</DialogDescription>
        </DialogHeader>
        <NewUserForm units={units} pending={pending} setPending={setPending} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function NewUserForm({ units, pending, setPending, onDone }: { units: UnitOption[]; pending: boolean; setPending: (p: boolean) => void; onDone: () => void }) {
  const base = useId();
  const ids = { role: `${base}-role`, name: `${base}-name`, phone: `${base}-phone`, password: `${base}-password`, confirm: `${base}-confirm`, unit: `${base}-unit` };
  const [role, setRole] = useState<StaffRole>('reviewer');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [unitId, setUnitId] = useState('');
  const { run, formError, setFormError, fieldErrors: errors } = useAction(createUserAction, {
    fields: FIELDS,
    refresh: true,
    onSuccess: onDone,
    onPendingChange: setPending,
    failureText: '保存失败，请稍后重试',
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    await run({ role, name, phone, password, confirmPassword, unitId: role === 'reviewer' && unitId ? Number(unitId) : null });
  }

  const described = (key: string, id: string, hint = false) => (errors[key] ? `${id}-error` : hint ? `${id}-hint` : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={ids.role} label="角色" required error={errors.role}>
        <NativeSelect
          id={ids.role}
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          aria-invalid={!!errors.role}
          aria-describedby={described('role', ids.role)}
        >
          {ROLES.map((r) => (
            <NativeSelectOption key={r} value={r}>
              {ROLE_LABELS[r]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      {role === 'reviewer' && (
        <Field id={ids.unit} label="审核单位" required error={errors.unitId}>
          <NativeSelect
            id={ids.unit}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            aria-invalid={!!errors.unitId}
            aria-describedby={described('unitId', ids.unit)}
          >
            <NativeSelectOption value="">请选择</NativeSelectOption>
            {units.map((u) => (
              <NativeSelectOption key={u.id} value={u.id}>
                {u.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
      )}
      <Field id={ids.name} label="姓名" required error={errors.name}>
        <Input
          id={ids.name}
          value={name}
          maxLength={30}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name}
          aria-describedby={described('name', ids.name)}
        />
      </Field>
      <Field id={ids.phone} label="手机号码" required error={errors.phone} hint="用于登录和接收验证码">
        <Input
          id={ids.phone}
          type="tel"
          inputMode="numeric"
          value={phone}
          maxLength={11}
          autoComplete="off"
          onChange={(e) => setPhone(e.target.value.trim())}
          aria-invalid={!!errors.phone}
          aria-describedby={described('phone', ids.phone, true)}
        />
      </Field>
      <Field id={ids.password} label="初始密码" required error={errors.password} hint="8-32位，须包含字母、数字、符号中的至少两种">
        <Input
          id={ids.password}
          type="password"
          value={password}
          maxLength={32}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!errors.password}
          aria-describedby={described('password', ids.password, true)}
        />
      </Field>
      <Field id={ids.confirm} label="确认密码" required error={errors.confirmPassword}>
        <Input
          id={ids.confirm}
          type="password"
          value={confirmPassword}
          maxLength={32}
          autoComplete="new-password"
          onChange={(e) => setConfirmPassword(e.target.value)}
          aria-invalid={!!errors.confirmPassword}
          aria-describedby={described('confirmPassword', ids.confirm)}
        />
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? '创建中…' : '创建'}
        </Button>
      </DialogFooter>
    </form>
  );
}
