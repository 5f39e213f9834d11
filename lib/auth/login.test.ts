import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, loginThrottle } from '@/db/schema';
import { createUser, setUserStatus } from '@/lib/users/service';
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, LOCK_MS, authenticate as authenticateWith, loginCaptchaNeeded } from './login';
import { CAPTCHA_INVALID, CAPTCHA_REQUIRED, createChallenge } from '@/lib/captcha/service';
import { encodeSolution, solveChallenge } from '@/lib/captcha/solve';

// ---------------------------------------------------------------- fixtures

/** GB 11643 check character. */
function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

const PASSWORD = 'Secret#2026';
let seq = 0;
let ipSeq = 0;
const freshIp = () => `203.0.113.${++ipSeq}`;

async function newUser(opts: { idNumber?: string; email?: string } = {}) {
  seq += 1;
  const phone = `138${String(30_000_000 + seq * 7_777).slice(-8)}`;
  const idNumber = opts.idNumber ?? withCheckDigit(`32010219900101${String(seq).padStart(3, '0')}`);
  const email = opts.email ?? `login${seq}@example.com`;
  const { id } = await createUser({ role: 'applicant', name: '李四', idType: '居民身份证', idNumber, phone, email, password: PASSWORD });
  return { id, phone, idNumber, email };
}

/** A solved 验证码 of little work (the browser's solver, a challenge this server signed). */
async function solvedCaptcha(now = Date.now()): Promise<string> {
  return (await solveChallenge(createChallenge(now, 20)))!;
}

/**
 * A login as the form sends it once it shows a 验证码, solved: the lockout below is tested apart
 * from the 验证码, which has tests of its own at the end.
 */
async function authenticate(identifier: string, password: string, ip: string | null) {
  return authenticateWith(identifier, password, ip, await solvedCaptcha());
}

async function failure(identifier: string, password: string, ip: string | null): Promise<string> {
  try {
    await authenticate(identifier, password, ip);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`login of ${identifier} unexpectedly succeeded`);
}

beforeAll(() => {
  getDb();
});

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------- tests

describe('authenticate: identifiers', () => {
  it('the fixture ID number is valid (sanity check of the helper)', () => {
    expect(withCheckDigit('11010519491231002')).toBe('11010519491231002X');
  });

  it('logs in by phone number and returns who signed in', async () => {
    const u = await newUser();
    const r = await authenticate(u.phone, PASSWORD, freshIp());
    expect(r).toEqual({ id: u.id, role: 'applicant', name: '李四', sessionVersion: 1 });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.objectId, String(u.id)))).all();
    expect(audit).toHaveLength(1);
  });

  it('logs in by ID number, lower-case x and surrounding spaces accepted', async () => {
    const u = await newUser({ idNumber: '11010519491231002X' });
    expect((await authenticate('11010519491231002X', PASSWORD, freshIp())).id).toBe(u.id);
    expect((await authenticate(' 11010519491231002x ', PASSWORD, freshIp())).id).toBe(u.id);
  });

  it('logs in by e-mail address, case-insensitively', async () => {
    const u = await newUser({ email: 'Li.Si@Example.COM' });
    expect((await authenticate('li.si@example.com', PASSWORD, freshIp())).id).toBe(u.id);
    expect((await authenticate('LI.SI@EXAMPLE.COM', PASSWORD, freshIp())).id).toBe(u.id);
  });

  it('an unknown account is refused without saying whether it exists', async () => {
    for (const id of ['13000000000', 'nobody@example.com', '11010519491231002X'.replace('0519', '0619')]) {
      const msg = await failure(id, PASSWORD, freshIp());
      expect(msg).toBe('账号或密码错误');
    }
  });
});

