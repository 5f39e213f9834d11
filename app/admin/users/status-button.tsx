'use client';

import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { setUserStatusAction } from '@/lib/users/actions';

/** 停用 / 启用 an account, after a confirmation that says what happens. */
export function UserStatusButton({ id, name, status }: { id: number; name: string; status: 'active' | 'disabled' }) {
  const disabling = status === 'active';
  return (
    <ConfirmActionButton
      label={disabling ? '停用' : '启用'}
      variant="link"
      size="sm"
      destructive={disabling}
      title={disabling ? '停用账号' : '启用账号'}
      description={
        disabling
          ? `确定停用“${name}”的账号吗？停用后该账号立即退出登录且不能再登录，已办理的业务和记录保留。`
          : `确定启用“${name}”的账号吗？启用后该账号可以重新登录。`
      }
      run={() => setUserStatusAction({ id, status: disabling ? 'disabled' : 'active' })}
    />
  );
}
