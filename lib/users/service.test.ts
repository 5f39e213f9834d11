import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, policeUnits, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/login';
import { decryptPii } from '@/lib/pii/crypto';
import { createUnit } from '@/lib/units/service';
import { changePassword, createStaffUser, createUser, findUserByIdentifier, getUserPhone, getUserProfile, listUsers, newStaffSchema, setUserStatus, setUserUnit } from './service';

type Row = Record<string, unknown>;
const rawUsers = () => getDb().$client.prepare('select * from users').all() as Row[];
const rawUser = (id: number) => rawUsers().find((r) => r.id === id)!;

/** The AppError a promise or function rejects with. */
async function caught(p: Promise<unknown> | (() => unknown)): Promise<{ message: string; code?: string; fieldErrors?: Record<string, string> }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e as never;
  }
  throw new Error('expected a rejection');
}

const base = {
  role: 'applicant' as const,
  name: '孙丽娟',
  idType: '居民身份证',
  idNumber: '11010519491231002x',
  phone: '13912345678',
  email: 'Sun@Example.com',
  password: 'Secret#2026',
};

let sunId = 0;

beforeAll(async () => {
  sunId = (await createUser(base)).id;
});

describe('createUser', () => {
  it('encrypts phone and ID number at rest and keeps only masked copies in clear', () => {
    const row = rawUser(sunId);
    const everything = JSON.stringify(rawUsers());
    expect(everything).not.toContain('13912345678');
    expect(everything).not.toContain('11010519491231002X');
    expect(everything.toUpperCase()).not.toContain('11010519491231002X');
    expect(row.phone_masked).toBe('139****5678');
    expect(row.id_number_masked).toBe('110*************2X');
    expect(row.phone_enc).toMatch(/^v1:/);
    expect(row.id_number_enc).toMatch(/^v1:/);
    expect(decryptPii(row.phone_enc as string)).toBe('13912345678');
    // The ID number is stored normalised (upper-case X).
    expect(decryptPii(row.id_number_enc as string)).toBe('11010519491231002X');
    expect(getUserPhone(sunId)).toBe('13912345678');
    // E-mail is stored lower-cased, the password only as a hash.
    expect(row.email).toBe('sun@example.com');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(everything).not.toContain('Secret#2026');
    expect(row.session_version).toBe(1);
    expect(row.status).toBe('active');
  });

  it('keeps PII out of the audit log too', () => {
    const audit = getDb().$client.prepare("select * from audit_log where action = 'user.create'").all();
    expect(audit.length).toBeGreaterThan(0);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('11010519491231002X');
  });

  it('refuses a phone number that is already registered', async () => {
    const e = await caught(createUser({ ...base, idNumber: '110105194912310011', email: 'other1@example.com' }));
    expect(e).toMatchObject({ code: 'conflict', message: '该手机号码已注册', fieldErrors: { phone: '该手机号码已注册' } });
    expect(Object.keys(e.fieldErrors!)).toEqual(['phone']);
  });

  it('refuses an ID number that is already registered, whatever the case of X', async () => {
    const e = await caught(createUser({ ...base, phone: '13912345679', idNumber: '11010519491231002X', email: 'other2@example.com' }));
    expect(e).toMatchObject({ code: 'conflict', fieldErrors: { idNumber: '该证件号码已注册' } });
    expect(Object.keys(e.fieldErrors!)).toEqual(['idNumber']);
  });

  it('refuses an e-mail address that is already registered, whatever its case', async () => {
    const e = await caught(createUser({ ...base, phone: '13912345670', idNumber: '110105194912310011', email: 'SUN@example.COM' }));
    expect(e).toMatchObject({ code: 'conflict', fieldErrors: { email: '该电子邮件地址已注册' } });
    expect(Object.keys(e.fieldErrors!)).toEqual(['email']);
  });

  it('reports every clash at once and creates nothing', async () => {
    const before = rawUsers().length;
    const e = await caught(createUser(base));
    expect(e.fieldErrors).toEqual({ phone: '该手机号码已注册', idNumber: '该证件号码已注册', email: '该电子邮件地址已注册' });
    expect(rawUsers().length).toBe(before);
  });

  it('refuses an unknown unit', async () => {
    const e = await caught(createUser({ ...base, role: 'reviewer', phone: '13700001111', idNumber: null, email: null, unitId: 4242 }));
    expect(e).toMatchObject({ code: 'invalid', message: '审核单位不存在' });
  });

  it('creates accounts without ID number or e-mail, and several of them', async () => {
    const unit = getDb().insert(policeUnits).values({ name: '北京市公安局朝阳分局', code: '110105', createdAt: Date.now() }).returning().get();
    const a = await createUser({ role: 'reviewer', name: '王五', phone: '13700002222', password: 'Secret#2026', unitId: unit.id });
    const b = await createUser({ role: 'reviewer', name: '赵六', phone: '13700003333', password: 'Secret#2026', unitId: unit.id, phoneVerified: true });
    expect(getUserProfile(a.id)).toMatchObject({ role: 'reviewer', unitId: unit.id, idNumberMasked: null, email: null, phoneVerifiedAt: null });
    expect(getUserProfile(b.id)!.phoneVerifiedAt).toEqual(expect.any(Number));
  });

  it('is found by each login identifier', () => {
    expect(findUserByIdentifier('13912345678')?.id).toBe(sunId);
    expect(findUserByIdentifier('11010519491231002x')?.id).toBe(sunId);
    expect(findUserByIdentifier(' SUN@example.com ')?.id).toBe(sunId);
    expect(findUserByIdentifier('13900000000')).toBeUndefined();
  });
});

