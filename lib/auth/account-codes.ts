import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, verificationCodes } from '@/db/schema';
import { hmacPii } from '@/lib/pii/crypto';
import { AppError } from '@/lib/errors';
import { sendSmsNow } from '@/lib/notify/service';
import { checkCode, newCode, resendRefusal, resendWait, storeCode, RESEND_INTERVAL_MS } from '@/lib/notify/codes';
import { lockedUntil, recordFailure } from './throttle';

/**
 * 短信验证码 for 注册 and 忘记密码, asked for before anyone has signed in. Every answer is the same
 * whether or not the phone belongs to an account: a code row is stored either way (for a phone
 * that cannot use the code, one nobody is sent), so a wrong guess reads the same too. Only the
 * SMS differs: a registered phone is told it is registered instead of getting a 注册 code; an
 * unknown phone gets no 忘记密码 SMS at all.
 */
export type AccountCodePurpose = 'register' | 'password_reset';

export const ACCOUNT_CODE_TTL_MS = 10 * 60_000;
export const ACCOUNT_CODE_MAX_TRIES = 5;
export { RESEND_INTERVAL_MS };
/** Sends per phone and per client address within SEND_WINDOW_MS. */
export const SENDS_PER_PHONE = 5;
export const SENDS_PER_IP = 20;
export const SEND_WINDOW_MS = 60 * 60_000;

export const CODE_SENT_MESSAGE = '验证码已发送，10分钟内有效';
export const SEND_LIMITED_MESSAGE = '验证码发送过于频繁，请稍后再试';

function userIdByPhone(phoneHmac: string): number | null {
  return getDb().select({ id: users.id }).from(users).where(eq(users.phoneHmac, phoneHmac)).get()?.id ?? null;
}

/** 获取验证码: rate-limited per client address and per phone; the answer never depends on the account. */
export async function requestAccountCode(purpose: AccountCodePurpose, phone: string, ip: string | null, now = Date.now()): Promise<void> {
  const db = getDb();
  const targetHmac = hmacPii(phone);
  const ipKey = ip ? `sms-ip:${ip}` : null;
  const phoneKey = `sms-phone:${targetHmac}`;
  if ((ipKey && lockedUntil(ipKey, now)) || lockedUntil(phoneKey, now)) throw new AppError('rate_limited', SEND_LIMITED_MESSAGE);
  const wait = resendWait(db, targetHmac, now);
  if (wait != null) throw resendRefusal(wait);
  const limits = { windowMs: SEND_WINDOW_MS, lockMs: SEND_WINDOW_MS };
  if (ipKey) recordFailure(ipKey, SENDS_PER_IP, now, limits);
  recordFailure(phoneKey, SENDS_PER_PHONE, now, limits);

  const userId = userIdByPhone(targetHmac);
  const code = newCode();
  db.transaction((tx) => storeCode(tx, { purpose, targetHmac, userId, code, ttlMs: ACCOUNT_CODE_TTL_MS, now }));
  if (purpose === 'register') {
    if (userId == null) await sendSmsNow(phone, `您正在注册联网备案平台账号，验证码为 ${code}，10分钟内有效。如非本人操作，请忽略本短信。`);
    else await sendSmsNow(phone, '有人正在使用您的手机号码注册联网备案平台账号。该号码已注册，无需重复注册；如忘记密码，请在登录页点击“忘记密码”找回。如非本人操作，请忽略本短信。');
  } else if (userId != null) {
    await sendSmsNow(phone, `您正在找回联网备案平台账号的登录密码，验证码为 ${code}，10分钟内有效。请勿将验证码告知他人。`);
  }
}

/**
 * Checks a code; 5 wrong tries burn it. Throws AppError (field `smsCode`) on failure. With
 * `consume: false` the code stays usable (the caller consumes it once its own step succeeded).
 * Returns the code's id.
 */
export function verifyAccountCode(purpose: AccountCodePurpose, phone: string, code: string, opts: { consume?: boolean; now?: number } = {}): number {
  const result = checkCode(purpose, hmacPii(phone), code, { maxTries: ACCOUNT_CODE_MAX_TRIES, consume: opts.consume, now: opts.now ?? Date.now() });
  if ('error' in result) throw new AppError('invalid', result.error, { smsCode: result.error });
  return result.id;
}

export function consumeAccountCode(id: number, now = Date.now()): void {
  getDb().update(verificationCodes).set({ consumedAt: now }).where(and(eq(verificationCodes.id, id), isNull(verificationCodes.consumedAt))).run();
}
