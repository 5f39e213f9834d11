'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { undoTransferAction } from '@/lib/subjects/actions';

export function UndoTransferButton({ transferId }: { transferId: number }) {
  return (
    <ConfirmActionButton
      label="撤销移交"
      title="撤销移交"
      description="确定撤销本次移交吗？撤销后主体恢复为“有效”状态，接收人将无法再接收该主体。"
      failMessage="撤销失败，请稍后重试"
      run={() => undoTransferAction({ transferId })}
    />
  );
}
