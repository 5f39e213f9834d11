'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { revokeApplicationAction } from '@/lib/applications/actions';

/** 撤销申请 with a confirmation; the server has the last word (e.g. after 30 minutes). */
export function RevokeApplicationButton({ applicationId }: { applicationId: number }) {
  return (
    <ConfirmActionButton
      label="撤销申请"
      title="撤销申请"
      description="确定撤销该申请吗？撤销后可修改并重新提交。"
      failMessage="撤销失败，请稍后重试"
      run={() => revokeApplicationAction({ id: applicationId })}
    />
  );
}
