'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { eq } from 'drizzle-orm';
import { defineAction } from '@/lib/actions';
import { sendSmsCode, verifySmsCode, sendEmailVerification } from '@/lib/notify/codes';
import { getUserPhone, changePassword } from '@/lib/users/service';
import { changePasswordSchema } from '@/lib/users/schemas';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';

const PHONE_PURPOSE = 'phone_verify';

export const sendPhoneCodeAction = defineAction({ schema: z.object({}), permission: 'account.self' }, async (_input, { user }) => {
  await sendSmsCode(PHONE_PURPOSE, getUserPhone(user.id), user.id);
  return { sent: true };
});

export const verifyPhoneAction = defineAction(
  { schema: z.object({ code: z.string().trim().regex(/^\d{6}$/, '请填写6位短信验证码') }), permission: 'account.self' },
  async ({ code }, { user, ip }) => {
    verifySmsCode(PHONE_PURPOSE, getUserPhone(user.id), code);
    const db = getDb();
    db.transaction((tx) => {
      tx.update(users).set({ phoneVerifiedAt: Date.now(), updatedAt: Date.now() }).where(eq(users.id, user.id)).run();
      writeAudit({ actorId: user.id, action: 'user.phone_verified', objectType: 'user', objectId: user.id, ip }, tx);
    });
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
