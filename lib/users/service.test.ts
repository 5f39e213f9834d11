import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, policeUnits, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/login';
import { decryptPii } from '@/lib/pii/crypto';
import { changePassword, createUser, findUserByIdentifier, getUserPhone, getUserProfile, setUserStatus } from './service';

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
});
