'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { deleteProviderAction } from '@/lib/providers/actions';

export function DeleteProviderButton({ id, name }: { id: number; name: string }) {
  return (
    <ConfirmActionButton
      label="删除"
      variant="link"
      size="sm"
      destructive
      title="删除服务商"
      description={`确定从服务商名录中删除“${name}”吗？删除后不可恢复。`}
      failMessage="删除失败，请稍后重试"
      run={() => deleteProviderAction({ id })}
    />
  );
}
