import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, auditLog, deliveries, filings, notifications, reviewNotes, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, appInput, idWithCheck, applicantActor } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { createUnit } from '@/lib/units/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitNewFiling } from '@/lib/filings/service';
import { getMyApplication } from '@/lib/applications/service';
import { getPublicFiling } from '@/lib/public/filings';
import { getPublicObjectFiling } from '@/lib/public/object-filings';
import { listAudit } from '@/lib/audit/service';
import { getFileForActor } from '@/lib/files/service';
import type { Actor } from '@/lib/auth/policy';
import { claimApplication, decideApplication, getReviewApplication, listQueue } from './service';
import { revealApplicationPii, REVEAL_ACTION, sealedValuesOf } from './reveal';
import { addReviewNote, applicationRecord } from './notes';
import { transferApplication } from './transfer';
import { policeCancel, policeCancelOffer } from './police-cancel';
import { reviewNoteSchema, policeCancelSchema, transferSchema } from './schemas';

let units: ReturnType<typeof seedUnits>;
let haidianId: number;
let reviewer: Actor;
let colleague: Actor;
let otherUnitReviewer: Actor;
let admin: Actor;
let seq = 0;

async function staff(role: 'reviewer' | 'admin', name: string, unitId: number | null): Promise<Actor> {
  const phone = `1377300${String(++seq).padStart(4, '0')}`;
  const { id } = await createUser({ role, name, phone, password: 'Secret#2026', unitId: unitId ?? undefined, phoneVerified: true });
  return { id, role, unitId, phoneVerified: true };
}

beforeAll(async () => {
  units = seedUnits();
  haidianId = createUnit({ name: '海淀分局网安大队', code: '110108' }, null).id;
  reviewer = await staff('reviewer', '李明', units.chaoyang.id);
  colleague = await staff('reviewer', '孙强', units.chaoyang.id);
  otherUnitReviewer = await staff('reviewer', '周洁', haidianId);
  admin = await staff('admin', '王建国', null);
});

const db = () => getDb();
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? 'error';
  }
  throw new Error('expected a refusal');
};
const reveals = (appId: number) => db().select().from(auditLog).where(and(eq(auditLog.action, REVEAL_ACTION), eq(auditLog.objectId, String(appId)))).all();

/** A fresh applicant: a 个人 subject (朝阳) with a website bundled with it, neither decided. */
async function bundle() {
  const user = await makeApplicant();
  const principalIdNumber = idWithCheck(`11010519850312${String(100 + ++seq).slice(-3)}`);
  const principalPhone = `1356${String(++seq).padStart(7, '0')}`;
  const s = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalIdNumber, principalPhone }) });
  const w = submitNewWebsite(user.id, s.subjectId, await websiteInput(user.id, { domain: `police${++seq}.com.cn` }));
  return { user, principalIdNumber, principalPhone, subjectId: s.subjectId, subjectAppId: s.applicationId, websiteAppId: w.applicationId, websiteId: w.websiteId };
}

/** A filed website (subject and website approved by the 朝阳 reviewer). */
async function filedWebsite() {
  const b = await bundle();
  decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
  const res = decideApplication(reviewer, b.websiteAppId, { decision: '通过' });
  return { ...b, filingNumber: res.filingNumber! };
}

