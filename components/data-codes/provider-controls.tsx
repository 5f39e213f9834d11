'use client';

import { useId, useState } from 'react';
import { createApiKeyAction, revokeApiKeyAction, revokeDataCodeAction } from '@/lib/data-codes/provider-actions';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { ShownOnceDialog } from './shown-once-dialog';

/** 创建API密钥: a 对接系统 name; the key comes back once, in a dialog with 复制. */
export function CreateApiKeyForm() {
  const id = `${useId()}-label`;
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { run, pending, formError, fieldErrors, setFieldErrors, setFormError } = useAction(createApiKeyAction, {
    fields: ['label'],
    refresh: true,
    onSuccess: (d) => {
      setCreated(d.key);
      setLabel('');
    },
    failureText: '创建失败，请稍后重试',
  });
  const error = fieldErrors.label;
  return (
    <>
      <form
        noValidate
        aria-label="创建API密钥"
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setFormError(null);
          if (!label.trim()) return setFieldErrors({ label: '请填写对接系统' });
          await run({ label });
        }}
      >
        {formError && !error && <Alert variant="destructive" className="w-full">{formError}</Alert>}
        <Field id={id} label="对接系统" required error={error} hint="例如：客户管理系统" className="w-full sm:w-72">
          <Input
            id={id}
            maxLength={30}
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setFieldErrors({});
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
          />
        </Field>
        <Button type="submit" disabled={pending} className={error ? 'sm:mb-7' : 'sm:mb-5'}>
          {pending ? '创建中…' : '创建'}
        </Button>
      </form>
      <ShownOnceDialog
        open={!!created}
        onClose={() => setCreated(null)}
        title="API密钥已创建"
        label="API密钥"
        value={created ?? ''}
        note="API密钥只显示一次，请立即复制并妥善保存；遗失后请停用并重新创建"
      />
    </>
  );
}

export function RevokeApiKeyButton({ id, label }: { id: number; label: string }) {
  return (
    <ConfirmActionButton
      label="停用"
      variant="link"
      size="sm"
      destructive
      title="停用API密钥"
      description={`确定停用“${label}”的API密钥吗？停用后使用该密钥的请求将被拒绝，且不能恢复。`}
      failMessage="停用失败，请稍后重试"
      run={() => revokeApiKeyAction({ id })}
    />
  );
}

export function RevokeDataCodeButton({ id, masked }: { id: number; masked: string }) {
  return (
    <ConfirmActionButton
      label="作废"
      variant="link"
      size="sm"
      destructive
      title="作废数据码"
      description={`确定作废数据码 ${masked} 吗？作废后开办者不能再绑定该数据码。`}
      failMessage="作废失败，请稍后重试"
      run={() => revokeDataCodeAction({ id })}
    />
  );
}
