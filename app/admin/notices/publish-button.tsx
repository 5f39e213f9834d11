'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { publishNoticeAction, unpublishNoticeAction } from '@/lib/notices/actions';

/** 发布 / 取消发布 one notice, after a confirmation. */
export function PublishButton({ id, title, published }: { id: number; title: string; published: boolean }) {
  return published ? (
    <ConfirmActionButton
      label="取消发布"
      title="取消发布公告"
      description={`取消发布后，“${title}”将不再在首页和公告页面显示，可随时重新发布。`}
      run={() => unpublishNoticeAction({ id })}
      variant="link"
      size="sm"
      destructive
    />
  ) : (
    <ConfirmActionButton
      label="发布"
      title="发布公告"
      description={`发布后，“${title}”将在首页对应栏目和公告页面公开显示，任何人无需登录即可查看。`}
      run={() => publishNoticeAction({ id })}
      variant="link"
      size="sm"
    />
  );
}
