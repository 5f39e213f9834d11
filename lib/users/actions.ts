'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { sendSmsCode, verifySmsCode, sendEmailVerification } from '@/lib/notify/codes';
import { getUserPhone, changePassword, markPhoneVerified, createStaffUser, newStaffSchema, setUserStatus, setUserUnit, USER_STATUSES } from '@/lib/users/service';
import { changePasswordSchema } from '@/lib/users/schemas';

const PHONE_PURPOSE = 'phone_verify';

export const sendPhoneCodeAction = defineAction({ schema: z.object({}), permission: 'account.self' }, async (_input, { user }) => {
  await sendSmsCode(PHONE_PURPOSE, getUserPhone(user.id), user.id);
  return { sent: true };
});

export const verifyPhoneAction = defineAction(
  { schema: z.object({ code: z.string().trim().regex(/^\d{6}$/, '请填写6位短信验证码') }), permission: 'account.self' },
  async ({ code }, { user, ip }) => {
    verifySmsCode(PHONE_PURPOSE, getUserPhone(user.id), code);
    markPhoneVerified(user.id, ip);
    revalidatePath('/my/account');
    return { verified: true };
  },
);

export const sendEmailLinkAction = defineAction({ schema: z.object({}), permission: 'account.self' }, async (_input, { user }) => {
  await sendEmailVerification(user.id);
  return { sent: true };
});

export const changePasswordAction = defineAction({ schema: changePasswordSchema, permission: 'account.self' }, async (input, { user }) => {
  await changePassword(user.id, input.currentPassword, input.newPassword);
  return { changed: true };
});

// /admin counts accounts and /admin/units counts each unit's 民警.
function refresh() {
  revalidatePath('/admin/users');
  revalidatePath('/admin/units');
  revalidatePath('/admin');
}

export const createUserAction = defineAction({ schema: newStaffSchema, permission: 'admin.area' }, async (input, { user, ip }) => {
  const { id } = await createStaffUser(input, { actorId: user.id, ip });
  refresh();
  return { id };
});

export const setUserStatusAction = defineAction(
  { schema: z.object({ id: z.number().int().positive(), status: z.enum(USER_STATUSES) }), permission: 'admin.area' },
  async ({ id, status }, { user }) => {
    // The service refuses an administrator disabling his own account.
    setUserStatus(id, status, user.id);
    refresh();
    return null;
  },
);

export const setUserUnitAction = defineAction(
  { schema: z.object({ id: z.number().int().positive(), unitId: z.number({ error: '请选择审核单位' }).int().positive('请选择审核单位') }), permission: 'admin.area' },
  async ({ id, unitId }, { user }) => {
    setUserUnit(id, unitId, user.id);
    refresh();
    return null;
  },
);
