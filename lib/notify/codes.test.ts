import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, verificationCodes } from '@/db/schema';
import { dataDir } from '@/lib/config/env';
import { hmacPii } from '@/lib/pii/crypto';
import { createUser } from '@/lib/users/service';
import { confirmEmailToken, sendEmailVerification, sendSmsCode, verifySmsCode } from './codes';

// ---------------------------------------------------------------- helpers

const outbox = () => path.join(dataDir(), 'outbox');
const smsLog = () => path.join(outbox(), 'sms.log');

function smsLines(): string[] {
  if (!fs.existsSync(smsLog())) return [];
  return fs.readFileSync(smsLog(), 'utf8').split('\n').filter(Boolean);
}

/** The 6-digit code of the last SMS sent to `phone`, checking the log line format on the way. */
function lastCodeFor(phone: string): string {
  const lines = smsLines().filter((l) => l.split('\t')[1] === phone);
  expect(lines.length).toBeGreaterThan(0);
  const [time, to, text] = lines[lines.length - 1]!.split('\t');
  expect(new Date(time!).toISOString()).toBe(time);
  expect(to).toBe(phone);
  const m = /验证码为 (\d{6})，/.exec(text!);
  expect(m, `no code in SMS text: ${text}`).not.toBeNull();
  return m![1]!;
}

/** Some other 6-digit code than `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

function emlFiles(): string[] {
  if (!fs.existsSync(outbox())) return [];
  return fs
    .readdirSync(outbox())
    .filter((f) => f.endsWith('.eml'))
    .map((f) => path.join(outbox(), f));
}

/** Soft line breaks `=\n` are dropped, `=XX` escapes are bytes of the UTF-8 text. */
function decodeQuotedPrintable(body: string): string {
  const s = body.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes the (single-part) text body of an .eml written by nodemailer. */
function emlText(file: string): { headers: string; text: string } {
  const raw = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const split = raw.indexOf('\n\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 2);
  const cte = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  let text: string;
  if (cte === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') text = decodeQuotedPrintable(body);
  else text = body;
  return { headers, text };
}

function newEmls(before: string[]): string[] {
  return emlFiles().filter((f) => !before.includes(f));
}

function tokenFrom(text: string): string {
  const m = /http:\/\/beian\.test\/my\/account\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(text);
  expect(m, `no verification link in mail:\n${text}`).not.toBeNull();
  return m![1]!;
}

let seq = 0;
function phoneNo(): string {
  seq += 1;
  return `139${String(10_000_000 + seq * 7919).slice(-8)}`;
}

async function someUser(email: string | null) {
  return createUser({ role: 'applicant', name: '孙丽娟', phone: phoneNo(), email, password: 'Secret#2026' });
}

const T0 = Date.UTC(2026, 0, 10, 2, 0, 0);

beforeAll(() => {
  getDb();
});

// ---------------------------------------------------------------- SMS codes

describe('sendSmsCode', () => {
  it('writes a tab-separated line with a 6-digit code to DATA_DIR/outbox/sms.log', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const line = smsLines().find((l) => l.split('\t')[1] === phone)!;
    expect(line.split('\t')).toHaveLength(3);
    const code = lastCodeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(line).toContain(`您的验证码为 ${code}，5分钟内有效`);
  });

  it('stores only a hash of the code', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    const rows = getDb().$client.prepare('select * from verification_codes where target_hmac = ?').all(hmacPii(phone)) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const serialized = JSON.stringify(rows[0]);
    expect(serialized).not.toContain(code);
    expect(serialized).not.toContain(phone);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.purpose).toBe('register');
    expect(rows[0]!.expires_at).toBe(T0 + 5 * 60_000);
  });

  it('refuses a second send within 60 seconds; after 61 s it sends a new code and voids the old one', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const first = lastCodeFor(phone);
    const linesAfterFirst = smsLines().length;

    await expect(sendSmsCode('register', phone, null, T0 + 1_000)).rejects.toThrowError('验证码发送过于频繁，请 59 秒后重试');
    await expect(sendSmsCode('register', phone, null, T0 + 30_000)).rejects.toThrowError('验证码发送过于频繁，请 30 秒后重试');
    // Another purpose for the same phone is throttled too (the limit is per phone).
    await expect(sendSmsCode('reset_password', phone, null, T0 + 59_500)).rejects.toThrowError('验证码发送过于频繁，请 1 秒后重试');
    expect(smsLines().length).toBe(linesAfterFirst);

    await sendSmsCode('register', phone, null, T0 + 61_000);
    const second = lastCodeFor(phone);
    expect(smsLines().length).toBe(linesAfterFirst + 1);

    if (first !== second) {
      expect(() => verifySmsCode('register', phone, first, T0 + 62_000)).toThrowError('验证码错误，还可尝试 4 次');
    }
    verifySmsCode('register', phone, second, T0 + 62_000);
    // The old code did not come back to life once the new one was used.
    expect(() => verifySmsCode('register', phone, first, T0 + 63_000)).toThrowError('验证码已失效，请重新获取');
  });

  it('does not let another phone number throttle this one', async () => {
    const a = phoneNo();
    const b = phoneNo();
    await sendSmsCode('register', a, null, T0);
    await expect(sendSmsCode('register', b, null, T0 + 1_000)).resolves.toBeUndefined();
    expect(lastCodeFor(b)).toMatch(/^\d{6}$/);
  });
});

