/**
 * /admin/imports through the real services (SPEC §8.2, §8.3): all-or-nothing, preview, 旧备案号
 * collisions, the allocator stepping over imported numbers, the push of 未备案网站 at import and
 * at subject approval (lib/review/service decideApplication), deadline and 已逾期, 已备案 on filing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, imports, legacyFilings, notifications, subjects, unfiledWebsites, websites } from '@/db/schema';
import { idWithCheck, makeApplicant, personSubjectInput, seedUnits, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject, submitSubjectChange } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { overdueUnfiled } from '@/lib/review/stats';
import { createUnit } from '@/lib/units/service';
import { addWorkingDays } from '@/lib/workdays';
import type { Actor } from '@/lib/auth/policy';
import { importFile, importFileAs, listLegacy, listPushedForSubject, listUnfiled, previewImport, previewImportAs, unfiledForOwner } from './service';
import { sendUnfiledOverdueNotices, unfiledState } from './unfiled';

const HEAD = '网站名称,域名,证件类型,证件号码,发现日期';
const LHEAD = '旧备案号,网站名称,域名,开办主体名称,证件类型,证件号码,负责人手机号码,备案时间';
const bytes = (s: string) => new TextEncoder().encode(s);
const db = () => getDb();

let reviewer: Actor;
let admin: Actor;
let chaoyangId: number;
let otherUnitId: number;
let n = 0;

beforeAll(async () => {
  const units = seedUnits();
  chaoyangId = units.chaoyang.id;
  otherUnitId = createUnit({ name: '海淀分局网安大队', code: '110108' }, null).id;
  const r = await createUser({ role: 'reviewer', name: '李明', phone: '13566669001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id: r.id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13566669002', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});

/** A fresh applicant with a 个人 subject (principal ID `idNumber`) and a website bundled with it. */
async function bundle(idNumber: string) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalIdNumber: idNumber, principalPhone: `1356666${String(++n).padStart(4, '0')}` }) });
  const domain = `unfiled${++n}.com.cn`;
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain }));
  return { user: u, domain: `www.${domain}`, subjectId: s.subjectId, subjectAppId: s.applicationId, websiteAppId: w.applicationId, websiteId: w.websiteId };
}

const uniqueId = () => idWithCheck(`11010519800101${String(++n).padStart(3, '0')}`);

describe('旧备案 import and the filing-number allocator', () => {
  it('never hands out an imported number: after 11010502000001..3 the next websites of 110105 get …000004 on', async () => {
    const csv = [LHEAD, ...[1, 2, 3].map((i) => `1101050200000${i},旧站${i},old${i}.example.com,旧主体${i},居民身份证,${uniqueId()},1380000000${i},2015-03-0${i}`)].join('\n');
    const r = importFile(admin.id, '旧备案', 'legacy.csv', bytes(csv));
    expect(r).toMatchObject({ ok: true, count: 3 });
    expect(listLegacy().rows.map((x) => [x.oldNumber, x.state])).toEqual([
      ['京公网安备11010502000003号', '待认领'],
      ['京公网安备11010502000002号', '待认领'],
      ['京公网安备11010502000001号', '待认领'],
    ]);
    const stored = db().select().from(legacyFilings).where(eq(legacyFilings.oldDigits, '11010502000001')).get()!;
    expect(stored.principalPhoneMasked).toBe('138****0001');
    expect(stored.principalPhoneEnc).not.toContain('13800000001');

    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const b = await bundle(uniqueId());
      decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
      decideApplication(reviewer, b.websiteAppId, { decision: '通过' });
      numbers.push(db().select().from(websites).where(eq(websites.id, b.websiteId)).get()!.filingNumber!);
    }
    expect(numbers).toEqual(['京公网安备11010502000004号', '京公网安备11010502000005号', '京公网安备11010502000006号']);
    expect(db().select().from(auditLog).where(eq(auditLog.action, 'import.legacy')).all()).toHaveLength(1);
  });

  it('refuses a 旧备案号 already used by a website or an earlier import, and writes nothing', () => {
    const before = db().select().from(imports).all().length;
    const csv = [
      LHEAD,
      `11010502000002,重复,dup.example.com,某主体,居民身份证,${uniqueId()},13800000009,2016-01-01`,
      `京公网安备11010502000004号,已分配,dup2.example.com,某主体,居民身份证,${uniqueId()},13800000009,2016-01-01`,
      `11010502000099,新的,dup3.example.com,某主体,居民身份证,${uniqueId()},13800000009,2016-01-01`,
    ].join('\n');
    const r = importFile(admin.id, '旧备案', 'dup.csv', bytes(csv));
    expect(r).toEqual({ ok: false, errors: [{ line: 2, message: '旧备案号已被使用' }, { line: 3, message: '旧备案号已被使用' }] });
    expect(db().select().from(imports).all()).toHaveLength(before);
    expect(db().select().from(legacyFilings).where(eq(legacyFilings.oldDigits, '11010502000099')).get()).toBeUndefined();
  });
});

