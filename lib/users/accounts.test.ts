import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authSessions, users } from '@/db/schema';
import { setSmsAdapter, type SmsAdapter } from '@/lib/notify/channels';
import { hmacPii } from '@/lib/pii/crypto';
import { authenticate } from '@/lib/auth/login';
import { createSession, sessionIsLive } from '@/lib/auth/sessions';
import { ACCOUNT_CODE_TTL_MS, SENDS_PER_IP, SENDS_PER_PHONE, RESEND_INTERVAL_MS, requestAccountCode } from '@/lib/auth/account-codes';
import { registerSchema, resetPasswordSchema } from './schemas';
import { registerApplicant, resetPasswordWithCode } from './accounts';
import { createUser } from './service';

// ---------------------------------------------------------------- fixtures

const sms: { phone: string; text: string }[] = [];
const adapter: SmsAdapter = { send: async (phone, text) => void sms.push({ phone, text }) };

function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

let seq = 0;
const freshPhone = () => `137${String(20_000_000 + ++seq * 1_117).slice(-8)}`;
const freshIp = () => `198.51.100.${++seq % 250}`;
const freshId = () => withCheckDigit(`32010219850101${String(100 + ++seq).slice(-3)}`);

/** The code in the newest SMS to `phone` (sending may happen just after the answer). */
async function codeSentTo(phone: string): Promise<string> {
  return vi.waitFor(() => {
    const m = sms.filter((s) => s.phone === phone).at(-1)?.text.match(/验证码为 (\d{6})/);
    if (!m) throw new Error(`no code for ${phone}`);
    return m[1]!;
  });
}

function form(phone: string, smsCode: string, over: Record<string, unknown> = {}) {
  return registerSchema.parse({
    name: '孙丽娟',
    idType: '居民身份证',
    idNumber: freshId(),
    phone,
    smsCode,
    email: `u${++seq}@example.com`,
    password: 'Secret#2026',
    confirmPassword: 'Secret#2026',
    agree: true,
    ...over,
  });
}

/** What an action answers: 'ok' or the error's message and field errors. */
async function answer(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const err = e as { message: string; fieldErrors?: Record<string, string> };
    return { message: err.message, fieldErrors: err.fieldErrors };
  }
}

const userByPhone = (phone: string) => getDb().select().from(users).where(eq(users.phoneHmac, hmacPii(phone))).get();

beforeAll(() => {
  getDb();
  setSmsAdapter(adapter);
});
afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------- registration

describe('注册 with a 短信验证码', () => {
  it('creates the account only with the right code; the phone is then verified', async () => {
    const phone = freshPhone();
    await requestAccountCode('register', phone, freshIp());
    const code = await codeSentTo(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await answer(registerApplicant(form(phone, wrong), null))).toEqual({ message: '验证码错误，还可尝试 4 次', fieldErrors: { smsCode: '验证码错误，还可尝试 4 次' } });
    expect(userByPhone(phone)).toBeUndefined();

    const { id } = await registerApplicant(form(phone, code), null);
    expect(userByPhone(phone)).toMatchObject({ id, role: 'applicant', phoneVerifiedAt: expect.any(Number) });
    // The code is spent.
    expect(await answer(registerApplicant(form(phone, code), null))).toMatchObject({ message: '验证码已失效，请重新获取' });
  });

  it('refuses a code older than 10 minutes and one never asked for', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const phone = freshPhone();
    await requestAccountCode('register', phone, freshIp());
    const code = await codeSentTo(phone);
    vi.setSystemTime(Date.now() + ACCOUNT_CODE_TTL_MS + 1);
    expect(await answer(registerApplicant(form(phone, code), null))).toMatchObject({ message: '验证码已失效，请重新获取' });
    expect(userByPhone(phone)).toBeUndefined();
    expect(await answer(registerApplicant(form(freshPhone(), '123456'), null))).toMatchObject({ message: '验证码已失效，请重新获取' });
  });

  it('burns a code after 5 wrong tries', async () => {
    const phone = freshPhone();
    await requestAccountCode('register', phone, freshIp());
    const code = await codeSentTo(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) expect(await answer(registerApplicant(form(phone, wrong), null))).toMatchObject({ message: `验证码错误，还可尝试 ${left} 次` });
    expect(await answer(registerApplicant(form(phone, wrong), null))).toMatchObject({ message: '验证码错误次数过多，请重新获取' });
    expect(await answer(registerApplicant(form(phone, code), null))).toMatchObject({ message: '验证码已失效，请重新获取' });
  });

  it('answers exactly the same for a registered and an unregistered phone until the code is right', async () => {
    const taken = freshPhone();
    const takenId = freshId();
    await createUser({ role: 'applicant', name: '李四', idType: '居民身份证', idNumber: takenId, phone: taken, password: 'Secret#2026' });
    const free = freshPhone();

    // 获取验证码: the same (empty) answer for both.
    expect(await answer(requestAccountCode('register', taken, freshIp()))).toBe('ok');
    expect(await answer(requestAccountCode('register', free, freshIp()))).toBe('ok');
    // A wrong guess reads the same, try by try.
    for (let i = 0; i < 3; i++) {
      const a = await answer(registerApplicant(form(taken, '999999'), null));
      const b = await answer(registerApplicant(form(free, '999999'), null));
      expect(a).toEqual(b);
    }
    // The already registered phone was told so instead of getting a code.
    await vi.waitFor(() => expect(sms.filter((s) => s.phone === taken).at(-1)?.text).toContain('该号码已注册'));
    expect(sms.filter((s) => s.phone === taken).some((s) => /验证码为 \d{6}/.test(s.text))).toBe(false);

    // An ID number already in use is reported only after the phone was proven.
    const code = await codeSentTo(free);
    expect(await answer(registerApplicant(form(free, '999999', { idNumber: takenId }), null))).toMatchObject({ message: '验证码错误，还可尝试 1 次' });
    expect(await answer(registerApplicant(form(free, code, { idNumber: takenId }), null))).toEqual({ message: '该证件号码已注册', fieldErrors: { idNumber: '该证件号码已注册' } });
    // The code stays good to correct the field.
    expect(await answer(registerApplicant(form(free, code), null))).toBe('ok');
  });

  it('limits sends per phone (one a minute, 5 an hour) and per client address (20 an hour)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const phone = freshPhone();
    expect(await answer(requestAccountCode('register', phone, freshIp()))).toBe('ok');
    expect(await answer(requestAccountCode('register', phone, freshIp()))).toMatchObject({ message: expect.stringMatching(/^验证码发送过于频繁，请 \d+ 秒后重试$/) });
    for (let i = 1; i < SENDS_PER_PHONE; i++) {
      vi.setSystemTime(Date.now() + RESEND_INTERVAL_MS + 1);
      expect(await answer(requestAccountCode('register', phone, freshIp()))).toBe('ok');
    }
    vi.setSystemTime(Date.now() + RESEND_INTERVAL_MS + 1);
    expect(await answer(requestAccountCode('register', phone, freshIp()))).toMatchObject({ message: '验证码发送过于频繁，请稍后再试' });

    const ip = '192.0.2.200';
    for (let i = 0; i < SENDS_PER_IP; i++) expect(await answer(requestAccountCode('register', freshPhone(), ip))).toBe('ok');
    expect(await answer(requestAccountCode('register', freshPhone(), ip))).toMatchObject({ message: '验证码发送过于频繁，请稍后再试' });
    // The same for 忘记密码 from that address.
    expect(await answer(requestAccountCode('password_reset', freshPhone(), ip))).toMatchObject({ message: '验证码发送过于频繁，请稍后再试' });
  });
});

