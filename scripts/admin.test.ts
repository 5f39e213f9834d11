import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, policeUnits, unitCoverage, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/login';
import { createChallenge } from '@/lib/captcha/service';
import { solveChallenge } from '@/lib/captcha/solve';
import { hmacPii } from '@/lib/pii/crypto';

let runAdmin: (argv: string[]) => Promise<string>;

beforeAll(async () => {
  // Importing the script must not run the CLI (which would print an error and exit).
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    ({ runAdmin } = await import('./admin'));
    await new Promise((r) => setTimeout(r, 0));
    expect(exit).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  } finally {
    exit.mockRestore();
    error.mockRestore();
    log.mockRestore();
  }
});

const userCount = () => getDb().select().from(users).all().length;
const unitCount = () => getDb().select().from(policeUnits).all().length;

const reviewerArgs = (overrides: Record<string, string | null> = {}) => {
  const opts: Record<string, string | null> = { role: 'reviewer', name: '王警官', phone: '13800138000', password: 'Police#2026', unit: '110105', ...overrides };
  return ['create-user', ...Object.entries(opts).flatMap(([k, v]) => (v == null ? [] : [`--${k}`, v]))];
};

async function rejection(argv: string[]): Promise<string> {
  try {
    await runAdmin(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return (e as Error).message;
  }
  throw new Error(`runAdmin(${argv.join(' ')}) unexpectedly succeeded`);
}

describe('create-unit and create-user', () => {
  it('creates a unit with its coverage, then a reviewer attached to it who can sign in', async () => {
    const msg = await runAdmin(['create-unit', '--name', '北京市公安局朝阳分局', '--code', '110105', '--covers', '110105, 110108']);
    expect(msg).toMatch(/^已创建审核单位 #\d+：北京市公安局朝阳分局（110105），管辖 110105,110108$/);
    const unit = getDb().select().from(policeUnits).where(eq(policeUnits.code, '110105')).get()!;
    expect(unit.name).toBe('北京市公安局朝阳分局');
    const covers = getDb().select().from(unitCoverage).where(eq(unitCoverage.unitId, unit.id)).all().map((c) => c.regionCode);
    expect(covers.sort()).toEqual(['110105', '110108']);

    const out = await runAdmin(reviewerArgs({ email: 'Wang@Police.example.cn' }));
    expect(out).toMatch(/^已创建账号 #\d+：王警官（reviewer），手机号码 13800138000$/);
    const row = getDb().select().from(users).where(eq(users.phoneHmac, hmacPii('13800138000'))).get()!;
    expect(row).toMatchObject({ role: 'reviewer', name: '王警官', unitId: unit.id, email: 'wang@police.example.cn', status: 'active' });
    expect((await authenticate('13800138000', 'Police#2026', null)).id).toBe(row.id);

    const audit = getDb().select().from(auditLog).all().map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['unit.create', 'user.create']));
  });

  it('creates an admin without a unit', async () => {
    await runAdmin(['create-user', '--role', 'admin', '--name', '系统管理员', '--phone', '13800138001', '--password', 'Admin#2026']);
    const row = getDb().select().from(users).where(eq(users.phoneHmac, hmacPii('13800138001'))).get()!;
    expect(row).toMatchObject({ role: 'admin', unitId: null, email: null });
  });
});

describe('create-user errors', () => {
  it('unknown role', async () => {
    const before = userCount();
    expect(await rejection(reviewerArgs({ role: 'superuser', unit: null }))).toContain('--role 必须是 applicant|reviewer|admin|provider 之一');
    expect(await rejection(reviewerArgs({ role: null, unit: null }))).toContain('--role 必须是');
    expect(userCount()).toBe(before);
  });

  it('bad phone number', async () => {
    expect(await rejection(reviewerArgs({ phone: '12345678901' }))).toContain('--phone：请填写正确的手机号码');
    expect(await rejection(reviewerArgs({ phone: null }))).toContain('--phone：请填写手机号码');
  });

  it('weak or missing password', async () => {
    expect(await rejection(reviewerArgs({ password: 'abc' }))).toContain('--password：登录密码长度应为8-32位');
    expect(await rejection(reviewerArgs({ password: 'abcdefgh' }))).toContain('--password：登录密码须包含字母、数字、符号中的至少两种');
    expect(await rejection(reviewerArgs({ password: null }))).toContain('--password：请填写登录密码');
  });

  it('bad name or e-mail', async () => {
    expect(await rejection(reviewerArgs({ name: '王1' }))).toContain('--name：');
    expect(await rejection(reviewerArgs({ email: 'not-an-address' }))).toContain('--email：请填写正确的电子邮件地址');
  });

  it('reviewer without --unit', async () => {
    expect(await rejection(reviewerArgs({ unit: null }))).toContain('--unit：网安民警账号必须指定所属审核单位的区划代码');
  });

  it('unknown unit code', async () => {
    expect(await rejection(reviewerArgs({ unit: '310101' }))).toContain('--unit：区划代码 310101 没有对应的审核单位（可先用 create-unit 创建）');
  });

  it('lists every problem at once and creates nothing', async () => {
    const before = userCount();
    const msg = await rejection(['create-user', '--role', 'reviewer', '--name', '李警官', '--phone', '123', '--password', 'x']);
    expect(msg.split('\n')).toEqual([expect.stringContaining('--phone：'), expect.stringContaining('--password：'), expect.stringContaining('--unit：')]);
    expect(userCount()).toBe(before);
  });

  it('a phone number already registered', async () => {
    expect(await rejection(reviewerArgs({ name: '另一位警官' }))).toContain('该手机号码已注册');
  });

  it('an unknown option', async () => {
    await expect(runAdmin(['create-user', '--rank', 'captain'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
  });
});

describe('create-unit errors', () => {
  it('a 5-digit code', async () => {
    const before = unitCount();
    expect(await rejection(['create-unit', '--name', '某单位', '--code', '11010'])).toContain('单位区划代码无效：11010（应为6位GB/T 2260行政区划代码）');
    expect(unitCount()).toBe(before);
  });

  it('an unknown region code', async () => {
    expect(await rejection(['create-unit', '--name', '某单位', '--code', '999999'])).toContain('单位区划代码无效：999999');
  });

  it('an unknown region code in --covers', async () => {
    const before = unitCount();
    expect(await rejection(['create-unit', '--name', '海淀分局', '--code', '110108', '--covers', '110108,999998'])).toContain('管辖区划代码无效：999998');
    expect(unitCount()).toBe(before);
  });

  it('a duplicate unit code', async () => {
    expect(await rejection(['create-unit', '--name', '另一个朝阳分局', '--code', '110105'])).toContain('区划代码 110105 已有审核单位');
  });

  it('a region already covered by another unit', async () => {
    // 110108 is covered by the 朝阳 unit created above.
    expect(await rejection(['create-unit', '--name', '海淀分局', '--code', '110108'])).toContain('区划已由其他单位管辖：110108');
  });

  it('missing --name or --code', async () => {
    expect(await rejection(['create-unit', '--code', '110101'])).toContain('create-unit 需要 --name 和 --code');
    expect(await rejection(['create-unit', '--name', '东城分局'])).toContain('create-unit 需要 --name 和 --code');
  });
});

describe('disable-user / enable-user', () => {
  it('disables an account (its sessions are voided, it can no longer sign in) and enables it again', async () => {
    await runAdmin(['create-user', '--role', 'applicant', '--name', '赵敏', '--phone', '13800138009', '--password', 'Secret#2026']);
    const id = getDb().select().from(users).where(eq(users.phoneHmac, hmacPii('13800138009'))).get()!.id;

    expect(await runAdmin(['disable-user', '--phone', '13800138009'])).toBe(`已停用账号 #${id}：赵敏`);
    expect(getDb().select().from(users).where(eq(users.id, id)).get()).toMatchObject({ status: 'disabled', sessionVersion: 2 });
    await expect(authenticate('13800138009', 'Secret#2026', null)).rejects.toThrowError('该账号已停用，请联系管理员');

    expect(await runAdmin(['enable-user', '--phone', '13800138009'])).toBe(`已启用账号 #${id}：赵敏`);
    expect(getDb().select().from(users).where(eq(users.id, id)).get()).toMatchObject({ status: 'active', sessionVersion: 3 });
    expect((await authenticate('13800138009', 'Secret#2026', null)).sessionVersion).toBe(3);

    const audit = getDb().select().from(auditLog).where(eq(auditLog.objectId, String(id))).all().map((a) => [a.action, a.actorId]);
    expect(audit).toEqual(expect.arrayContaining([['user.disable', null], ['user.enable', null]]));
  });

  it('an unknown or missing phone number', async () => {
    expect(await rejection(['disable-user', '--phone', '13000000009'])).toContain('找不到手机号码为 13000000009 的账号');
    expect(await rejection(['enable-user'])).toContain('找不到手机号码为 （未填写） 的账号');
  });
});

describe('commands', () => {
  it('an unknown command', async () => {
    expect(await rejection(['frobnicate'])).toContain('未知命令：frobnicate');
  });

  it('no command', async () => {
    expect(await rejection([])).toContain('缺少命令');
  });
});

describe('unlock-user', () => {
  it('ends the login lock of an account locked by wrong passwords, so the right password works at once', async () => {
    await runAdmin(['create-user', '--role', 'reviewer', '--name', '锁定警官', '--phone', '13800138111', '--password', 'Police#2026', '--unit', '110105']);
    // Each wrong password with its 验证码 answered (asked from the third try on), so all five count.
    const solved = async () => (await solveChallenge(createChallenge(Date.now(), 20)))!;
    for (let i = 0; i < 5; i++) await expect(authenticate('13800138111', 'Wrong#2026', null, await solved())).rejects.toThrow(/账号或密码错误|账号已锁定/);
    await expect(authenticate('13800138111', 'Police#2026', null, await solved())).rejects.toThrow(/账号已锁定/);

    const out = await runAdmin(['unlock-user', '--phone', '13800138111']);
    expect(out).toMatch(/^已解除账号 #\d+：锁定警官 的登录锁定$/);
    const user = getDb().select().from(users).where(eq(users.phoneHmac, hmacPii('13800138111'))).get()!;
    expect((await authenticate('13800138111', 'Police#2026', null)).id).toBe(user.id);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, 'user.unlock')).all();
    expect(audit.map((a) => a.objectId)).toContain(String(user.id));

    expect(await runAdmin(['unlock-user', '--phone', '13800138111'])).toContain('未被锁定');
    expect(await rejection(['unlock-user', '--phone', '13999999999'])).toBe('找不到手机号码为 13999999999 的账号');
    expect(await rejection(['unlock-user'])).toBe('找不到手机号码为 （未填写） 的账号');
  });
});
