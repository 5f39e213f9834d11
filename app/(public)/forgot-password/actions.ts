'use server';

import { defineAction } from '@/lib/actions';
import { resetPasswordSchema, sendCodeSchema } from '@/lib/users/schemas';
import { resetPasswordWithCode } from '@/lib/users/accounts';
import { requestAccountCode } from '@/lib/auth/account-codes';

/** 获取验证码 of 忘记密码: the same answer whether or not the phone is registered. */
export const sendResetCodeAction = defineAction({ schema: sendCodeSchema, permission: null }, async ({ phone }, { ip }) => {
  await requestAccountCode('password_reset', phone, ip);
  return { sent: true };
});

export const resetPasswordAction = defineAction({ schema: resetPasswordSchema, permission: null }, async (input, { ip }) => {
  await resetPasswordWithCode(input, ip);
  return { reset: true };
});
