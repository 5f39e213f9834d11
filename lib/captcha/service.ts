import 'server-only';
import crypto from 'node:crypto';
import { eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { captchaSpent, loginThrottle } from '@/db/schema';
import { secrets } from '@/lib/config/env';
import type { CaptchaChallenge } from './solve';

/** Failed attempts (of an account, or from an address) after which the form asks for a 验证码 (seed 001). */
export const CAPTCHA_AFTER_FAILURES = 2;
/** How long a challenge can be answered. */
export const CAPTCHA_TTL_MS = 10 * 60_000;
/** The work: on average half this many SHA-256 hashes in the browser (a few tenths of a second). */
export const CAPTCHA_MAX_NUMBER = 100_000;
export { CAPTCHA_INVALID, CAPTCHA_REQUIRED } from './schemas';
/** Failures are counted over this window, as the login lockout counts them (lib/auth/throttle). */
const WINDOW_MS = 15 * 60_000;

const sign = (challenge: string) => crypto.createHmac('sha256', secrets().authSecret).update(`captcha\0${challenge}`).digest('hex');
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * A fresh challenge; its expiry rides in the salt, which the hash and so the signature cover.
 * `maxnumber` (the work) is the server's choice; tests take a small one.
 */
export function createChallenge(now = Date.now(), maxnumber = CAPTCHA_MAX_NUMBER): CaptchaChallenge {
  const salt = `${crypto.randomBytes(12).toString('hex')}?expires=${now + CAPTCHA_TTL_MS}`;
  const challenge = sha256(salt + crypto.randomInt(maxnumber + 1));
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: sign(challenge) };
}

const solutionSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().regex(/^[0-9a-f]{64}$/),
  number: z.number().int().min(0).max(CAPTCHA_MAX_NUMBER),
  salt: z.string().regex(/^[0-9a-f]{24}\?expires=\d{13}$/),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Whether `payload` answers a challenge this server signed, not expired and not used before; a right
 * answer is used up here, so it cannot be replayed.
 */
export function verifyCaptcha(payload: unknown, now = Date.now()): boolean {
  if (typeof payload !== 'string' || !payload || payload.length > 1000) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  const r = solutionSchema.safeParse(parsed);
  if (!r.success) return false;
  const { challenge, number, salt, signature } = r.data;
  const expiresAt = Number(salt.slice(salt.indexOf('=') + 1));
  if (expiresAt <= now) return false;
  const expected = Buffer.from(sign(challenge), 'hex');
  if (!crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return false;
  if (sha256(salt + number) !== challenge) return false;
  return getDb().transaction((tx) => {
    tx.delete(captchaSpent).where(lte(captchaSpent.expiresAt, now)).run();
    return tx.insert(captchaSpent).values({ challenge, expiresAt }).onConflictDoNothing().run().changes === 1;
  });
}

/** Failures counted against `key` in the current window (a locked key counts as many as it took). */
function failuresOf(key: string, now: number): number {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row) return 0;
  if (row.lockedUntil && row.lockedUntil > now) return row.failures;
  return now - row.windowStart > WINDOW_MS ? 0 : row.failures;
}

/** Whether any of the counter keys (an account's, an address's) has reached CAPTCHA_AFTER_FAILURES. */
export function captchaNeeded(keys: readonly (string | null | undefined)[], now = Date.now()): boolean {
  return keys.some((k) => !!k && failuresOf(k, now) >= CAPTCHA_AFTER_FAILURES);
}