describe('查看完整信息', () => {
  it('finds every sealed number of a payload, labelled by where it is', () => {
    const sealed = { enc: 'x', masked: '1****1' };
    expect(
      sealedValuesOf({
        principalIdNumber: sealed,
        principalPhone: sealed,
        website: { contacts: { securityOwner: { idNumber: sealed, phone: sealed }, emergencyContact: { name: '王五', idNumber: sealed } } },
        previous: { principalPhone: sealed },
      }).map((v) => v.label),
    ).toEqual(['负责人证件号码', '负责人手机号码', '网站安全负责人证件号码', '网站安全负责人手机号码', '网站应急联络人证件号码', '变更前负责人手机号码']);
  });

  it('shows the unit’s reviewer the full numbers of that application and writes who, which and when to the audit log', async () => {
    const b = await bundle();
    const before = Date.now();
    const values = revealApplicationPii(reviewer, b.subjectAppId);
    expect(values).toEqual(
      expect.arrayContaining([
        { label: '负责人证件号码', value: b.principalIdNumber },
        { label: '负责人手机号码', value: b.principalPhone },
        { label: '申请人手机号码', value: b.user.phone },
      ]),
    );
    // The website's contacts are 同主体负责人信息: the same numbers, one row listing every place.
    const site = revealApplicationPii(reviewer, b.websiteAppId);
    expect(site.find((v) => v.value === b.principalIdNumber)?.label).toBe('网站安全负责人证件号码、网站应急联络人证件号码、开办主体负责人证件号码');
    const logged = reveals(b.subjectAppId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorId: reviewer.id, objectType: 'application', objectId: String(b.subjectAppId) });
    expect(logged[0].at).toBeGreaterThanOrEqual(before);
    // The audit log page's 操作 filter finds them.
    const listed = listAudit({ action: REVEAL_ACTION, objectId: String(b.subjectAppId) });
    expect(listed.rows.map((r) => r.actorName)).toEqual(['李明']);
    expect(listAudit({ action: 'application.transfer', objectId: String(b.subjectAppId) }).rows).toHaveLength(0);
  });

  it('is refused to another unit’s reviewer and to the applicant, and nothing is logged for them', async () => {
    const b = await bundle();
    expect(code(() => revealApplicationPii(otherUnitReviewer, b.subjectAppId))).toBe('not_found');
    expect(code(() => revealApplicationPii(applicantActor(b.user.id, true), b.subjectAppId))).toBe('not_found');
    expect(reveals(b.subjectAppId)).toHaveLength(0);
    expect(revealApplicationPii(admin, b.subjectAppId).length).toBeGreaterThan(0);
    expect(reveals(b.subjectAppId).map((r) => r.actorId)).toEqual([admin.id]);
  });
});

describe('审核备注', () => {
  it('is read by the unit’s reviewers and admins in the 办理记录, never by the applicant or another unit', async () => {
    const b = await bundle();
    const text = '证件照片与号码一致，待核实域名证书';
    expect(reviewNoteSchema.safeParse({ id: b.subjectAppId, body: '  ' }).error?.issues[0].message).toBe('请填写备注内容');
    addReviewNote(reviewer, b.subjectAppId, text);
    const record = applicationRecord(colleague, b.subjectAppId);
    expect(record.filter((e) => e.note)).toEqual([expect.objectContaining({ what: '审核备注', detail: text, actor: '李明' })]);
    expect(applicationRecord(admin, b.subjectAppId).some((e) => e.detail === text)).toBe(true);
    expect(code(() => applicationRecord(otherUnitReviewer, b.subjectAppId))).toBe('not_found');
    expect(code(() => addReviewNote(otherUnitReviewer, b.subjectAppId, '越权'))).toBe('not_found');
    expect(code(() => applicationRecord(applicantActor(b.user.id, true), b.subjectAppId))).toBe('not_found');
    expect(code(() => addReviewNote(applicantActor(b.user.id, true), b.subjectAppId, '自己加'))).toBe('not_found');
    expect(db().select().from(reviewNotes).where(eq(reviewNotes.applicationId, b.subjectAppId)).all()).toHaveLength(1);
    // The applicant's pages read getMyApplication and the notices: the note is in neither.
    const mine = JSON.stringify(getMyApplication(b.user.id, b.subjectAppId));
    expect(mine).not.toContain('待核实域名证书');
    const notices = JSON.stringify(db().select().from(notifications).where(eq(notifications.userId, b.user.id)).all());
    expect(notices).not.toContain('待核实域名证书');
  });
});

