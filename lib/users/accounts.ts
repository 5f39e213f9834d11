import 'server-only';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { legalAccounts, users } from '@/db/schema';
import { decryptPii, hmacPii } from '@/lib/pii/crypto';
import { AppError, isAppError } from '@/lib/errors';
import { LONG_TERM } from '@/lib/subjects/rules';
import { consumeAccountCode, verifyAccountCode } from '@/lib/auth/account-codes';
import { createUser, resetPassword } from './service';
import type { registerLegalSchema, registerSchema, resetPasswordSchema } from './schemas';

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

/**
 * 法人注册 (seed 003): the organisation's account, by the same 短信验证码 to the 法人代表手机号码.
 * The account is named after the 企业名称 and found by its 统一社会信用代码 (a login 证件号码) or
 * the phone; the 法定代表人 is kept with it (legal_accounts), all in one transaction.
 */
export async function registerLegalAccount(input: z.output<typeof registerLegalSchema>, ip: string | null) {
  const codeId = verifyAccountCode('register', input.phone, input.smsCode, { consume: false });
  try {
    const { id } = await createUser(
      {
        role: 'applicant',
        name: input.orgName,
        idType: '统一社会信用代码',
        idNumber: input.creditCode,
        phone: input.phone,
        password: input.password,
        phoneVerified: true,
        legal: { legalType: input.legalType, repName: input.repName, repIdType: input.repIdType, repIdNumber: input.repIdNumber, validFrom: input.validFrom, validTo: input.validTo === LONG_TERM ? null : input.validTo },
      },
      { actorId: null, ip },
    );
    consumeAccountCode(codeId);
    return { id };
  } catch (e) {
    // The clash names this form's fields.
    if (isAppError(e) && e.fieldErrors?.idNumber) throw new AppError(e.code, '该统一社会信用代码已注册', { creditCode: '该统一社会信用代码已注册' });
    if (isAppError(e) && e.fieldErrors?.phone) throw new AppError(e.code, '该手机号码已注册', { phone: '该手机号码已注册' });
    throw e;
  }
}

/** The 法人 data of an account (null for a 个人 account): what 主办单位信息 同当前账号信息 copies. */
export function legalAccountOf(userId: number) {
  const row = getDb()
    .select({ legalType: legalAccounts.legalType, repName: legalAccounts.repName, repIdType: legalAccounts.repIdType, repIdNumberMasked: legalAccounts.repIdNumberMasked, validFrom: legalAccounts.validFrom, validTo: legalAccounts.validTo, orgName: users.name, creditCodeEnc: users.idNumberEnc })
    .from(legalAccounts)
    .innerJoin(users, eq(users.id, legalAccounts.userId))
    .where(eq(legalAccounts.userId, userId))
    .get();
  if (!row) return null;
  const { creditCodeEnc, ...rest } = row;
  // A 统一社会信用代码 is public registry data, shown in full (it fills 主办单位证件号).
  return { ...rest, creditCode: creditCodeEnc ? decryptPii(creditCodeEnc) : '' };
}

/** 忘记密码: a right code for the phone sets the new password and ends every session. */
export async function resetPasswordWithCode(input: z.output<typeof resetPasswordSchema>, ip: string | null) {
  verifyAccountCode('password_reset', input.phone, input.smsCode);
  const user = getDb().select({ id: users.id }).from(users).where(eq(users.phoneHmac, hmacPii(input.phone))).get();
  // Only reachable by guessing a code nobody was sent: answered like a spent code.
  if (!user) throw new AppError('invalid', '验证码已失效，请重新获取', { smsCode: '验证码已失效，请重新获取' });
  await resetPassword(user.id, input.newPassword, { ip });
}
