'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { acceptTransferAction } from '@/lib/subjects/actions';

export function AcceptTransferButton({ transferId, subjectName, disabled }: { transferId: number; subjectName: string; disabled?: boolean }) {
  return (
    <ConfirmActionButton
      label="接收"
      variant="default"
      size="sm"
      title={`接收主体“${subjectName}”`}
      description="接收后该主体及其网站、材料和办理记录将转入您的账号，确定接收吗？"
      failMessage="接收失败，请稍后重试"
      doneHref="/my/subject"
      disabled={disabled}
      disabledReason="您已有有效主体，不能接收其他主体"
      run={() => acceptTransferAction({ transferId })}
    />
  );
}
