import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginThrottle } from '@/db/schema';

/**
 * Failure counters with lockout, shared by login, 修改密码 and the SMS code sends (table
 * login_throttle: key = 'acct:<user id>', 'ip:<address>', 'id:<hmac of an unknown identifier>',
 * 'sms-ip:<address>', 'sms-phone:<hmac>', …).
 */
export const LOCK_MS = 15 * 60_000;
/** Failures of one account's password (login or 修改密码) before it locks. */
export const ACCOUNT_MAX_FAILURES_DEFAULT = 5;
export const LOCK_MS_DEFAULT = LOCK_MS;
const WINDOW_MS = 15 * 60_000;

/** When `key` is locked at `now`, the time the lock runs out; else null. */
export function lockedUntil(key: string, now: number): number | null {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one event against `key`; the `max`-th within the window locks the key for `lockMs`.
 * Returns how many are left before the key locks (0 = now locked).
 */
export function recordFailure(key: string, max: number, now: number, opts: { windowMs?: number; lockMs?: number } = {}): number {
  const windowMs = opts.windowMs ?? WINDOW_MS;
  const lockMs = opts.lockMs ?? LOCK_MS;
  return getDb().transaction((tx) => {
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const fresh = !row || now - row.windowStart > windowMs || (row.lockedUntil != null && row.lockedUntil <= now);
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= max ? now + lockMs : null;
    tx.insert(loginThrottle)
      .values({ key, failures, windowStart: fresh ? now : row.windowStart, lockedUntil: locked })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart: fresh ? now : sql`window_start`, lockedUntil: locked } })
      .run();
    return Math.max(0, max - failures);
  });
}

/** Forgets a key's failures and lock (successful login, admin unlock). */
export function clearThrottle(key: string): void {
  getDb().delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

export const accountKey = (userId: number) => `acct:${userId}`;