describe('转办', () => {
  it('moves an undecided application to the other unit’s queue, unclaimed, its due date kept', async () => {
    const b = await bundle();
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    claimApplication(reviewer, b.websiteAppId);
    const beforeOther = listQueue(otherUnitReviewer).total;
    const beforeMine = listQueue(reviewer).total;
    const before = appRow(b.websiteAppId);
    expect(before.status).toBe('审核中');
    expect(before.dueAt).toBeGreaterThan(0);

    expect(transferSchema.safeParse({ id: b.websiteAppId, unitId: haidianId, reason: '' }).error?.issues[0].message).toBe('请填写转办原因');
    expect(code(() => transferApplication(reviewer, b.websiteAppId, { unitId: haidianId, reason: '属地不符' }))).toBe('forbidden');
    expect(code(() => transferApplication(admin, b.websiteAppId, { unitId: units.chaoyang.id, reason: '属地不符' }))).toBe('invalid');
    transferApplication(admin, b.websiteAppId, { unitId: haidianId, reason: '网站服务器及负责人均在海淀，属地不符' });

    const after = appRow(b.websiteAppId);
    expect(after).toMatchObject({ unitId: haidianId, status: '待审核', claimedBy: null, claimedUntil: null, dueAt: before.dueAt });
    expect(listQueue(otherUnitReviewer).rows.map((r) => r.id)).toContain(b.websiteAppId);
    expect(listQueue(otherUnitReviewer).total).toBe(beforeOther + 1);
    expect(listQueue(reviewer).rows.map((r) => r.id)).not.toContain(b.websiteAppId);
    expect(listQueue(reviewer).total).toBe(beforeMine - 1);
    expect(code(() => getReviewApplication(reviewer, b.websiteAppId))).toBe('not_found');
    // The new unit's reviewer reads the uploads and decides it; the number is the new unit's.
    const payload = getReviewApplication(otherUnitReviewer, b.websiteAppId).app.payload as { website: { basic: { domainCertificates: Record<string, number> } } };
    const certId = Object.values(payload.website.basic.domainCertificates)[0];
    expect(getFileForActor(otherUnitReviewer, certId).originalName).toBe('域名证书.png');
    const res = decideApplication(otherUnitReviewer, b.websiteAppId, { decision: '通过' });
    expect(res.filingNumber).toMatch(/^京公网安备11010802\d{6}号$/);
    // Audited with the reason; the 办理记录 says where it went.
    const audit = db().select().from(auditLog).where(and(eq(auditLog.action, 'application.transfer'), eq(auditLog.objectId, String(b.websiteAppId)))).get()!;
    expect(audit.actorId).toBe(admin.id);
    expect(audit.after).toMatchObject({ unitId: haidianId, reason: '网站服务器及负责人均在海淀，属地不符', dueAt: before.dueAt });
    expect(applicationRecord(admin, b.websiteAppId).find((e) => e.what === '转办')?.detail).toBe('转至海淀分局网安大队；转办原因：网站服务器及负责人均在海淀，属地不符');
    // Decided: no second 转办.
    expect(code(() => transferApplication(admin, b.websiteAppId, { unitId: units.chaoyang.id, reason: '再转' }))).toBe('conflict');
  });
});