describe('verifySmsCode', () => {
  it('accepts the right code once (whitespace around it tolerated)', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    expect(() => verifySmsCode('register', phone, ` ${code} `, T0 + 10_000)).not.toThrow();
    expect(() => verifySmsCode('register', phone, code, T0 + 11_000)).toThrowError('验证码已失效，请重新获取');
  });

  it('reports the field error on `code`', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    try {
      verifySmsCode('register', phone, otherCode(code), T0 + 1_000);
      expect.unreachable('a wrong code must be refused');
    } catch (e) {
      expect(e).toMatchObject({ name: 'AppError', message: '验证码错误，还可尝试 4 次', fieldErrors: { code: '验证码错误，还可尝试 4 次' } });
    }
  });

  it('counts down wrong tries and burns the code on the 5th, so even the right code then fails', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    const wrong = otherCode(code);
    expect(() => verifySmsCode('register', phone, wrong, T0 + 1_000)).toThrowError('验证码错误，还可尝试 4 次');
    expect(() => verifySmsCode('register', phone, wrong, T0 + 2_000)).toThrowError('验证码错误，还可尝试 3 次');
    expect(() => verifySmsCode('register', phone, wrong, T0 + 3_000)).toThrowError('验证码错误，还可尝试 2 次');
    expect(() => verifySmsCode('register', phone, wrong, T0 + 4_000)).toThrowError('验证码错误，还可尝试 1 次');
    expect(() => verifySmsCode('register', phone, wrong, T0 + 5_000)).toThrowError('验证码错误次数过多，请重新获取');
    expect(() => verifySmsCode('register', phone, code, T0 + 6_000)).toThrowError('验证码已失效，请重新获取');

    const row = getDb().select().from(verificationCodes).where(eq(verificationCodes.targetHmac, hmacPii(phone))).get()!;
    expect(row.attempts).toBe(5);
    expect(row.consumedAt).not.toBeNull();
  });

  it('a wrong try does not use up the code: the right one still works afterwards', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    expect(() => verifySmsCode('register', phone, otherCode(code), T0 + 1_000)).toThrowError('验证码错误，还可尝试 4 次');
    expect(() => verifySmsCode('register', phone, code, T0 + 2_000)).not.toThrow();
  });

  it('expires after 5 minutes', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    expect(() => verifySmsCode('register', phone, code, T0 + 5 * 60_000 + 1)).toThrowError('验证码已失效，请重新获取');
  });

  it('is still valid just before 5 minutes', async () => {
    const phone = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    expect(() => verifySmsCode('register', phone, code, T0 + 5 * 60_000 - 1)).not.toThrow();
  });

  it('binds the code to its purpose and its phone number', async () => {
    const phone = phoneNo();
    const other = phoneNo();
    await sendSmsCode('register', phone, null, T0);
    const code = lastCodeFor(phone);
    expect(() => verifySmsCode('reset_password', phone, code, T0 + 1_000)).toThrowError('验证码已失效，请重新获取');
    expect(() => verifySmsCode('register', other, code, T0 + 1_000)).toThrowError('验证码已失效，请重新获取');
    expect(() => verifySmsCode('register', phone, code, T0 + 2_000)).not.toThrow();
  });

  it('refuses when no code was ever sent', () => {
    expect(() => verifySmsCode('register', phoneNo(), '123456', T0)).toThrowError('验证码已失效，请重新获取');
  });
});

