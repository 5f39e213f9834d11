import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, filingSequences, legacyFilings, unfiledWebsites, websites } from '@/db/schema';
import { importFile } from '@/lib/imports/service';
import { beijingDate } from '@/lib/time';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, lastSmsCode, idWithCheck } from '@/lib/test/fixtures';
import { insertLegacyFiling } from '@/lib/test/legacy-fixture';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { getPublicFiling, getPublicLegacyFiling } from '@/lib/public/filings';
import { searchFilings } from '@/lib/public/search';
import type { Actor } from '@/lib/auth/policy';
import { claimableFor, linkOldAccount, myClaims, overdueClaims, requestClaimCode, verifyClaimCode, verifyOldAccount } from './service';

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let seq = 0;

beforeAll(async () => {
  units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13771110001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
});

const legacyRow = (id: number) => getDb().select().from(legacyFilings).where(eq(legacyFilings.id, id)).get()!;
const chaoyangSeq = () => getDb().select().from(filingSequences).where(eq(filingSequences.unitId, units.chaoyang.id)).get()?.seq ?? 0;

/** An applicant whose 个人 subject (朝阳) is 有效, with the principal's 证件号码. */
async function applicantWithSubject() {
  const u = await makeApplicant();
  const idNumber = idWithCheck(`11010519800101${String(++seq).padStart(3, '0')}`);
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalIdNumber: idNumber, principalPhone: `1357111${String(seq).padStart(4, '0')}` }) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: `claims-first${seq}.com.cn` }));
  decideApplication(reviewer, s.applicationId, { decision: '通过' });
  return { user: u, subjectId: s.subjectId, idNumber, firstWebsiteAppId: w.applicationId };
}

describe('可认领的网站', () => {
  it('lists the free legacy filings of the 证件号码 of the user’s 有效 subjects, matched by HMAC', async () => {
    const a = await applicantWithSubject();
    const mine = insertLegacyFiling({ certNumber: a.idNumber, certType: '居民身份证', name: '张伟旧站' });
    insertLegacyFiling({ name: '别人的旧站' });
    expect(claimableFor(a.user.id).map((r) => r.name)).toEqual(['张伟旧站']);
    expect(claimableFor(a.user.id)[0]).toMatchObject({ oldNumber: mine.oldNumber, domain: mine.domain });
  });
});

describe('按旧备案号认领', () => {
  it('sends the code to the phone on record and makes the filing claimable with the right code', async () => {
    const a = await applicantWithSubject();
    const row = insertLegacyFiling({ phone: '13800100006' });
    expect(claimableFor(a.user.id)).toEqual([]);
    const now = Date.now();
    expect(await requestClaimCode(a.user.id, `京公网安备 ${row.oldDigits} 号`, now)).toEqual({ message: '验证码已发送至138****0006' });
    expect(() => verifyClaimCode(a.user.id, row.oldNumber, '000000', now)).toThrow(/验证码错误，还可尝试 4 次|验证码错误/);
    verifyClaimCode(a.user.id, row.oldNumber, lastSmsCode('13800100006'), now);
    expect(claimableFor(a.user.id).map((r) => r.id)).toEqual([row.id]);
    expect(legacyRow(row.id).claimableUserId).toBe(a.user.id);
  });

  it('burns the code after 5 wrong tries, and refuses unknown numbers', async () => {
    const a = await applicantWithSubject();
    const row = insertLegacyFiling({ phone: '13800100007' });
    const now = Date.now();
    await requestClaimCode(a.user.id, row.oldNumber, now);
    const right = lastSmsCode('13800100007');
    const wrong = right === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) expect(() => verifyClaimCode(a.user.id, row.oldNumber, wrong, now)).toThrow('验证码错误');
    expect(() => verifyClaimCode(a.user.id, row.oldNumber, wrong, now)).toThrow('验证码错误次数过多，请重新获取');
    expect(() => verifyClaimCode(a.user.id, row.oldNumber, right, now)).toThrow('验证码已失效，请重新获取');
    expect(legacyRow(row.id).claimableUserId).toBeNull();
    await expect(requestClaimCode(a.user.id, '京公网安备11010502999999号', now)).rejects.toThrow('旧备案号不存在或已认领');
  });
});

