'use server';

import { defineAction } from '@/lib/actions';
import { registerSchema, sendCodeSchema } from '@/lib/users/schemas';
import { registerApplicant } from '@/lib/users/accounts';
import { requestAccountCode } from '@/lib/auth/account-codes';

/** 获取验证码: the same answer whether or not the phone is registered. */
export const sendRegisterCodeAction = defineAction({ schema: sendCodeSchema, permission: null }, async ({ phone }, { ip }) => {
  await requestAccountCode('register', phone, ip);
  return { sent: true };
});

export const registerAction = defineAction({ schema: registerSchema, permission: null }, async (input, { ip }) => registerApplicant(input, ip));