describe('getUserProfile', () => {
  it('returns masked PII only, never ciphertext or the password hash', () => {
    const p = getUserProfile(sunId)!;
    expect(p).toMatchObject({ id: sunId, name: '孙丽娟', phoneMasked: '139****5678', idNumberMasked: '110*************2X', email: 'sun@example.com', idType: '居民身份证' });
    for (const k of ['phoneEnc', 'idNumberEnc', 'passwordHash', 'phoneHmac', 'idNumberHmac']) expect(p).not.toHaveProperty(k);
    const text = JSON.stringify(p);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('v1:');
    expect(text).not.toContain('scrypt');
  });

  it('is undefined for an unknown user', () => {
    expect(getUserProfile(987_654)).toBeUndefined();
  });
});

describe('changePassword', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const { id } = await createUser({ role: 'applicant', name: '周七', phone: '13600001111', password: 'Secret#2026' });
    const e = await caught(changePassword(id, 'NotMine#1', 'Another#2027'));
    expect(e).toMatchObject({ message: '当前密码不正确', fieldErrors: { currentPassword: '当前密码不正确' } });
    expect(rawUser(id).session_version).toBe(1);
    expect((await authenticate('13600001111', 'Secret#2026', null)).id).toBe(id);
  });

  it('with the right password: bumps session_version, the new password works and the old one no longer does', async () => {
    const { id } = await createUser({ role: 'applicant', name: '吴八', phone: '13600002222', password: 'Secret#2026' });
    await changePassword(id, 'Secret#2026', 'Another#2027');
    expect(rawUser(id).session_version).toBe(2);
    const r = await authenticate('13600002222', 'Another#2027', null);
    expect(r).toMatchObject({ id, sessionVersion: 2 });
    await expect(authenticate('13600002222', 'Secret#2026', null)).rejects.toThrowError(/^账号或密码错误/);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, 'user.password_change')).all();
    expect(audit.map((a) => a.objectId)).toContain(String(id));
  });

  it('refuses an unknown user', async () => {
    expect(await caught(changePassword(555_555, 'x', 'y'))).toMatchObject({ code: 'not_found', message: '用户不存在' });
  });

  it('throttles guesses of the current password like logins: the 5th wrong one locks, the right one is then refused, and so is the login', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 0, 0)); // 09:00 Beijing time
    try {
      const { id } = await createUser({ role: 'applicant', name: '钱十', phone: '13600003333', password: 'Secret#2026' });
      for (let i = 0; i < 4; i++) expect(await caught(changePassword(id, `Guess#${i}000`, 'Another#2027'))).toMatchObject({ message: '当前密码不正确' });
      const locked = '密码错误次数过多，请于 2026-03-02 09:15 后重试';
      expect(await caught(changePassword(id, 'Guess#5000', 'Another#2027'))).toMatchObject({ message: locked, fieldErrors: { currentPassword: locked } });
      expect(await caught(changePassword(id, 'Secret#2026', 'Another#2027'))).toMatchObject({ message: locked });
      expect(rawUser(id).session_version).toBe(1);
      await expect(authenticate('13600003333', 'Secret#2026', null)).rejects.toThrow('登录失败次数过多，账号已锁定，请于 2026-03-02 09:15 后重试');
      vi.setSystemTime(Date.UTC(2026, 2, 2, 1, 15, 1));
      await changePassword(id, 'Secret#2026', 'Another#2027');
      expect(rawUser(id).session_version).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('setUserStatus', () => {
  it('bumps session_version and writes an audit row each time', async () => {
    const admin = await createUser({ role: 'admin', name: '管理员', phone: '13500001111', password: 'Secret#2026' });
    const { id } = await createUser({ role: 'applicant', name: '郑九', phone: '13500002222', password: 'Secret#2026' });

    setUserStatus(id, 'disabled', admin.id);
    expect(rawUser(id)).toMatchObject({ status: 'disabled', session_version: 2 });
    setUserStatus(id, 'active', admin.id);
    expect(rawUser(id)).toMatchObject({ status: 'active', session_version: 3 });

    const audit = getDb().select().from(auditLog).where(eq(auditLog.objectId, String(id))).all().filter((a) => a.objectType === 'user' && a.action !== 'user.create');
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ['user.disable', admin.id, { status: 'active' }, { status: 'disabled' }],
      ['user.enable', admin.id, { status: 'disabled' }, { status: 'active' }],
    ]);
    expect(getDb().select().from(users).where(eq(users.id, id)).get()!.sessionVersion).toBe(3);
  });

  it('refuses an unknown user and writes nothing', async () => {
    const before = getDb().select().from(auditLog).all().length;
    expect(await caught(() => setUserStatus(444_444, 'disabled', sunId))).toMatchObject({ code: 'not_found', message: '用户不存在' });
    expect(getDb().select().from(auditLog).all().length).toBe(before);
  });

  it('refuses to disable oneself and to repeat a change (a double click), writing nothing', async () => {
    const admin = await createUser({ role: 'admin', name: '自己', phone: '13500003333', password: 'Secret#2026' });
    const before = getDb().select().from(auditLog).all().length;
    expect(await caught(() => setUserStatus(admin.id, 'disabled', admin.id))).toMatchObject({ code: 'forbidden', message: '不能停用自己的账号' });
    expect(await caught(() => setUserStatus(admin.id, 'active', sunId))).toMatchObject({ code: 'conflict', message: '该账号已是正常状态' });
    setUserStatus(admin.id, 'disabled', sunId);
    expect(await caught(() => setUserStatus(admin.id, 'disabled', sunId))).toMatchObject({ code: 'conflict', message: '该账号已是停用状态' });
    expect(rawUser(admin.id)).toMatchObject({ status: 'disabled', session_version: 2 });
    expect(getDb().select().from(auditLog).all().length).toBe(before + 1);
  });
});

