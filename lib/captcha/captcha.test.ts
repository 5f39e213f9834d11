import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { setSmsAdapter, type SmsAdapter } from '@/lib/notify/channels';
import { requestAccountCode } from '@/lib/auth/account-codes';
import { registerApplicant, resetPasswordWithCode } from '@/lib/users/accounts';
import { registerSchema, resetPasswordSchema } from '@/lib/users/schemas';
import { createUser } from '@/lib/users/service';
import { sha256Hex } from './sha256';
import { solveChallenge } from './solve';
import { CAPTCHA_INVALID, CAPTCHA_REQUIRED, createChallenge, verifyCaptcha } from './service';
import { formCaptchaNeeded, withFormCaptcha } from './forms';

const sms: { phone: string; text: string }[] = [];
const adapter: SmsAdapter = { send: async (phone, text) => void sms.push({ phone, text }) };
beforeAll(() => {
  getDb();
  setSmsAdapter(adapter);
});

let seq = 0;
const freshPhone = () => `137${String(60_000_000 + ++seq * 3_331).slice(-8)}`;
const freshIp = () => `192.0.2.${++seq % 250}`;
const solved = async () => (await solveChallenge(createChallenge(Date.now(), 20)))!;
const codeSentTo = (phone: string) =>
  vi.waitFor(() => {
    const m = sms.filter((s) => s.phone === phone).at(-1)?.text.match(/验证码为 (\d{6})/);
    if (!m) throw new Error(`no code for ${phone}`);
    return m[1]!;
  });
async function answer(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const err = e as { message: string; fieldErrors?: Record<string, string> };
    return { message: err.message, fieldErrors: err.fieldErrors };
  }
}

describe('sha256Hex (the browser solver)', () => {
  it('equals node:crypto for empty, short, block-edge, multi-block and Chinese input', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), '联网备案'.repeat(50), 'f00d?expires=1780000000000' + 98765]) {
      expect(sha256Hex(s), s.slice(0, 20)).toBe(crypto.createHash('sha256').update(s).digest('hex'));
    }
  });
});

describe('challenges', () => {
  it('a full-size challenge is solved by the browser code and accepted once', async () => {
    const answer = await solveChallenge(createChallenge());
    expect(answer).toBeTruthy();
    expect(verifyCaptcha(answer)).toBe(true);
    expect(verifyCaptcha(answer)).toBe(false);
  });

  it('refuses what is not an answer', () => {
    for (const bad of [undefined, null, '', 'x', 'a'.repeat(2000), btoa('{}'), btoa('[1]'), 42]) expect(verifyCaptcha(bad)).toBe(false);
  });
});

describe('注册 and 忘记密码 ask for a 验证码 after two failed attempts', () => {
  const registration = (phone: string, smsCode: string, captcha?: string) =>
    registerSchema.parse({
      name: '孙丽娟',
      idType: '居民身份证',
      idNumber: '110101199003070011',
      phone,
      smsCode,
      email: `cap${++seq}@example.com`,
      password: 'Secret#2026',
      confirmPassword: 'Secret#2026',
      agree: true,
      captcha,
    });

  it('注册: two wrong 短信验证码 for a phone, then the third try needs the 验证码; with it the right code registers', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    await requestAccountCode('register', phone, ip);
    const code = await codeSentTo(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const run = (f: ReturnType<typeof registration>) => withFormCaptcha('register', ip, f.phone, f.captcha, () => registerApplicant(f, ip));
    expect(await answer(run(registration(phone, wrong)))).toMatchObject({ fieldErrors: { smsCode: '验证码错误，还可尝试 4 次' } });
    expect(formCaptchaNeeded('register', ip, phone)).toBe(false);
    expect(await answer(run(registration(phone, wrong)))).toMatchObject({ fieldErrors: { smsCode: '验证码错误，还可尝试 3 次' } });
    expect(formCaptchaNeeded('register', ip, phone)).toBe(true);
    // The address alone now asks too (the page opens with it); another address for another phone does not.
    expect(formCaptchaNeeded('register', ip, null)).toBe(true);
    expect(formCaptchaNeeded('register', freshIp(), freshPhone())).toBe(false);

    expect(await answer(run(registration(phone, code)))).toEqual({ message: CAPTCHA_REQUIRED, fieldErrors: { captcha: CAPTCHA_REQUIRED } });
    expect(await answer(run(registration(phone, code, btoa('{"algorithm":"SHA-256"}'))))).toEqual({ message: CAPTCHA_INVALID, fieldErrors: { captcha: CAPTCHA_INVALID } });
    expect(await answer(run(registration(phone, code, await solved())))).toBe('ok');
    expect(formCaptchaNeeded('register', ip, phone)).toBe(false);
  });

  it('忘记密码: the same, counted for the phone whatever the address', async () => {
    const phone = freshPhone();
    await createUser({ role: 'applicant', name: '周敏', phone, password: 'Before#2026' });
    await requestAccountCode('password_reset', phone, freshIp());
    const code = await codeSentTo(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const reset = (smsCode: string, captcha?: string) => {
      const f = resetPasswordSchema.parse({ phone, smsCode, newPassword: 'After#2026', confirmPassword: 'After#2026', captcha });
      const ip = freshIp();
      return withFormCaptcha('password_reset', ip, f.phone, f.captcha, () => resetPasswordWithCode(f, ip));
    };
    for (let i = 0; i < 2; i++) expect(await answer(reset(wrong))).toMatchObject({ fieldErrors: { smsCode: expect.stringMatching(/^验证码错误/) } });
    expect(await answer(reset(code))).toMatchObject({ fieldErrors: { captcha: CAPTCHA_REQUIRED } });
    expect(await answer(reset(code, await solved()))).toBe('ok');
  });
});