describe('关联旧账号', () => {
  it('by 手机号码: every filing of that phone becomes claimable', async () => {
    const a = await applicantWithSubject();
    const one = insertLegacyFiling({ phone: '13800100008' });
    const two = insertLegacyFiling({ phone: '13800100008' });
    const now = Date.now();
    await expect(linkOldAccount(a.user.id, '13800100099', now)).rejects.toThrow('未找到该账号的备案信息');
    expect(await linkOldAccount(a.user.id, '13800100008', now)).toEqual({ message: '验证码已发送至138****0008' });
    expect(verifyOldAccount(a.user.id, '13800100008', lastSmsCode('13800100008'), now)).toEqual({ count: 2 });
    expect(claimableFor(a.user.id).map((r) => r.id).sort()).toEqual([one.id, two.id].sort());
  });

  it('by 证件号码: the code goes to the newest row’s phone', async () => {
    const a = await applicantWithSubject();
    const cert = '91110105OLDACCT01X';
    const older = insertLegacyFiling({ certNumber: cert, phone: '13800100010', importedAt: Date.now() - 10_000 });
    const newer = insertLegacyFiling({ certNumber: cert, phone: '13800100011' });
    const now = Date.now();
    expect(await linkOldAccount(a.user.id, cert.toLowerCase(), now)).toEqual({ message: '验证码已发送至138****0011' });
    expect(verifyOldAccount(a.user.id, cert, lastSmsCode('13800100011'), now)).toEqual({ count: 2 });
    expect(claimableFor(a.user.id).map((r) => r.id).sort()).toEqual([older.id, newer.id].sort());
  });
});