describe('注销备案 by the police', () => {
  it('cancels a filed website: 已注销, audited, the applicant told by every channel, public 已注销, the number never given again', async () => {
    const w = await filedWebsite();
    const digits = w.filingNumber.replace(/\D/g, '');
    expect(getPublicFiling(digits)?.status).toBe('已备案');
    expect(policeCancelOffer(reviewer, { object: 'website', id: w.websiteId })).toMatchObject({ label: '网站', filingNumber: w.filingNumber });
    expect(policeCancelOffer(otherUnitReviewer, { object: 'website', id: w.websiteId })).toBeNull();
    expect(code(() => policeCancel(otherUnitReviewer, { object: 'website', id: w.websiteId }, { reason: '违法违规', detail: '' }))).toBe('not_found');
    expect(code(() => policeCancel(applicantActor(w.user.id, true), { object: 'website', id: w.websiteId }, { reason: '违法违规', detail: '' }))).toBe('not_found');
    expect(policeCancelSchema.safeParse({ object: 'website', id: w.websiteId, reason: '其他', detail: '' }).error?.issues[0].message).toBe('请填写注销说明');
    expect(code(() => policeCancel(reviewer, { object: 'website', id: w.websiteId }, { reason: '其他', detail: ' ' }))).toBe('invalid');

    policeCancel(reviewer, { object: 'website', id: w.websiteId }, { reason: '违法违规', detail: '传播赌博信息' });
    const row = db().select().from(websites).where(eq(websites.id, w.websiteId)).get()!;
    expect(row.status).toBe('已注销');
    expect(row.filingNumber).toBe(w.filingNumber);
    expect(row.cancelledAt).not.toBeNull();
    expect(getPublicFiling(digits)?.status).toBe('已注销');
    const notice = db().select().from(notifications).where(and(eq(notifications.userId, w.user.id), eq(notifications.event, 'filing.police_cancelled'))).get()!;
    expect(notice.body).toContain('违法违规（传播赌博信息）');
    expect(notice.body).toContain(w.filingNumber);
    expect(notice.link).toBe(`/my/websites/${w.websiteId}`);
    const channels = db().select({ channel: deliveries.channel }).from(deliveries).where(eq(deliveries.notificationId, notice.id)).all().map((d) => d.channel).sort();
    expect(channels).toEqual(['email', 'sms']);
    const audit = db().select().from(auditLog).where(and(eq(auditLog.action, 'website.police_cancel'), eq(auditLog.objectId, String(w.websiteId)))).get()!;
    expect(audit).toMatchObject({ actorId: reviewer.id, objectType: 'website', before: { status: '已备案', filingNumber: w.filingNumber }, after: { status: '已注销', reason: '违法违规', detail: '传播赌博信息' } });
    // Twice: refused; no offer any more.
    expect(code(() => policeCancel(reviewer, { object: 'website', id: w.websiteId }, { reason: '违法违规', detail: '' }))).toBe('conflict');
    expect(policeCancelOffer(reviewer, { object: 'website', id: w.websiteId })).toBeNull();
    // The next website of the unit gets a new number.
    const next = await filedWebsite();
    expect(next.filingNumber).not.toBe(w.filingNumber);
    expect(Number(next.filingNumber.replace(/\D/g, '').slice(-6))).toBeGreaterThan(Number(digits.slice(-6)));
  });

  it('refuses a website that is not filed, and an admin may cancel any unit’s filing', async () => {
    const b = await bundle();
    expect(code(() => policeCancel(reviewer, { object: 'website', id: b.websiteId }, { reason: '网站已关闭', detail: '' }))).toBe('conflict');
    const w = await filedWebsite();
    policeCancel(admin, { object: 'website', id: w.websiteId }, { reason: '主体已注销', detail: '' });
    expect(db().select({ s: websites.status }).from(websites).where(eq(websites.id, w.websiteId)).get()!.s).toBe('已注销');
  });

  it('cancels a filed APP the same way (public record 已注销)', async () => {
    const b = await bundle();
    const f = submitNewFiling(b.user.id, b.subjectId, 'APP', await appInput(b.user.id, { packageName: `cn.police.app${++seq}` }));
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    const res = decideApplication(reviewer, f.applicationId, { decision: '通过' });
    const digits = res.filingNumber!.replace(/\D/g, '');
    expect(getPublicObjectFiling(digits)?.status).toBe('已备案');
    expect(policeCancelOffer(reviewer, { object: 'filing', id: f.filingId })?.label).toBe('APP');
    policeCancel(reviewer, { object: 'filing', id: f.filingId }, { reason: '网站已关闭', detail: '' });
    expect(db().select({ s: filings.status }).from(filings).where(eq(filings.id, f.filingId)).get()!.s).toBe('已注销');
    expect(getPublicObjectFiling(digits)?.status).toBe('已注销');
    const notice = db().select().from(notifications).where(and(eq(notifications.userId, b.user.id), eq(notifications.event, 'filing.police_cancelled'))).get()!;
    expect(notice.title).toBe('APP备案已被注销');
    expect(notice.link).toBe(`/my/apps/${f.filingId}`);
  });
});
