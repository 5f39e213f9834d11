'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { releaseAction } from '@/lib/review/actions';

/** 释放: gives the application back to the queue and returns to 待办 (staying here would claim it again). */
export function ReleaseButton({ applicationId }: { applicationId: number }) {
  return (
    <ConfirmActionButton
      label="释放"
      title="释放该申请"
      description="释放后该申请回到待办，其他审核人员可以领取办理。确定释放吗？"
      failMessage="释放失败，请稍后重试"
      size="sm"
      doneHref="/review"
      run={() => releaseAction({ id: applicationId })}
    />
  );
}