describe('网站认领申请', () => {
  it('is approved under the old number: 已备案, public by those digits, no number allocated', async () => {
    const a = await applicantWithSubject();
    const row = insertLegacyFiling({ certNumber: a.idNumber, certType: '居民身份证', domain: 'www.old-claim1.com.cn', name: '张伟摄影作品集' });
    expect(getPublicLegacyFiling(row.oldDigits)).toMatchObject({ status: '待认领', filingNumber: row.oldNumber, websiteName: '张伟摄影作品集' });
    // The subject's first website takes a number: the sequence moves only for it.
    decideApplication(reviewer, a.firstWebsiteAppId, { decision: '通过' });
    const before = chaoyangSeq();

    const r = submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id, { domain: 'old-claim1.com.cn' }), { claim: row.id });
    const app = getDb().select().from(applications).where(eq(applications.id, r.applicationId)).get()!;
    expect(app).toMatchObject({ type: '网站认领', status: '待审核', queued: true });
    expect(app.payload).toMatchObject({ legacyId: row.id, oldNumber: row.oldNumber, websiteName: '张伟摄影作品集' });
    expect(legacyRow(row.id).claimApplicationId).toBe(app.id);
    expect(claimableFor(a.user.id)).toEqual([]);
    expect(myClaims(a.user.id).open.map((c) => c.id)).toEqual([row.id]);
    // A second claim of the same row is refused.
    await expect(async () => submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id, { domain: 'old-claim1b.com.cn' }), { claim: row.id })).rejects.toThrow(
      '该备案已有认领申请正在办理，请勿重复申请',
    );

    // The office had also listed the domain as a 未备案网站 of this subject.
    const csv = `网站名称,域名,证件类型,证件号码,发现日期\n张伟摄影作品集,www.old-claim1.com.cn,居民身份证,${a.idNumber},${beijingDate(Date.now() - 86_400_000)}\n`;
    expect(importFile(reviewer.id, '未备案网站', '未备案.csv', new TextEncoder().encode(csv))).toMatchObject({ ok: true });
    const unfiledRow = () => getDb().select().from(unfiledWebsites).where(eq(unfiledWebsites.domainAscii, 'www.old-claim1.com.cn')).get()!;
    expect(unfiledRow()).toMatchObject({ matchedSubjectId: a.subjectId, filedWebsiteId: null });

    const d = decideApplication(reviewer, app.id, { decision: '通过' });
    expect(d.filingNumber).toBe(row.oldNumber);
    expect(unfiledRow().filedWebsiteId).toBe(r.websiteId);
    const w = getDb().select().from(websites).where(eq(websites.id, r.websiteId)).get()!;
    expect(w).toMatchObject({ status: '已备案', filingDigits: row.oldDigits, filingNumber: row.oldNumber, filingUnitId: units.chaoyang.id });
    expect(chaoyangSeq()).toBe(before);
    expect(legacyRow(row.id)).toMatchObject({ claimedWebsiteId: w.id });
    expect(getPublicFiling(row.oldDigits)).toMatchObject({ status: '已备案', filingNumber: row.oldNumber });
    expect(getPublicLegacyFiling(row.oldDigits)).toBeNull();
    const found = searchFilings('code', row.oldDigits);
    expect(found.ok && found.items.map((f) => f.status)).toEqual(['已备案']);
    expect(found.ok && found.legacy).toEqual([]);
    expect(myClaims(a.user.id).done.map((c) => c.websiteId)).toEqual([w.id]);
  });

  it('refuses a row the user may not claim; 退回 frees the row for another claim', async () => {
    const a = await applicantWithSubject();
    const stranger = insertLegacyFiling();
    await expect(async () => submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id, { domain: 'old-claim2x.com.cn' }), { claim: stranger.id })).rejects.toThrow(
      '该备案不在您的可认领列表中',
    );
    const row = insertLegacyFiling({ certNumber: a.idNumber, certType: '居民身份证' });
    const r = submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id, { domain: 'old-claim2.com.cn' }), { claim: row.id });
    decideApplication(reviewer, a.firstWebsiteAppId, { decision: '通过' });
    decideApplication(reviewer, r.applicationId, { decision: '退回', reason: '网站名称与原备案不符' });
    expect(legacyRow(row.id)).toMatchObject({ claimApplicationId: null, claimedWebsiteId: null });
    expect(claimableFor(a.user.id).map((x) => x.id)).toEqual([row.id]);
    expect(getPublicLegacyFiling(row.oldDigits)?.status).toBe('待认领');
  });
});

describe('public query of unclaimed filings', () => {
  it('finds them as 待认领 by number, domain and name (a person’s name masked)', () => {
    const row = insertLegacyFiling({ name: '老城区美食地图', domain: 'www.old-food-map.cn', subjectName: '王小明', certType: '居民身份证', certNumber: idWithCheck('11010519700101991') });
    const byCode = searchFilings('code', row.oldNumber);
    expect(byCode.ok && byCode.items).toEqual([]);
    expect(byCode.ok && byCode.legacy).toEqual([expect.objectContaining({ digits: row.oldDigits, status: '待认领', subjectName: '王**' })]);
    const byDomain = searchFilings('domain', 'old-food-map.cn');
    expect(byDomain.ok && byDomain.legacy.map((f) => f.digits)).toEqual([row.oldDigits]);
    const byName = searchFilings('name', '美食地图');
    expect(byName.ok && byName.legacy.map((f) => f.websiteName)).toEqual(['老城区美食地图']);
  });
});

describe('逾期未认领', () => {
  it('lists the rows not claimed within the deadline after their import', () => {
    const now = Date.now();
    const before = overdueClaims(now).count;
    const old = insertLegacyFiling({ importedAt: now - 181 * 86_400_000 });
    insertLegacyFiling({ importedAt: now - 179 * 86_400_000 });
    const r = overdueClaims(now);
    expect(r.count).toBe(before + 1);
    expect(r.rows.map((x) => x.id)).toContain(old.id);
    expect(r.days).toBe(180);
  });
});