describe('未备案网站 import', () => {
  it('imports nothing when one line is bad, and previews the rows or the errors', () => {
    const before = db().select().from(unfiledWebsites).all().length;
    const good = `好站,good.example.com,居民身份证,${uniqueId()},2026-01-05`;
    const csv = [HEAD, good, `坏站,bad.example.com,居民身份证,110105198001019999,2026-01-05`].join('\n');
    const p = previewImport('未备案网站', bytes(csv));
    expect(p).toEqual({ ok: false, errors: [{ line: 3, message: '证件号码格式不正确' }] });
    const r = importFile(admin.id, '未备案网站', 'bad.csv', bytes(csv));
    expect(r.ok).toBe(false);
    expect(db().select().from(unfiledWebsites).all()).toHaveLength(before);
    expect(db().select().from(imports).where(eq(imports.kind, '未备案网站')).all()).toHaveLength(0);

    const ok = previewImport('未备案网站', bytes(`\uFEFF${HEAD}\r\n${good}\r\n`));
    expect(ok).toMatchObject({ ok: true, total: 1, rows: [{ line: 2, cells: ['好站', 'good.example.com', '居民身份证', expect.stringMatching(/^110\*+\d\w$/), '2026-01-05'] }] });
  });

  it('is for admins only (policy): an applicant is refused', async () => {
    const u = await makeApplicant();
    const applicant: Actor = { id: u.id, role: 'applicant', unitId: null, phoneVerified: true };
    const csv = bytes([HEAD, `站,x.example.com,居民身份证,${uniqueId()},2026-01-05`].join('\n'));
    expect(() => importFileAs(applicant, '未备案网站', 'x.csv', csv)).toThrow('您没有权限执行此操作');
    expect(() => previewImportAs(applicant, '未备案网站', csv)).toThrow('您没有权限执行此操作');
    expect(db().select().from(unfiledWebsites).where(eq(unfiledWebsites.domainAscii, 'x.example.com')).get()).toBeUndefined();
  });

  it('pushes at import to an existing 有效 subject (deadline 30 working days), not to a 待审核 one', async () => {
    const id = uniqueId();
    const b = await bundle(id);
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    const pendingId = uniqueId();
    const pending = await bundle(pendingId);
    const now = Date.UTC(2026, 8, 20, 2); // 2026-09-20 10:00 Beijing, before the 国庆 holidays
    const csv = [HEAD, `张伟的博客,blog${n}.example.com,居民身份证,${id},2026-09-01`, `待审主体的站,pend${n}.example.com,居民身份证,${pendingId},2026-09-01`].join('\n');
    const r = importFile(admin.id, '未备案网站', 'u.csv', bytes(csv), now);
    expect(r).toMatchObject({ ok: true, count: 2, pushed: 1 });
    const pushed = listPushedForSubject(b.subjectId, now);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ name: '张伟的博客', state: '已推送', pushedAt: now, deadline: addWorkingDays(now, 30).getTime() });
    expect(listPushedForSubject(pending.subjectId, now)).toEqual([]);
    const notice = db().select().from(notifications).where(eq(notifications.userId, b.user.id)).all().find((x) => x.event === '未备案网站');
    expect(notice).toMatchObject({ title: '您有未备案网站需办理备案', link: '/my/unfiled' });
    expect(notice!.body).toContain('张伟的博客');
    expect(unfiledForOwner(b.user.id, pushed[0]!.id)).toMatchObject({ name: '张伟的博客' });
    expect(unfiledForOwner(pending.user.id, pushed[0]!.id)).toBeNull();
    // The row stores no 证件号码 in clear.
    const row = db().select().from(unfiledWebsites).where(eq(unfiledWebsites.id, pushed[0]!.id)).get()!;
    expect(JSON.stringify(row)).not.toContain(id);

    // Past the deadline: 已逾期 in the lists, and the job tells the applicant once.
    const late = pushed[0]!.deadline! + 1;
    expect(unfiledState(row, late)).toBe('已逾期');
    expect(listUnfiled({ state: '已逾期' }, late).rows.map((x) => x.id)).toContain(row.id);
    expect(listUnfiled({ state: '待推送' }, late).rows.map((x) => x.name)).toContain('待审主体的站');
    // The reviewers' dashboard: the unit of the subject sees it, another unit does not, admins see all.
    expect(overdueUnfiled({ unitId: chaoyangId }, late).rows.map((x) => x.name)).toContain('张伟的博客');
    expect(overdueUnfiled({ unitId: otherUnitId }, late).total).toBe(0);
    expect(overdueUnfiled({ unitId: null }, late).total).toBeGreaterThanOrEqual(1);
    expect(overdueUnfiled({ unitId: null }, now).total).toBe(0);
    expect(sendUnfiledOverdueNotices(late)).toBe(1);
    expect(sendUnfiledOverdueNotices(late + 86_400_000)).toBe(0);
    expect(db().select().from(notifications).where(eq(notifications.userId, b.user.id)).all().filter((x) => x.event === '未备案网站.逾期')).toHaveLength(1);

    // The subject approved later gets its row pushed through the real approval path.
    decideApplication(reviewer, pending.subjectAppId, { decision: '通过' });
    expect(listPushedForSubject(pending.subjectId).map((x) => x.state)).toEqual(['已推送']);
  });

  it('pushes to an approved subject whose 变更主体 is pending (变更中): it is still the filed subject', async () => {
    const id = uniqueId();
    const b = await bundle(id);
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    decideApplication(reviewer, b.websiteAppId, { decision: '通过' });
    const data = await personSubjectInput(b.user.id, { principalIdNumber: id, principalPhone: `1356666${String(++n).padStart(4, '0')}`, principalAddress: '朝阳北路200号院1号楼' });
    submitSubjectChange(b.user.id, b.subjectId, { data });
    expect(db().select().from(subjects).where(eq(subjects.id, b.subjectId)).get()!.status).toBe('变更中');
    const csv = [HEAD, `变更中主体的站,chg${n}.example.com,居民身份证,${id},2026-09-01`].join('\n');
    expect(importFile(admin.id, '未备案网站', 'c.csv', bytes(csv))).toMatchObject({ ok: true, count: 1, pushed: 1 });
    expect(listPushedForSubject(b.subjectId).map((x) => [x.name, x.state])).toEqual([['变更中主体的站', '已推送']]);
  });

  it('makes the row 已备案 when a website with its domain is filed, and imports an already filed domain as 已备案', async () => {
    const id = uniqueId();
    const b = await bundle(id);
    const csv = [HEAD, `待备案的站,${b.domain},居民身份证,${id},2026-01-05`].join('\n');
    expect(importFile(admin.id, '未备案网站', 'f.csv', bytes(csv))).toMatchObject({ ok: true, pushed: 0, filed: 0 });
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    decideApplication(reviewer, b.websiteAppId, { decision: '通过' });
    const row = db().select().from(unfiledWebsites).where(eq(unfiledWebsites.domainAscii, b.domain)).get()!;
    expect(row.filedWebsiteId).toBe(b.websiteId);
    expect(unfiledState(row, Date.now())).toBe('已备案');

    const again = importFile(admin.id, '未备案网站', 'g.csv', bytes([HEAD, `又一次,${b.domain.toUpperCase()},居民身份证,${uniqueId()},2026-01-06`].join('\n')));
    expect(again).toMatchObject({ ok: true, filed: 1 });
    expect(listUnfiled({ state: '已备案' }).rows.map((x) => x.name)).toContain('又一次');
  });
});
