import { describe, it, expect, beforeAll } from 'vitest';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { subjects, websites, policeUnits, users, applications, legacyFilings, unfiledWebsites } from '@/db/schema';
import { listQueue } from '@/lib/review/service';
import { seedDemo, isSeeded, DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsTable } from '.';
import { subjectSchema } from '@/lib/subjects/schemas';
import { unsealSubject, type StoredSubject } from '@/lib/subjects/pii';
import { authenticate } from '@/lib/auth/login';

beforeAll(async () => {
  expect(isSeeded()).toBe(false);
  await seedDemo();
});

describe('demo seed', () => {
  it('imports 未备案网站 (张伟’s company’s pushed, another 待推送) and three 旧备案 through the import service', () => {
    const unfiled = getDb().select().from(unfiledWebsites).all();
    expect(unfiled.map((r) => [r.name, r.pushedAt !== null])).toEqual([
      ['云帆活动报名站', true],
      ['星河商城', false],
    ]);
    const pushedTo = getDb().select().from(subjects).where(eq(subjects.id, unfiled[0]!.matchedSubjectId!)).get()!;
    expect(pushedTo.name).toBe('北京云帆网络科技有限公司');
    expect(getDb().select().from(legacyFilings).all().map((l) => l.oldNumber)).toEqual([
      '京公网安备11010502900001号',
      '京公网安备11010502900002号',
      '京公网安备11010802900003号',
    ]);
  });

  it('creates the office, one unit per Beijing district and the filed websites', () => {
    const units = getDb().select().from(policeUnits).all();
    expect(units).toHaveLength(17);
    expect(units.find((u) => u.isDefault)?.name).toBe('北京市公安局网安总队');
    expect(units.map((u) => u.name)).toContain('朝阳分局网安大队');
    const sites = getDb().select().from(websites).where(eq(websites.status, '已备案')).all();
    expect(sites.length).toBeGreaterThanOrEqual(3);
    expect(sites.every((s) => /^\d{6}02\d{6}$/.test(s.filingDigits ?? ''))).toBe(true);
  });

  it('stores demo subjects as complete, valid subjects (so 变更主体 works on them)', () => {
    for (const s of getDb().select().from(subjects).all()) {
      const parsed = subjectSchema.safeParse(unsealSubject(s.data as unknown as StoredSubject));
      expect(parsed.success, `${s.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('files the demo websites through the real submission and review (full data, filing numbers of the right unit, approved applications)', () => {
    const rows = getDb().select().from(websites).where(eq(websites.status, '已备案')).all();
    const unitCode = (id: number | null) => getDb().select().from(policeUnits).where(eq(policeUnits.id, id ?? 0)).get()?.code;
    const filed = rows.map((w) => ({ name: w.name, filingNumber: w.filingNumber, digits: w.filingDigits, unit: unitCode(w.filingUnitId), dataName: (w.data as { basic?: { name: string } }).basic?.name }));
    expect(filed.sort((a, b) => a.filingNumber!.localeCompare(b.filingNumber!))).toEqual([
      { name: '云帆科技官网', filingNumber: '京公网安备11010502000001号', digits: '11010502000001', unit: '110105', dataName: '云帆科技官网' },
      { name: '云帆开发者文档中心', filingNumber: '京公网安备11010502000002号', digits: '11010502000002', unit: '110105', dataName: '云帆开发者文档中心' },
      { name: '陈静摄影作品集', filingNumber: '京公网安备11010802000001号', digits: '11010802000001', unit: '110108', dataName: '陈静摄影作品集' },
    ]);
    // Each went through the review: its 新办网站 application is 通过.
    for (const w of rows) {
      const apps = getDb().select().from(applications).where(eq(applications.websiteId, w.id)).all();
      expect(apps.map((a) => [a.type, a.status]), w.name).toEqual([['新办网站', '通过']]);
    }
  });

  it('leaves a subject and its first website waiting in 朝阳分局网安大队’s queue', () => {
    const reviewer = getDb().select().from(users).where(eq(users.name, '李明')).get()!;
    const q = listQueue({ id: reviewer.id, role: 'reviewer', unitId: reviewer.unitId, phoneVerified: true });
    expect(q.rows.map((r) => [r.type, r.subjectName, r.websiteName])).toEqual([
      ['新增主体', '王芳', null],
      ['新办网站', '王芳', '王芳的烘焙日记'],
    ]);
    const decided = getDb().select().from(applications).where(eq(applications.status, '通过')).all();
    expect(decided.every((a) => a.decidedBy !== null)).toBe(true);
  });

  it('every printed demo account can log in with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const u = await authenticate(a.phone, DEMO_PASSWORD, null);
      expect(u.name).toBe(a.name);
    }
  });

  it('the demo 法人 account logs in by its 统一社会信用代码 and carries its organisation for 同当前账号信息', async () => {
    const { legalAccountOf } = await import('@/lib/users/accounts');
    const legal = DEMO_ACCOUNTS.find((a) => 'creditCode' in a)!;
    const creditCode = 'creditCode' in legal ? legal.creditCode : '';
    const u = await authenticate(creditCode, DEMO_PASSWORD, null);
    expect(legalAccountOf(u.id)).toMatchObject({ orgName: '北京长城文旅科技有限公司', creditCode, legalType: '企业法人', repName: '赵长城', validTo: null });
    expect(demoAccountsTable()).toContain(`统一社会信用代码 ${creditCode}`);
  });
});

describe('demo 数据码', () => {
  it('links 刘洋 to a directory 接入服务商 and issues one code matching 陈静 by phone and 证件号码', async () => {
    const { dataCodes } = await import('@/db/schema');
    const { hmacPii } = await import('@/lib/pii/crypto');
    const { providerOfAccount } = await import('@/lib/service-providers/accounts');
    const liu = getDb().select().from(users).where(eq(users.phoneHmac, hmacPii('13800000004'))).get()!;
    expect(providerOfAccount(liu.id)).toMatchObject({ source: 'directory', name: '北京世纪互联宽带数据中心有限公司', filed: true });
    const chen = DEMO_ACCOUNTS.find((a) => a.phone === '13800000006')!;
    const codes = getDb().select().from(dataCodes).all();
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ providerUserId: liu.id, subjectName: '陈静', websiteCount: 2, phoneHmac: hmacPii('13800000006'), idHmac: hmacPii('idNumber' in chen ? chen.idNumber : ''), boundAt: null, revokedAt: null });
  });
});
