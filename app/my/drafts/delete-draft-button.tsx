'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { deleteDraftAction } from '@/lib/drafts/actions';

export function DeleteDraftButton({ draftId }: { draftId: number }) {
  return (
    <ConfirmActionButton
      label="删除"
      variant="link"
      size="sm"
      destructive
      title="删除草稿"
      description="确定删除该草稿吗？删除后不可恢复。"
      failMessage="删除失败，请稍后重试"
      run={() => deleteDraftAction({ id: draftId })}
    />
  );
}
