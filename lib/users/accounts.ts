import 'server-only';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hmacPii } from '@/lib/pii/crypto';
import { AppError } from '@/lib/errors';
import { consumeAccountCode, verifyAccountCode } from '@/lib/auth/account-codes';
import { createUser, resetPassword } from './service';
import type { registerSchema, resetPasswordSchema } from './schemas';

/**
 * 注册: the account exists only once the 短信验证码 sent to its phone is right, so the phone is
 * verified from the start. A phone, 证件号码 or e-mail already in use is reported only after the
 * code was right; the code stays usable to correct such a field.
 */
export async function registerApplicant(input: z.output<typeof registerSchema>, ip: string | null) {
  const codeId = verifyAccountCode('register', input.phone, input.smsCode, { consume: false });
  const { id } = await createUser(
    { role: 'applicant', name: input.name, idType: input.idType, idNumber: input.idNumber, phone: input.phone, email: input.email, password: input.password, phoneVerified: true },
    { actorId: null, ip },
  );
  consumeAccountCode(codeId);
  return { id };
}

/** 忘记密码: a right code for the phone sets the new password and ends every session. */
export async function resetPasswordWithCode(input: z.output<typeof resetPasswordSchema>, ip: string | null) {
  verifyAccountCode('password_reset', input.phone, input.smsCode);
  const user = getDb().select({ id: users.id }).from(users).where(eq(users.phoneHmac, hmacPii(input.phone))).get();
  // Only reachable by guessing a code nobody was sent: answered like a spent code.
  if (!user) throw new AppError('invalid', '验证码已失效，请重新获取', { smsCode: '验证码已失效，请重新获取' });
  await resetPassword(user.id, input.newPassword, { ip });
}
