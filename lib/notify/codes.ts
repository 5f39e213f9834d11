import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, desc, gt } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { verificationCodes, users } from '@/db/schema';
import { secrets, publicBaseUrl } from '@/lib/config/env';
import { hmacPii } from '@/lib/pii/crypto';
import { AppError } from '@/lib/errors';
import { sendSmsNow, sendMailNow } from './service';

export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_TRIES = 5;
export const RESEND_INTERVAL_MS = 60_000;
const EMAIL_TTL_MS = 24 * 60 * 60_000;

/** A stored code is only its HMAC, bound to its purpose and target (shared by lib/auth/account-codes.ts). */
export function hashCode(purpose: string, targetHmac: string, code: string): string {
  return crypto.createHmac('sha256', Buffer.from(secrets().codeHmacKey, 'base64')).update(`${purpose}|${targetHmac}|${code}`).digest('hex');
}

/** A fresh 6-digit code. */
export function newCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** Seconds until `targetHmac` may be sent another code (one per RESEND_INTERVAL_MS), or null when it may now. */
export function resendWait(q: Tx, targetHmac: string, now: number): number | null {
  const last = q
    .select({ createdAt: verificationCodes.createdAt })
    .from(verificationCodes)
    .where(and(eq(verificationCodes.targetHmac, targetHmac), gt(verificationCodes.createdAt, now - RESEND_INTERVAL_MS)))
    .orderBy(desc(verificationCodes.createdAt))
    .get();
  return last ? Math.ceil((last.createdAt + RESEND_INTERVAL_MS - now) / 1000) : null;
}

export const resendRefusal = (wait: number) => new AppError('rate_limited', `验证码发送过于频繁，请 ${wait} 秒后重试`);

/** Stores `code` (as its HMAC) for `purpose`, voiding the target's earlier unused code of that purpose. */
export function storeCode(q: Tx, c: { purpose: string; targetHmac: string; userId: number | null; code: string; ttlMs: number; now: number }): void {
  q.update(verificationCodes)
    .set({ consumedAt: c.now })
    .where(and(eq(verificationCodes.targetHmac, c.targetHmac), eq(verificationCodes.purpose, c.purpose), isNull(verificationCodes.consumedAt)))
    .run();
  q.insert(verificationCodes)
    .values({ purpose: c.purpose, targetHmac: c.targetHmac, userId: c.userId, codeHash: hashCode(c.purpose, c.targetHmac, c.code), expiresAt: c.now + c.ttlMs, createdAt: c.now })
    .run();
}

/**
 * Checks the target's newest unused code of `purpose`; `maxTries` wrong tries burn it. The
 * transaction commits the counted try before the caller reports the failure. With
 * `consume: false` a right code stays usable (the caller consumes it once its own step succeeded).
 */
export function checkCode(
  purpose: string,
  targetHmac: string,
  code: string,
  opts: { maxTries: number; consume?: boolean; now: number },
): { id: number } | { error: string } {
  const { now } = opts;
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(verificationCodes)
      .where(and(eq(verificationCodes.targetHmac, targetHmac), eq(verificationCodes.purpose, purpose), isNull(verificationCodes.consumedAt)))
      .orderBy(desc(verificationCodes.createdAt))
      .get();
    if (!row || row.expiresAt <= now) return { error: '验证码已失效，请重新获取' };
    const given = hashCode(purpose, targetHmac, code.trim());
    if (crypto.timingSafeEqual(Buffer.from(given), Buffer.from(row.codeHash))) {
      if (opts.consume !== false) tx.update(verificationCodes).set({ consumedAt: now }).where(eq(verificationCodes.id, row.id)).run();
      return { id: row.id };
    }
    const attempts = row.attempts + 1;
    const burnt = attempts >= opts.maxTries;
    tx.update(verificationCodes).set({ attempts, consumedAt: burnt ? now : null }).where(eq(verificationCodes.id, row.id)).run();
    return { error: burnt ? '验证码错误次数过多，请重新获取' : `验证码错误，还可尝试 ${opts.maxTries - attempts} 次` };
  });
}

/**
 * Sends a 6-digit SMS code (valid 5 minutes) to `phone` for `purpose`.
 * One send per 60 seconds per phone; a new code voids the previous one.
 */
export async function sendSmsCode(purpose: string, phone: string, userId: number | null, now = Date.now()): Promise<void> {
  const targetHmac = hmacPii(phone);
  const code = newCode();
  getDb().transaction((tx) => {
    const wait = resendWait(tx, targetHmac, now);
    if (wait != null) throw resendRefusal(wait);
    storeCode(tx, { purpose, targetHmac, userId, code, ttlMs: CODE_TTL_MS, now });
  });
  await sendSmsNow(phone, `您的验证码为 ${code}，5分钟内有效。如非本人操作，请忽略本短信。`);
}

/** Checks a code; 5 wrong tries burn it. Throws AppError (field `code`) on failure. */
export function verifySmsCode(purpose: string, phone: string, code: string, now = Date.now()): void {
  const result = checkCode(purpose, hmacPii(phone), code, { maxTries: CODE_MAX_TRIES, now });
  if ('error' in result) throw new AppError('invalid', result.error, { code: result.error });
}

/** 邮箱验证: mails a one-time link valid for 24 hours. */
export async function sendEmailVerification(userId: number, now = Date.now()): Promise<void> {
  const db = getDb();
  const user = db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get();
  if (!user?.email) throw new AppError('invalid', '请先在账号信息中填写电子邮件地址');
  const targetHmac = hmacPii(user.email);
  const token = crypto.randomBytes(32).toString('base64url');
  db.transaction((tx) => {
    // Only the newest link works: earlier ones (perhaps for an earlier address) are voided.
    tx.update(verificationCodes)
      .set({ consumedAt: now })
      .where(and(eq(verificationCodes.purpose, 'email_verify'), eq(verificationCodes.userId, userId), isNull(verificationCodes.consumedAt)))
      .run();
    tx.insert(verificationCodes)
      .values({ purpose: 'email_verify', targetHmac, userId, codeHash: hashCode('email_verify', '', token), expiresAt: now + EMAIL_TTL_MS, createdAt: now })
      .run();
  });
  const link = `${publicBaseUrl()}/my/account/verify-email?token=${token}`;
  await sendMailNow(
    user.email,
    '【联网备案平台】邮箱验证',
    `${user.name}，您好：\n\n请点击以下链接完成邮箱验证（24小时内有效）：\n${link}\n\n如非本人操作，请忽略本邮件。`,
  );
}

/** Confirms an e-mail link; the address must still be the account's. Returns the user id. */
export function confirmEmailToken(token: string, now = Date.now()): number {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(verificationCodes)
      .where(and(eq(verificationCodes.purpose, 'email_verify'), eq(verificationCodes.codeHash, hashCode('email_verify', '', token))))
      .get();
    if (!row || row.consumedAt || row.expiresAt <= now || !row.userId) throw new AppError('invalid', '验证链接无效或已过期，请重新发送验证邮件');
    const user = tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId)).get();
    if (!user?.email || hmacPii(user.email) !== row.targetHmac) throw new AppError('invalid', '验证链接与当前邮箱不一致，请重新发送验证邮件');
    tx.update(verificationCodes).set({ consumedAt: now }).where(eq(verificationCodes.id, row.id)).run();
    tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId)).run();
    return row.userId;
  });
}
