'use server';

import { defineAction } from '@/lib/actions';
import { resetPasswordSchema, sendCodeSchema, registerSchema, registerLegalSchema } from '@/lib/users/schemas';
import { resetPasswordWithCode, registerApplicant, registerLegalAccount } from '@/lib/users/accounts';
import { requestAccountCode } from '@/lib/auth/account-codes';
import { getCurrentUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/policy';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { loginCaptchaNeeded } from '@/lib/auth/login';
import { formCaptchaNeeded, withFormCaptcha } from '@/lib/captcha/forms';
import { createChallenge } from '@/lib/captcha/service';
import { captchaQuerySchema } from '@/lib/captcha/schemas';

/** 获取验证码 of 忘记密码: the same answer whether or not the phone is registered. */
export const sendResetCodeAction = defineAction({ schema: sendCodeSchema, permission: null }, async ({ phone }, { ip }) => {
  await requestAccountCode('password_reset', phone, ip);
  return { sent: true };
});

export const resetPasswordAction = defineAction({ schema: resetPasswordSchema, permission: null }, async (input, { ip }) => {
  await withFormCaptcha('password_reset', ip, input.phone, input.captcha, () => resetPasswordWithCode(input, ip));
  return { reset: true };
});

/** 获取验证码: the same answer whether or not the phone is registered. */
export const sendRegisterCodeAction = defineAction({ schema: sendCodeSchema, permission: null }, async ({ phone }, { ip }) => {
  await requestAccountCode('register', phone, ip);
  return { sent: true };
});

export const registerAction = defineAction({ schema: registerSchema, permission: null }, async (input, { ip }) =>
  withFormCaptcha('register', ip, input.phone, input.captcha, () => registerApplicant(input, ip)),
);

/** 法人注册 (seed 003): the organisation's account; 验证码 as for 个人注册. */
export const registerLegalAction = defineAction({ schema: registerLegalSchema, permission: null }, async (input, { ip }) =>
  withFormCaptcha('register', ip, input.phone, input.captcha, () => registerLegalAccount(input, ip)),
);

/** A 验证码 challenge when the form needs one now (after two failed attempts, seed 001), else null. */
export const captchaChallengeAction = defineAction({ schema: captchaQuerySchema, permission: null }, async ({ form, account }, { ip }) => {
  const needed = form === 'login' ? loginCaptchaNeeded(account, ip) : formCaptchaNeeded(form, ip, account);
  return { challenge: needed ? createChallenge() : null };
});

/** Where to go after a successful sign-in: a same-site callback path, else the role's home. */
export async function postLoginPath(callbackUrl: unknown): Promise<string> {
  const user = await getCurrentUser();
  if (!user) return '/login';
  return safeCallbackPath(callbackUrl) ?? homeFor(user.role);
}
