import 'server-only';
import { AppError, isAppError } from '@/lib/errors';
import { hmacPii } from '@/lib/pii/crypto';
import { clearThrottle, recordFailure } from '@/lib/auth/throttle';
import { CAPTCHA_INVALID, CAPTCHA_REQUIRED, captchaNeeded, verifyCaptcha } from './service';

/** The forms besides 登录 that ask for a 验证码 after two failed attempts (seed 001): 注册 and 忘记密码. */
export type CaptchaForm = 'register' | 'password_reset';

/** The counters of a form: per address and per phone number (the account being registered or reset). */
function keysOf(form: CaptchaForm, ip: string | null, phone: string | null | undefined): string[] {
  const keys = ip ? [`captcha-${form}-ip:${ip}`] : [];
  if (phone?.trim()) keys.push(`captcha-${form}-phone:${hmacPii(phone.trim())}`);
  return keys;
}

export function formCaptchaNeeded(form: CaptchaForm, ip: string | null, phone: string | null | undefined, now = Date.now()): boolean {
  return captchaNeeded(keysOf(form, ip, phone), now);
}

/**
 * Runs a 注册 / 忘记密码 submission: refused without a right 验证码 once two attempts from the
 * address or for the phone have failed; a refusal of `run` (wrong 短信验证码, …) counts as one.
 */
export async function withFormCaptcha<T>(form: CaptchaForm, ip: string | null, phone: string, captcha: string | null | undefined, run: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const keys = keysOf(form, ip, phone);
  if (captchaNeeded(keys, now) && !verifyCaptcha(captcha, now)) {
    const message = captcha ? CAPTCHA_INVALID : CAPTCHA_REQUIRED;
    throw new AppError('invalid', message, { captcha: message });
  }
  try {
    const result = await run();
    for (const k of keys) clearThrottle(k);
    return result;
  } catch (e) {
    // Counted only, never locked: the 短信验证码's own tries and the send limits do that.
    if (isAppError(e)) for (const k of keys) recordFailure(k, Number.MAX_SAFE_INTEGER, now);
    throw e;
  }
}