// ---------------------------------------------------------------- 忘记密码

describe('忘记密码', () => {
  it('sets the new password with the SMS code and ends every session of the account', async () => {
    const phone = freshPhone();
    const { id } = await createUser({ role: 'applicant', name: '王五', phone, password: 'Old#pass2026' });
    const s1 = createSession(id, null);
    const s2 = createSession(id, null);
    expect(sessionIsLive(s1, id) && sessionIsLive(s2, id)).toBe(true);

    await requestAccountCode('password_reset', phone, freshIp());
    const code = await codeSentTo(phone);
    const input = resetPasswordSchema.parse({ phone, smsCode: code, newPassword: 'New#pass2026', confirmPassword: 'New#pass2026' });
    await resetPasswordWithCode(input, null);

    expect(sessionIsLive(s1, id)).toBe(false);
    expect(sessionIsLive(s2, id)).toBe(false);
    expect(getDb().select().from(authSessions).where(eq(authSessions.userId, id)).all().every((s) => s.revokedAt != null)).toBe(true);
    await expect(authenticate(phone, 'Old#pass2026', null)).rejects.toThrow('账号或密码错误');
    expect((await authenticate(phone, 'New#pass2026', null)).id).toBe(id);
    // The code is spent.
    expect(await answer(resetPasswordWithCode(input, null))).toMatchObject({ message: '验证码已失效，请重新获取' });
  });

  it('answers the same for an unknown phone, which gets no SMS', async () => {
    const known = freshPhone();
    await createUser({ role: 'applicant', name: '赵六', phone: known, password: 'Old#pass2026' });
    const unknown = freshPhone();
    expect(await answer(requestAccountCode('password_reset', known, freshIp()))).toBe('ok');
    expect(await answer(requestAccountCode('password_reset', unknown, freshIp()))).toBe('ok');
    const input = (phone: string) => resetPasswordSchema.parse({ phone, smsCode: '999999', newPassword: 'New#pass2026', confirmPassword: 'New#pass2026' });
    expect(await answer(resetPasswordWithCode(input(known), null))).toEqual(await answer(resetPasswordWithCode(input(unknown), null)));
    await codeSentTo(known);
    expect(sms.some((s) => s.phone === unknown)).toBe(false);
  });

  it('checks the form: six-digit code, the password rule, both entries equal, length limits', () => {
    const r = resetPasswordSchema.safeParse({ phone: '12', smsCode: '12ab', newPassword: 'short', confirmPassword: 'other' });
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(msgs).toMatchObject({ phone: '请填写正确的手机号码', smsCode: '请填写6位短信验证码', newPassword: '新密码长度应为8-32位', confirmPassword: '两次输入的密码不一致' });
    const huge = resetPasswordSchema.safeParse({ phone: '1'.repeat(100_000), smsCode: '123456', newPassword: 'x'.repeat(100_000), confirmPassword: 'x' });
    expect(Object.fromEntries(huge.error!.issues.map((i) => [i.path.join('.'), i.message]))).toMatchObject({ phone: '手机号码不能超过20个字符', newPassword: '新密码长度应为8-32位' });
    const long = registerSchema.safeParse({ name: '张'.repeat(100_001), idType: '居民身份证', idNumber: 'x'.repeat(1000), phone: '13800000000', smsCode: '123456', email: `${'a'.repeat(200)}@example.com`, password: 'Secret#2026', confirmPassword: 'Secret#2026', agree: true });
    const lm = Object.fromEntries(long.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(lm).toMatchObject({ name: '真实姓名不能超过30个字符', idNumber: '证件号码不能超过30个字符', email: '电子邮件地址不能超过100个字符' });
  });
});