describe('authenticate: per-account lockout', () => {
  it('answers the same for 4 failures, locks on the 5th until 15 minutes later, and refuses the right password meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 2026-03-02 09:00 Beijing time.
    vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 0, 0));
    const u = await newUser();
    const ip = freshIp();

    expect(await failure(u.phone, 'Wrong#2026', ip)).toBe('账号或密码错误');
    expect(await failure(u.phone, 'Wrong#2026', ip)).toBe('账号或密码错误');
    expect(await failure(u.email, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    expect(await failure(u.idNumber, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    const locked = await failure(u.phone, 'Wrong#2026', ip);
    expect(locked).toBe('登录失败次数过多，账号已锁定，请于 2026-03-02 09:15 后重试');

    // The right password, from any IP and by any identifier, is refused while locked.
    vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 14, 0));
    expect(await failure(u.phone, PASSWORD, freshIp())).toBe('登录失败次数过多，账号已锁定，请于 2026-03-02 09:15 后重试');
    expect(await failure(u.email, PASSWORD, null)).toMatch(/登录失败次数过多，账号已锁定/);

    // Once the lock has run out the right password works again.
    vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 0, 0) + LOCK_MS + 1);
    expect((await authenticate(u.phone, PASSWORD, freshIp())).id).toBe(u.id);

    const failedAudits = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.objectId, String(u.id)))).all();
    expect(failedAudits).toHaveLength(ACCOUNT_MAX_FAILURES);
  });

  it('answers an unknown account exactly as an existing one, failure by failure, lock included', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 0, 0));
    const u = await newUser();
    const ghost = `138${String(99_000_000 + seq).slice(-8)}`;
    for (let i = 0; i < ACCOUNT_MAX_FAILURES + 1; i++) {
      expect(await failure(ghost, 'Wrong#2026', freshIp())).toBe(await failure(u.phone, 'Wrong#2026', freshIp()));
    }
    expect(await failure(ghost, PASSWORD, freshIp())).toBe('登录失败次数过多，账号已锁定，请于 2026-03-02 09:15 后重试');
  });

  it('a successful login clears the failure count', async () => {
    const u = await newUser();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) expect(await failure(u.phone, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    await authenticate(u.phone, PASSWORD, freshIp());
    expect(getDb().select().from(loginThrottle).where(eq(loginThrottle.key, `acct:${u.id}`)).get()).toBeUndefined();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) expect(await failure(u.phone, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    expect((await authenticate(u.phone, PASSWORD, freshIp())).id).toBe(u.id);
  });

  it("one account's failures do not lock another account", async () => {
    const a = await newUser();
    const b = await newUser();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await failure(a.phone, 'Wrong#2026', freshIp());
    expect(await failure(a.phone, PASSWORD, freshIp())).toMatch(/账号已锁定/);
    expect((await authenticate(b.phone, PASSWORD, freshIp())).id).toBe(b.id);
  });
});

describe('authenticate: per-IP lockout', () => {
  it('locks an IP after 20 failures across different accounts; other IPs are unaffected', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 5, 1, 4, 30, 0)); // 12:30 Beijing time
    const ip = freshIp();
    const accounts = [];
    for (let i = 0; i < IP_MAX_FAILURES / 4; i++) accounts.push(await newUser());
    // 4 failures per account: no account locks, but the IP reaches 20.
    for (const a of accounts) for (let i = 0; i < 4; i++) expect(await failure(a.phone, 'Wrong#2026', ip)).toBe('账号或密码错误');

    const someoneElse = await newUser();
    expect(await failure(someoneElse.phone, PASSWORD, ip)).toBe('登录尝试过于频繁，请于 2026-06-01 12:45 后重试');
    expect(await failure('nobody@example.com', PASSWORD, ip)).toMatch(/^登录尝试过于频繁/);

    // The accounts themselves are not locked: from another IP they sign in.
    expect((await authenticate(accounts[0]!.phone, PASSWORD, freshIp())).id).toBe(accounts[0]!.id);
    expect((await authenticate(someoneElse.phone, PASSWORD, freshIp())).id).toBe(someoneElse.id);

    vi.setSystemTime(Date.UTC(2026, 5, 1, 4, 30, 0) + LOCK_MS + 1);
    expect((await authenticate(someoneElse.phone, PASSWORD, ip)).id).toBe(someoneElse.id);
  });

  it('failures for unknown accounts count against the IP too', async () => {
    const ip = freshIp();
    for (let i = 0; i < IP_MAX_FAILURES; i++) expect(await failure(`ghost${i}@example.com`, PASSWORD, ip)).toBe('账号或密码错误');
    const u = await newUser();
    expect(await failure(u.phone, PASSWORD, ip)).toMatch(/^登录尝试过于频繁，请于 .* 后重试$/);
  });
});

