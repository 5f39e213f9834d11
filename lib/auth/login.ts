import 'server-only';
import { verifyPassword, hashPassword } from './password';
import { findUserByIdentifier } from '@/lib/users/service';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/time';
import { hmacPii } from '@/lib/pii/crypto';
import { normalizeIdNumber } from '@/lib/validation/identifiers';
import { CAPTCHA_INVALID, CAPTCHA_REQUIRED, captchaNeeded, verifyCaptcha } from '@/lib/captcha/service';
import { ACCOUNT_MAX_FAILURES_DEFAULT, LOCK_MS, accountKey, clearThrottle, lockedUntil, recordFailure } from './throttle';

export { LOCK_MS };
export const ACCOUNT_MAX_FAILURES = ACCOUNT_MAX_FAILURES_DEFAULT;
export const IP_MAX_FAILURES = 20;

/** The one text for a wrong password and an unknown account alike. */
export const LOGIN_FAILED = '账号或密码错误';

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password');
  return dummy;
}

export function lockMessage(until: number): string {
  return `登录失败次数过多，账号已锁定，请于 ${formatDateTime(until)} 后重试`;
}

/**
 * The counter key of a login identifier: the account's when it exists; an identifier naming no
 * account gets a key of its own, so it locks after as many failures and the lock does not tell
 * existing accounts from unknown ones.
 */
function identifierKey(identifier: string, userId: number | undefined): string {
  if (userId != null) return accountKey(userId);
  const id = identifier.trim();
  const norm = id.includes('@') ? id.toLowerCase() : /^1\d{10}$/.test(id) ? id : normalizeIdNumber(id);
  return `id:${hmacPii(norm)}`;
}

/**
 * Whether a login of `identifier` from `ip` must carry a 验证码: after two failures of that
 * identifier (known account or not alike) or from that address.
 */
export function loginCaptchaNeeded(identifier: string | null | undefined, ip: string | null, now = Date.now()): boolean {
  const keys = [ip ? `ip:${ip}` : null];
  if (identifier?.trim()) keys.push(identifierKey(identifier, findUserByIdentifier(identifier)?.id));
  return captchaNeeded(keys, now);
}

/**
 * Checks a login (手机号码 / 证件号码 / 电子邮件地址 + password), with per-account and
 * per-IP lockout and, after two failures, a 验证码 (`captcha`, lib/captcha). Throws AppError with
 * the message the login form shows; the messages are the same for unknown and existing accounts.
 */
export async function authenticate(identifier: string, password: string, ip: string | null, captcha?: string | null) {
  const now = Date.now();
  const ipKey = ip ? `ip:${ip}` : null;
  if (ipKey) {
    const until = lockedUntil(ipKey, now);
    if (until) throw new AppError('rate_limited', `登录尝试过于频繁，请于 ${formatDateTime(until)} 后重试`);
  }
  const user = findUserByIdentifier(identifier);
  const key = identifierKey(identifier, user?.id);
  const until = lockedUntil(key, now);
  if (until) throw new AppError('rate_limited', lockMessage(until));
  // Before the password is looked at: without a right 验证码 the attempt neither counts nor tells anything.
  if (captchaNeeded([ipKey, key], now) && !verifyCaptcha(captcha, now)) throw new AppError('invalid', captcha ? CAPTCHA_INVALID : CAPTCHA_REQUIRED, { captcha: captcha ? CAPTCHA_INVALID : CAPTCHA_REQUIRED });
  // An unknown account still pays for one hash check, so timing does not reveal which accounts exist.
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await dummyHash()), false);
  if (!user || !ok) {
    if (ipKey) recordFailure(ipKey, IP_MAX_FAILURES, now);
    const left = recordFailure(key, ACCOUNT_MAX_FAILURES, now);
    if (user) writeAudit({ actorId: user.id, action: 'auth.login_failed', objectType: 'user', objectId: user.id, ip });
    if (left === 0) throw new AppError('rate_limited', lockMessage(now + LOCK_MS));
    throw new AppError('invalid', LOGIN_FAILED);
  }
  if (user.status !== 'active') throw new AppError('forbidden', '该账号已停用，请联系管理员');
  clearThrottle(key);
  writeAudit({ actorId: user.id, action: 'auth.login', objectType: 'user', objectId: user.id, ip });
  return { id: user.id, role: user.role, name: user.name, sessionVersion: user.sessionVersion };
}
