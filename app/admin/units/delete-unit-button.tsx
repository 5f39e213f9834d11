'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { deleteUnitAction } from '@/lib/units/actions';

export function DeleteUnitButton({ id, name }: { id: number; name: string }) {
  return (
    <ConfirmActionButton
      label="删除"
      variant="link"
      size="sm"
      destructive
      title="删除审核单位"
      description={`确定删除审核单位“${name}”吗？删除后其管辖区划的新申请将由上级区划的单位或默认单位审核。有民警账号或申请记录的单位不能删除。`}
      failMessage="删除失败，请稍后重试"
      run={() => deleteUnitAction({ id })}
    />
  );
}