describe('authenticate: disabled accounts', () => {
  it('refuses a disabled account with the right password, and lets it in again once re-enabled', async () => {
    const admin = await newUser();
    const u = await newUser();
    setUserStatus(u.id, 'disabled', admin.id);
    expect(await failure(u.phone, PASSWORD, freshIp())).toBe('该账号已停用，请联系管理员');
    // A wrong password does not reveal the account state.
    expect(await failure(u.phone, 'Wrong#2026', freshIp())).toBe('账号或密码错误');

    setUserStatus(u.id, 'active', admin.id);
    const r = await authenticate(u.phone, PASSWORD, freshIp());
    expect(r.id).toBe(u.id);
    expect(r.sessionVersion).toBe(3);
  });
});

describe('验证码 after two failed attempts (seed 001)', () => {
  const bare = async (identifier: string, password: string, ip: string | null, captcha?: string | null) => {
    try {
      return await authenticateWith(identifier, password, ip, captcha);
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('an account: two wrong passwords, then even the right one needs a solved 验证码, which works once', async () => {
    const u = await newUser();
    expect(loginCaptchaNeeded(u.phone, null)).toBe(false);
    expect(await bare(u.phone, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    expect(loginCaptchaNeeded(u.phone, null)).toBe(false);
    expect(await bare(u.phone, 'Wrong#2026', freshIp())).toBe('账号或密码错误');
    expect(loginCaptchaNeeded(u.phone, null)).toBe(true);
    // By any of its identifiers, from any address.
    expect(loginCaptchaNeeded(u.email, freshIp())).toBe(true);

    expect(await bare(u.phone, PASSWORD, freshIp())).toBe(CAPTCHA_REQUIRED);
    expect(await bare(u.phone, PASSWORD, freshIp(), 'bm90IGEgY2FwdGNoYQ==')).toBe(CAPTCHA_INVALID);
    // Refused before the password is looked at: these did not count towards the lock.
    expect(getDb().select().from(loginThrottle).where(eq(loginThrottle.key, `acct:${u.id}`)).get()?.failures).toBe(2);

    const solved = await solvedCaptcha();
    expect(await bare(u.phone, PASSWORD, freshIp(), solved)).toMatchObject({ id: u.id });
    // A success clears the count; and an answer cannot be sent twice.
    expect(loginCaptchaNeeded(u.phone, null)).toBe(false);
    for (let i = 0; i < 2; i++) await bare(u.phone, 'Wrong#2026', freshIp());
    expect(await bare(u.phone, PASSWORD, freshIp(), solved)).toBe(CAPTCHA_INVALID);
  });

  it('an address: two failures from it, for any accounts, and every login from it needs the 验证码', async () => {
    const ip = freshIp();
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    expect(await bare(a.phone, 'Wrong#2026', ip)).toBe('账号或密码错误');
    expect(await bare(b.phone, 'Wrong#2026', ip)).toBe('账号或密码错误');
    expect(loginCaptchaNeeded(null, ip)).toBe(true);
    expect(await bare(c.phone, PASSWORD, ip)).toBe(CAPTCHA_REQUIRED);
    expect(await bare(c.phone, PASSWORD, freshIp())).toMatchObject({ id: c.id });
    expect(await bare(c.phone, PASSWORD, ip, await solvedCaptcha())).toMatchObject({ id: c.id });
  });

  it('refuses an answer that is expired, forged, or for a challenge this server did not sign', async () => {
    const u = await newUser();
    for (let i = 0; i < 2; i++) await bare(u.phone, 'Wrong#2026', freshIp());
    // Expired: made 11 minutes ago (challenges last 10).
    expect(await bare(u.phone, PASSWORD, freshIp(), await solvedCaptcha(Date.now() - 11 * 60_000))).toBe(CAPTCHA_INVALID);
    // A wrong number for a real challenge.
    const c = createChallenge(Date.now(), 20);
    const right = JSON.parse(Buffer.from((await solveChallenge(c))!, 'base64').toString()).number as number;
    expect(await bare(u.phone, PASSWORD, freshIp(), encodeSolution(c, (right + 1) % 21))).toBe(CAPTCHA_INVALID);
    // A challenge made up by the client, solved honestly but with a signature of its own.
    const forged = { ...c, signature: 'f'.repeat(64) };
    expect(await bare(u.phone, PASSWORD, freshIp(), encodeSolution(forged, right))).toBe(CAPTCHA_INVALID);
    expect(await bare(u.phone, PASSWORD, freshIp(), encodeSolution(c, right))).toMatchObject({ id: u.id });
  });
});
