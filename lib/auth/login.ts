import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { verifyPassword, hashPassword } from './password';
import { findUserByIdentifier } from '@/lib/users/service';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';

export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 20;
export const LOCK_MS = 15 * 60_000;
const WINDOW_MS = 15 * 60_000;

function lockedUntil(key: string, now: number): number | null {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure; returns the failures left before the key locks (0 = now locked). */
function recordFailure(key: string, max: number, now: number): number {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const fresh = !row || now - row.windowStart > WINDOW_MS || (row.lockedUntil != null && row.lockedUntil <= now);
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= max ? now + LOCK_MS : null;
    tx.insert(loginThrottle)
      .values({ key, failures, windowStart: fresh ? now : row.windowStart, lockedUntil: locked })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart: fresh ? now : sql`window_start`, lockedUntil: locked } })
      .run();
    return Math.max(0, max - failures);
  });
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password');
  return dummy;
}

function lockMessage(until: number): string {
  return `登录失败次数过多，账号已锁定，请于 ${formatDateTime(until)} 后重试`;
}

/**
 * Checks a login (手机号码 / 证件号码 / 电子邮件地址 + password), with per-account and
 * per-IP lockout. Throws AppError with the message the login form shows.
 */
export async function authenticate(identifier: string, password: string, ip: string | null) {
  const now = Date.now();
  const ipKey = ip ? `ip:${ip}` : null;
  if (ipKey) {
    const until = lockedUntil(ipKey, now);
    if (until) throw new AppError('rate_limited', `登录尝试过于频繁，请于 ${formatDateTime(until)} 后重试`);
  }
  const user = findUserByIdentifier(identifier);
  const acctKey = user ? `acct:${user.id}` : null;
  if (acctKey) {
    const until = lockedUntil(acctKey, now);
    if (until) throw new AppError('rate_limited', lockMessage(until));
  }
  // An unknown account still pays for one hash check, so timing does not reveal which accounts exist.
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await dummyHash()), false);
  if (!user || !ok) {
    if (ipKey) recordFailure(ipKey, IP_MAX_FAILURES, now);
    if (acctKey) {
      const left = recordFailure(acctKey, ACCOUNT_MAX_FAILURES, now);
      writeAudit({ actorId: user!.id, action: 'auth.login_failed', objectType: 'user', objectId: user!.id, ip });
      if (left === 0) throw new AppError('rate_limited', lockMessage(now + LOCK_MS));
      throw new AppError('invalid', `账号或密码错误，还可尝试 ${left} 次`);
    }
    throw new AppError('invalid', '账号或密码错误');
  }
  if (user.status !== 'active') throw new AppError('forbidden', '该账号已停用，请联系管理员');
  getDb().delete(loginThrottle).where(eq(loginThrottle.key, acctKey!)).run();
  writeAudit({ actorId: user.id, action: 'auth.login', objectType: 'user', objectId: user.id, ip });
  return { id: user.id, role: user.role, name: user.name, sessionVersion: user.sessionVersion };
}