describe('newStaffSchema / createStaffUser', () => {
  const issues = (v: object) => {
    const r = newStaffSchema.safeParse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('checks 姓名, 手机号码 and 初始密码 with the registration rules, and the unit of a 网安民警', () => {
    expect(issues({ role: 'reviewer', name: '张三', phone: '13700005555', password: 'Police#2026', confirmPassword: 'Police#2026', unitId: 1 })).toEqual({});
    expect(issues({ role: 'applicant', name: '张', phone: '123', password: 'short', confirmPassword: 'other', unitId: null })).toEqual({
      role: '请选择角色',
      name: '姓名长度应为2-30个字符',
      phone: expect.any(String),
      password: '初始密码长度应为8-32位',
      confirmPassword: '两次输入的密码不一致',
    });
    expect(issues({ role: 'reviewer', name: '张三', phone: '13700005555', password: 'abcdefgh' })).toEqual({
      password: '初始密码须包含字母、数字、符号中的至少两种',
      unitId: '网安民警账号须选择审核单位',
    });
  });

  it('creates a reviewer in a unit, unverified, audited with the admin as actor; other roles get no unit', async () => {
    const unit = createUnit({ name: '大兴分局网安大队', code: '110115' }, null);
    const admin = await createUser({ role: 'admin', name: '管理员乙', phone: '13500004444', password: 'Secret#2026' });
    const r = await createStaffUser({ role: 'reviewer', name: '钱警官', phone: '13700006666', password: 'Police#2026', confirmPassword: 'Police#2026', unitId: unit.id }, { actorId: admin.id });
    expect(getUserProfile(r.id)).toMatchObject({ role: 'reviewer', unitId: unit.id, phoneVerifiedAt: null, status: 'active' });
    const p = await createStaffUser({ role: 'provider', name: '孙经理', phone: '13700007777', password: 'Police#2026', unitId: unit.id }, { actorId: admin.id });
    expect(getUserProfile(p.id)!.unitId).toBeNull();
    const audit = getDb().select().from(auditLog).where(eq(auditLog.objectId, String(r.id))).all();
    expect(audit).toEqual([expect.objectContaining({ action: 'user.create', actorId: admin.id, after: { role: 'reviewer', name: '钱警官', unitId: unit.id } })]);
    const e = await caught(createStaffUser({ role: 'admin', name: '重复', phone: '13700006666', password: 'Police#2026' }, { actorId: admin.id }));
    expect(e).toMatchObject({ code: 'conflict', fieldErrors: { phone: '该手机号码已注册' } });
    const bad = await caught(createStaffUser({ role: 'reviewer', name: '钱', phone: '1', password: 'x' }, { actorId: admin.id }));
    expect(bad).toMatchObject({ code: 'invalid' });
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual(['name', 'password', 'phone', 'unitId']);
  });
});

describe('listUsers', () => {
  let unitA = 0;
  let unitB = 0;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    unitA = createUnit({ name: '怀柔分局网安大队', code: '110116' }, null).id;
    unitB = createUnit({ name: '平谷分局网安大队', code: '110117' }, null).id;
    ids.a1 = (await createUser({ role: 'reviewer', name: '列表甲', phone: '13300000001', password: 'Secret#2026', unitId: unitA })).id;
    ids.a2 = (await createUser({ role: 'reviewer', name: '列表乙', phone: '13300000002', password: 'Secret#2026', unitId: unitA, phoneVerified: true })).id;
    ids.b1 = (await createUser({ role: 'reviewer', name: '列表丙', phone: '13300000003', password: 'Secret#2026', unitId: unitB })).id;
    ids.p = (await createUser({ role: 'provider', name: '列表丁', phone: '13300000004', password: 'Secret#2026' })).id;
    setUserStatus(ids.a1, 'disabled', null);
  });
  const names = (r: ReturnType<typeof listUsers>) => r.rows.map((x) => x.name);

  it('filters by 角色, 审核单位, 状态 and 姓名, newest first', () => {
    expect(names(listUsers({ keyword: '列表' }))).toEqual(['列表丁', '列表丙', '列表乙', '列表甲']);
    expect(names(listUsers({ keyword: '列表', role: 'reviewer' }))).toEqual(['列表丙', '列表乙', '列表甲']);
    expect(names(listUsers({ unitId: unitA }))).toEqual(['列表乙', '列表甲']);
    expect(names(listUsers({ unitId: unitA, status: 'active' }))).toEqual(['列表乙']);
    expect(names(listUsers({ keyword: '列表', status: 'disabled' }))).toEqual(['列表甲']);
    expect(listUsers({ keyword: '丙' }).rows).toEqual([
      expect.objectContaining({ id: ids.b1, role: 'reviewer', unitId: unitB, unitName: '平谷分局网安大队', phoneMasked: '133****0003', phoneVerifiedAt: null, status: 'active' }),
    ]);
    expect(listUsers({ keyword: '%' }).total).toBe(0);
  });

  it('finds a full phone number exactly through its HMAC, and never returns PII beyond the masked copy', () => {
    const r = listUsers({ keyword: ' 13300000002 ' });
    expect(r.total).toBe(1);
    expect(r.rows[0]).toMatchObject({ id: ids.a2, phoneMasked: '133****0002', phoneVerifiedAt: expect.any(Number) });
    // Part of a number matches nothing: numbers are only stored encrypted.
    expect(listUsers({ keyword: '1330000000' }).total).toBe(0);
    expect(listUsers({ keyword: '13300000009' }).total).toBe(0);
    const text = JSON.stringify(listUsers({ keyword: '列表' }));
    expect(text).not.toContain('13300000002');
    expect(text).not.toContain('v1:');
    expect(text).not.toContain('scrypt');
  });

  it('pages 20 at a time', () => {
    const all = listUsers({});
    expect(all.pageSize).toBe(20);
    expect(all.rows.length).toBe(Math.min(20, all.total));
    expect(listUsers({ page: 2 }).rows.length).toBe(Math.max(0, Math.min(20, all.total - 20)));
  });

  describe('setUserUnit', () => {
    it('moves a reviewer to another unit, audited', () => {
      setUserUnit(ids.a2, unitB, sunId);
      expect(getUserProfile(ids.a2)!.unitId).toBe(unitB);
      const audit = getDb().select().from(auditLog).where(eq(auditLog.action, 'user.set_unit')).all();
      expect(audit).toEqual([
        expect.objectContaining({
          actorId: sunId,
          objectType: 'user',
          objectId: String(ids.a2),
          before: { unitId: unitA, unitName: '怀柔分局网安大队' },
          after: { unitId: unitB, unitName: '平谷分局网安大队' },
        }),
      ]);
      // Unchanged: nothing to record.
      setUserUnit(ids.a2, unitB, sunId);
      expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'user.set_unit')).all()).toHaveLength(1);
      expect(names(listUsers({ unitId: unitB }))).toEqual(['列表丙', '列表乙']);
    });

    it('refuses a non-reviewer, an unknown unit and an unknown user', async () => {
      expect(await caught(() => setUserUnit(ids.p, unitA, sunId))).toMatchObject({ code: 'invalid', message: '只有网安民警账号属于审核单位' });
      expect(await caught(() => setUserUnit(ids.b1, 424_242, sunId))).toMatchObject({ code: 'invalid', fieldErrors: { unitId: '审核单位不存在' } });
      expect(await caught(() => setUserUnit(424_242, unitA, sunId))).toMatchObject({ code: 'not_found' });
      expect(getUserProfile(ids.b1)!.unitId).toBe(unitB);
    });
  });
});