// ---------------------------------------------------------------- e-mail links

describe('sendEmailVerification / confirmEmailToken', () => {
  it('mails a link to /my/account/verify-email that marks the address verified once', async () => {
    const { id } = await someUser('Sun.Lijuan@Example.com');
    const before = emlFiles();
    await sendEmailVerification(id);
    const mails = newEmls(before);
    expect(mails).toHaveLength(1);
    const { headers, text } = emlText(mails[0]!);
    expect(headers).toMatch(/^To: sun\.lijuan@example\.com$/im);
    expect(text).toContain('孙丽娟，您好');
    const token = tokenFrom(text);

    // Only a hash is stored.
    const rows = getDb().$client.prepare("select * from verification_codes where purpose = 'email_verify' and user_id = ?").all(id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, id)).get()!.v).toBeNull();
    expect(confirmEmailToken(token)).toBe(id);
    expect(getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, id)).get()!.v).toEqual(expect.any(Number));

    expect(() => confirmEmailToken(token)).toThrowError('验证链接无效或已过期，请重新发送验证邮件');
  });

  it('refuses an unknown token', () => {
    expect(() => confirmEmailToken('not-a-real-token')).toThrowError('验证链接无效或已过期，请重新发送验证邮件');
  });

  it('refuses a link older than 24 hours', async () => {
    const { id } = await someUser('old.link@example.com');
    const before = emlFiles();
    await sendEmailVerification(id, T0);
    const token = tokenFrom(emlText(newEmls(before)[0]!).text);
    expect(() => confirmEmailToken(token, T0 + 24 * 60 * 60_000 + 1)).toThrowError('验证链接无效或已过期，请重新发送验证邮件');
    expect(getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, id)).get()!.v).toBeNull();
  });

  it('refuses a link issued before the account changed its e-mail address', async () => {
    const { id } = await someUser('first@example.com');
    const before = emlFiles();
    await sendEmailVerification(id);
    const token = tokenFrom(emlText(newEmls(before)[0]!).text);

    getDb().update(users).set({ email: 'second@example.com' }).where(eq(users.id, id)).run();
    expect(() => confirmEmailToken(token)).toThrowError('验证链接与当前邮箱不一致，请重新发送验证邮件');
    expect(getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, id)).get()!.v).toBeNull();

    // A fresh link for the new address works.
    const before2 = emlFiles();
    await sendEmailVerification(id);
    const mails = newEmls(before2);
    expect(emlText(mails[0]!).headers).toMatch(/^To: second@example\.com$/im);
    expect(confirmEmailToken(tokenFrom(emlText(mails[0]!).text))).toBe(id);
  });

  it('asks for an address first when the account has none', async () => {
    const { id } = await someUser(null);
    await expect(sendEmailVerification(id)).rejects.toThrowError('请先在账号信息中填写电子邮件地址');
  });
});
