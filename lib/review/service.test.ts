import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, assessments, auditLog, filingSequences, interviews, notifications, subjects, users, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, lastSmsCode } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { createUnit } from '@/lib/units/service';
import { sendPrincipalCode, submitNewSubject, submitSubjectCancel } from '@/lib/subjects/service';
import { sendWebsiteCancelCode, submitWebsiteCancel } from '@/lib/websites/cancel';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitWebsiteChange } from '@/lib/websites/change';
import { getFileForActor } from '@/lib/files/service';
import type { Actor } from '@/lib/auth/policy';
import {
  ALREADY_DECIDED,
  CLAIM_MS,
  claimApplication,
  decideApplication,
  getReviewApplication,
  listQueue,
  recordInterviewOutcome,
  releaseApplication,
  scheduleInterview,
} from './service';
import { sendInterviewReminders } from './reminders';
import type { AssessmentData } from '@/lib/assessments/types';

let units: ReturnType<typeof seedUnits>;
let reviewerA: Actor;
let reviewerB: Actor;
let otherUnitReviewer: Actor;
let admin: Actor;
let seq = 0;

async function reviewer(unitId: number, name: string): Promise<Actor> {
  const phone = `1377000${String(++seq).padStart(4, '0')}`;
  const { id } = await createUser({ role: 'reviewer', name, phone, password: 'Secret#2026', unitId, phoneVerified: true });
  return { id, role: 'reviewer', unitId, phoneVerified: true };
}

beforeAll(async () => {
  units = seedUnits();
  const haidian = createUnit({ name: '海淀分局网安大队', code: '110108' }, null);
  reviewerA = await reviewer(units.chaoyang.id, '李明');
  reviewerB = await reviewer(units.chaoyang.id, '孙强');
  otherUnitReviewer = await reviewer(haidian.id, '周洁');
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});

const db = () => getDb();
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const site = (id: number) => db().select().from(websites).where(eq(websites.id, id)).get()!;
const subjectRow = (id: number) => db().select().from(subjects).where(eq(subjects.id, id)).get()!;
const noticesOf = (userId: number) => db().select().from(notifications).where(eq(notifications.userId, userId)).all();

/** A fresh applicant with a 个人 subject (朝阳, held back) and its first website bundled with it. */
async function bundle(opts: { interactive?: boolean } = {}) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: `1356${String(++seq).padStart(7, '0')}` }) });
  const domain = `review${++seq}.com.cn`;
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain, interactive: opts.interactive }));
  return { user: u, domain, subjectId: s.subjectId, subjectAppId: s.applicationId, websiteAppId: w.applicationId, websiteId: w.websiteId };
}

/** A bundle whose subject is approved: the website waits alone. */
async function approvedSubjectWithWebsite(opts: { interactive?: boolean } = {}) {
  const b = await bundle(opts);
  decideApplication(reviewerA, b.subjectAppId, { decision: '通过' });
  return b;
}

/** The unit's last website (02) sequence number. */
const websiteSeq = (unitId: number) =>
  db().select({ s: filingSequences.seq }).from(filingSequences).where(and(eq(filingSequences.unitId, unitId), eq(filingSequences.mark, '02'))).get()?.s ?? 0;

describe('queue', () => {
  it('shows the unit its released applications in due order, with filters; other units and held-back ones stay out', async () => {
    const b = await bundle();
    const held = await makeApplicant();
    const heldSubject = submitNewSubject(held.id, { data: await personSubjectInput(held.id, { principalPhone: '13566660001' }) });
    const q = listQueue(reviewerA, {});
    const ids = q.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([b.subjectAppId, b.websiteAppId]));
    expect(ids).not.toContain(heldSubject.applicationId);
    const row = q.rows.find((r) => r.id === b.websiteAppId)!;
    expect(row).toMatchObject({ type: '新办网站', subjectName: '张伟', websiteName: '张伟摄影作品集', status: '待审核', handler: null, overdue: false });
    expect(row.domain).toMatch(/^www\.review\d+\.com\.cn$/);
    expect(row.dueAt).toBeGreaterThan(row.submittedAt);
    const dues = q.rows.map((r) => r.dueAt!);
    expect([...dues].sort((x, y) => x - y)).toEqual(dues);

    expect(listQueue(otherUnitReviewer, {}).rows.map((r) => r.id)).not.toContain(b.websiteAppId);
    expect(listQueue(admin, {}).rows.map((r) => r.id)).toContain(b.websiteAppId);
    expect(listQueue(reviewerA, { type: '新增主体' }).rows.every((r) => r.type === '新增主体')).toBe(true);
    expect(listQueue(reviewerA, { q: row.domain!.slice(4, 14) }).rows.map((r) => r.id)).toEqual([b.websiteAppId]);
    expect(listQueue(reviewerA, { q: appRow(b.subjectAppId).code }).rows.map((r) => r.id)).toEqual([b.subjectAppId]);

    // Overdue: past its due date.
    const later = appRow(b.websiteAppId).dueAt! + 1;
    const overdue = listQueue(reviewerA, { overdue: true }, later);
    expect(overdue.rows.find((r) => r.id === b.websiteAppId)?.overdue).toBe(true);
    expect(listQueue(reviewerA, { overdue: true }).rows.map((r) => r.id)).not.toContain(b.websiteAppId);

    // A claim shows 审核中 with 处理人, and reads as 待审核 again once it has run out.
    // The total follows every change (it is remembered only while nothing was written).
    const before = listQueue(reviewerA, {}).total;
    expect(listQueue(reviewerA, {}).total).toBe(before);
    decideApplication(reviewerA, b.subjectAppId, { decision: '通过' });
    expect(listQueue(reviewerA, {}).total).toBe(before - 1);

    claimApplication(reviewerA, b.websiteAppId);
    expect(listQueue(reviewerB, { status: '审核中' }).rows.find((r) => r.id === b.websiteAppId)).toMatchObject({ status: '审核中', handler: '李明' });
    const expired = Date.now() + CLAIM_MS + 1000;
    expect(listQueue(reviewerB, { status: '待审核' }, expired).rows.find((r) => r.id === b.websiteAppId)).toMatchObject({ status: '待审核', handler: null });
  });
});

describe('claims and atomic decisions', () => {
  it('two reviewers deciding the same application: exactly one decision', async () => {
    const b = await approvedSubjectWithWebsite();
    expect(claimApplication(reviewerA, b.websiteAppId)).toMatchObject({ mine: true, claimedBy: reviewerA.id });
    expect(appRow(b.websiteAppId)).toMatchObject({ status: '审核中', claimedBy: reviewerA.id });
    // B sees it taken and cannot decide it.
    expect(claimApplication(reviewerB, b.websiteAppId)).toMatchObject({ mine: false, claimedBy: reviewerA.id });
    expect(() => decideApplication(reviewerB, b.websiteAppId, { decision: '退回', reason: '其他' })).toThrow('该申请正由李明处理');
    const r = decideApplication(reviewerA, b.websiteAppId, { decision: '通过' });
    expect(r.status).toBe('通过');
    // A double click or a stale page: nothing changes.
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow(ALREADY_DECIDED);
    expect(() => decideApplication(reviewerB, b.websiteAppId, { decision: '退回', reason: '重复' })).toThrow(ALREADY_DECIDED);
    const decisions = db()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'application'), eq(auditLog.objectId, String(b.websiteAppId)), sql`${auditLog.action} in ('application.approve','application.return')`))
      .get()!.n;
    expect(decisions).toBe(1);
    expect(site(b.websiteId).filingNumber).toBe(r.filingNumber);
  });

  it('a claim runs out after 30 minutes and can be taken over; 释放 gives it back', async () => {
    const b = await approvedSubjectWithWebsite();
    const t0 = Date.now();
    claimApplication(reviewerA, b.websiteAppId, t0);
    expect(claimApplication(reviewerB, b.websiteAppId, t0 + CLAIM_MS - 1000).mine).toBe(false);
    expect(claimApplication(reviewerB, b.websiteAppId, t0 + CLAIM_MS + 1000)).toMatchObject({ mine: true, claimedBy: reviewerB.id });
    expect(() => releaseApplication(reviewerA, b.websiteAppId)).toThrow('该申请不是由您处理');
    releaseApplication(reviewerB, b.websiteAppId);
    expect(appRow(b.websiteAppId)).toMatchObject({ status: '待审核', claimedBy: null, claimedUntil: null });
  });

  it('退回 needs a reason; field comments are kept for the applicant', async () => {
    const b = await bundle();
    expect(() => decideApplication(reviewerA, b.subjectAppId, { decision: '退回', reason: '  ' })).toThrow('请填写退回原因');
    expect(appRow(b.subjectAppId).status).toBe('待审核');
    decideApplication(reviewerA, b.subjectAppId, {
      decision: '退回',
      reason: '负责人常住地址不具体',
      fieldComments: { principalAddress: '请填写到门牌号', principalName: ' ' },
    });
    expect(appRow(b.subjectAppId)).toMatchObject({ status: '退回', reason: '负责人常住地址不具体', fieldComments: { principalAddress: '请填写到门牌号' }, decidedBy: reviewerA.id });
  });
});

describe('effects of decisions', () => {
  it('the bundled subject is decided first; its approval makes it 有效 and passes 身份验证; the website is filed with a number', async () => {
    const b = await bundle();
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow(`请先审核与本申请一并提交的新增主体申请（${appRow(b.subjectAppId).code}）`);
    decideApplication(reviewerA, b.subjectAppId, { decision: '通过' });
    expect(subjectRow(b.subjectId).status).toBe('有效');
    expect(db().select({ v: users.identityVerifiedAt }).from(users).where(eq(users.id, b.user.id)).get()!.v).not.toBeNull();

    const unitSeq = websiteSeq(units.chaoyang.id);
    const r = decideApplication(reviewerA, b.websiteAppId, { decision: '通过' });
    const digits = `11010502${String(unitSeq + 1).padStart(6, '0')}`;
    expect(r.filingNumber).toBe(`京公网安备${digits}号`);
    expect(site(b.websiteId)).toMatchObject({ status: '已备案', filingDigits: digits, filingUnitId: units.chaoyang.id });
    const notices = noticesOf(b.user.id).filter((n) => n.event === 'application.approved');
    expect(notices.map((n) => n.title)).toEqual(['新增主体申请已通过', '新办网站申请已通过']);
    expect(notices[1].body).toContain(`公安备案号：京公网安备${digits}号`);
    expect(notices[1].link).toBe(`/my/applications/${b.websiteAppId}`);
  });

  it('退回 of the subject returns its bundled website too', async () => {
    const b = await bundle();
    decideApplication(reviewerA, b.subjectAppId, { decision: '退回', reason: '证件照片不清晰' });
    expect(subjectRow(b.subjectId).status).toBe('已退回');
    expect(appRow(b.websiteAppId)).toMatchObject({ status: '退回', reason: '开办主体审核未通过：证件照片不清晰' });
    expect(site(b.websiteId).status).toBe('已退回');
    expect(site(b.websiteId).filingNumber).toBeNull();
    expect(noticesOf(b.user.id).find((n) => n.event === 'application.returned')!.body).toContain(`该主体的其他申请一并退回：新办网站申请（${appRow(b.websiteAppId).code}）`);
  });

  it('变更网站 通过 keeps the number; 退回 leaves the website as it was', async () => {
    const b = await approvedSubjectWithWebsite();
    const { filingNumber } = decideApplication(reviewerA, b.websiteAppId, { decision: '通过' });
    const input = await websiteInput(b.user.id, { name: '张伟摄影作品集二版', domain: b.domain });
    const change = submitWebsiteChange(b.user.id, b.websiteId, { data: input });
    expect(site(b.websiteId).status).toBe('变更中');
    decideApplication(reviewerB, change.applicationId, { decision: '通过' });
    expect(site(b.websiteId)).toMatchObject({ status: '已备案', name: '张伟摄影作品集二版', filingNumber });

    const again = submitWebsiteChange(b.user.id, b.websiteId, { data: { ...input, basic: { ...input.basic, name: '张伟摄影作品集三版' } } });
    decideApplication(reviewerB, again.applicationId, { decision: '退回', reason: '网站名称不符合命名规范' });
    expect(site(b.websiteId)).toMatchObject({ status: '已备案', name: '张伟摄影作品集二版', filingNumber });
  });
});

describe('a subject that is not 有效 (SPEC §6.3)', () => {
  /** A held-back subject, its first website (bundled) and a second website submitted while the subject is still 待审核. */
  async function twoWebsites(opts: { interactive?: boolean } = {}) {
    const b = await bundle(opts);
    const second = submitNewWebsite(b.user.id, b.subjectId, await websiteInput(b.user.id, { name: '张伟旅行日记', domain: `second${++seq}.com.cn`, interactive: opts.interactive }));
    return { ...b, secondAppId: second.applicationId, secondWebsiteId: second.websiteId };
  }

  it('no website of a 待审核 subject is approved, not only the bundled one', async () => {
    const b = await twoWebsites();
    const subjectCode = appRow(b.subjectAppId).code;
    expect(() => decideApplication(reviewerA, b.secondAppId, { decision: '通过' })).toThrow(`请先审核该主体的新增主体申请（${subjectCode}）`);
    expect(() => decideApplication(admin, b.secondAppId, { decision: '通过' })).toThrow(`请先审核该主体的新增主体申请（${subjectCode}）`);
    expect(appRow(b.secondAppId).status).toBe('待审核');
    expect(site(b.secondWebsiteId)).toMatchObject({ status: '待审核', filingNumber: null });
    // Once the subject is 有效 the second website is decided like any other.
    decideApplication(reviewerA, b.subjectAppId, { decision: '通过' });
    expect(decideApplication(reviewerA, b.secondAppId, { decision: '通过' }).filingNumber).toMatch(/^京公网安备11010502\d{6}号$/);
  });

  it('退回 of the subject returns every open application of it, bundled or not, with their websites and assessments', async () => {
    const b = await twoWebsites({ interactive: true });
    const assessment = db()
      .insert(applications)
      .values({ code: `SQT${++seq}`, type: '安全评估', status: '待审核', applicantId: b.user.id, subjectId: b.subjectId, websiteId: b.secondWebsiteId, unitId: units.chaoyang.id, queued: true, payload: {}, submittedAt: Date.now() })
      .returning({ id: applications.id })
      .get();
    db().insert(assessments).values({ subjectId: b.subjectId, websiteId: b.secondWebsiteId, applicationId: assessment.id, status: '待审核', data: {} as AssessmentData, createdAt: Date.now() }).run();
    // Held by another reviewer (a claim from before: one waiting for its 新增主体 is no longer claimed by opening it).
    expect(claimApplication(reviewerB, b.secondAppId).mine).toBe(false);
    db().update(applications).set({ status: '审核中', claimedBy: reviewerB.id, claimedUntil: Date.now() + CLAIM_MS }).where(eq(applications.id, b.secondAppId)).run();

    decideApplication(reviewerA, b.subjectAppId, { decision: '退回', reason: '证件照片不清晰' });
    expect(subjectRow(b.subjectId).status).toBe('已退回');
    for (const id of [b.websiteAppId, b.secondAppId, assessment.id]) expect(appRow(id)).toMatchObject({ status: '退回', reason: '开办主体审核未通过：证件照片不清晰', decidedBy: reviewerA.id });
    expect(site(b.websiteId)).toMatchObject({ status: '已退回', filingNumber: null });
    expect(site(b.secondWebsiteId)).toMatchObject({ status: '已退回', filingNumber: null });
    expect(db().select({ status: assessments.status }).from(assessments).where(eq(assessments.applicationId, assessment.id)).get()!.status).toBe('退回');
    const notice = noticesOf(b.user.id).find((n) => n.event === 'application.returned')!.body;
    for (const id of [b.websiteAppId, b.secondAppId, assessment.id]) expect(notice).toContain(`${appRow(id).type}申请（${appRow(id).code}）`);
    expect(notice).toContain('该主体的其他申请一并退回：');
    expect(listQueue(reviewerA, {}).rows.map((r) => r.id)).not.toEqual(expect.arrayContaining([b.secondAppId]));
  });

  it('面审 is not scheduled nor passed for a website of a 待审核 subject', async () => {
    const b = await twoWebsites({ interactive: true });
    db().insert(assessments).values({ subjectId: b.subjectId, websiteId: b.secondWebsiteId, status: '通过', data: {} as AssessmentData, createdAt: Date.now() }).run();
    const future = Date.now() + 3 * 86_400_000;
    expect(() => scheduleInterview(reviewerA, b.secondAppId, { kind: '实地检查', scheduledAt: future })).toThrow('请先审核该主体的新增主体申请');
    expect(appRow(b.secondAppId).status).toBe('待审核');
  });

  it('revoking the first website keeps the subject in the queue while another application of it waits', async () => {
    const b = await twoWebsites();
    const { revokeApplication } = await import('@/lib/applications/service');
    revokeApplication(b.user.id, b.websiteAppId);
    expect(appRow(b.subjectAppId)).toMatchObject({ status: '待审核', queued: true });
    expect(listQueue(reviewerA, {}).rows.map((r) => r.id)).toEqual(expect.arrayContaining([b.subjectAppId, b.secondAppId]));
  });

  it('lists filed websites whose subject was never approved (data written before this check existed)', async () => {
    const { filingsWithUnapprovedSubject } = await import('./integrity');
    const b = await bundle();
    expect(filingsWithUnapprovedSubject().map((f) => f.websiteId)).not.toContain(b.websiteId);
    // What the old code did: the website filed while its subject stayed 待审核.
    db().update(websites).set({ status: '已备案', filingDigits: '11010502999999', filingNumber: '京公网安备11010502999999号', filedAt: Date.now() }).where(eq(websites.id, b.websiteId)).run();
    expect(filingsWithUnapprovedSubject()).toEqual(
      expect.arrayContaining([expect.objectContaining({ websiteId: b.websiteId, filingNumber: '京公网安备11010502999999号', subjectStatus: '待审核', websiteName: '张伟摄影作品集' })]),
    );
  });
});

describe('cancellations', () => {

  it('注销网站 通过: 已注销, the number kept on the row and never handed out again; 退回: 已备案 again', async () => {
    const b = await approvedSubjectWithWebsite();
    const { filingNumber } = decideApplication(reviewerA, b.websiteAppId, { decision: '通过' });
    const phone = (await import('@/lib/pii/crypto')).decryptPii(subjectRow(b.subjectId).principalPhoneEnc);
    let now = Date.now();
    const cancel = async (reason: string) => {
      now += 61_000; // one code per phone a minute
      await sendWebsiteCancelCode(b.user.id, b.websiteId, now);
      const r = submitWebsiteCancel(b.user.id, b.websiteId, { principalName: '张伟', middleFour: phone.slice(3, 7), code: lastSmsCode(phone), reason }, { now, liveness: { lookup: async () => [] } });
      await r.liveness;
      return r.applicationId;
    };
    const first = await cancel('暂不关闭');
    decideApplication(reviewerA, first, { decision: '退回', reason: '网站仍可访问，网站注销必须保证网站已经处于关闭状态' });
    expect(site(b.websiteId)).toMatchObject({ status: '已备案', filingNumber });

    const second = await cancel('网站已关闭');
    decideApplication(reviewerA, second, { decision: '通过' });
    expect(site(b.websiteId)).toMatchObject({ status: '已注销', filingNumber });
    expect(site(b.websiteId).cancelledAt).not.toBeNull();
    // The next filing of the unit gets a new number.
    const next = await approvedSubjectWithWebsite();
    expect(decideApplication(reviewerA, next.websiteAppId, { decision: '通过' }).filingNumber).not.toBe(filingNumber);
  });

  it('注销主体 通过 ends the subject with its websites and pending applications', async () => {
    const b = await approvedSubjectWithWebsite();
    decideApplication(reviewerA, b.websiteAppId, { decision: '通过' });
    const phone = (await import('@/lib/pii/crypto')).decryptPii(subjectRow(b.subjectId).principalPhoneEnc);
    await sendPrincipalCode(b.user.id, b.subjectId, 'subject_cancel');
    const c = submitSubjectCancel(b.user.id, b.subjectId, { principalName: '张伟', middleFour: phone.slice(3, 7), code: lastSmsCode(phone), reason: '不再运营' });
    expect(subjectRow(b.subjectId).status).toBe('注销中');
    decideApplication(reviewerB, c.applicationId, { decision: '通过' });
    expect(subjectRow(b.subjectId).status).toBe('已注销');
    expect(site(b.websiteId).status).toBe('已注销');
    expect(appRow(c.applicationId)).toMatchObject({ status: '通过', decidedBy: reviewerB.id });
    expect(noticesOf(b.user.id).find((n) => n.title === '注销主体申请已通过')!.body).toContain('主体及其网站已注销');
  });
});

describe('interactive websites', () => {
  it('need an approved 安全评估, then 面审 scheduled and recorded before they are filed', async () => {
    const b = await approvedSubjectWithWebsite({ interactive: true });
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow('需先通过安全评估');
    const future = Date.now() + 3 * 86_400_000;
    expect(() => scheduleInterview(reviewerA, b.websiteAppId, { kind: '面审', scheduledAt: future, place: '朝阳分局', materials: '身份证原件' })).toThrow('需先通过安全评估');

    // A pending assessment is not enough; an approved one is.
    db().insert(assessments).values({ subjectId: b.subjectId, websiteId: b.websiteId, status: '待审核', data: {} as AssessmentData, createdAt: Date.now() }).run();
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow('需先通过安全评估');
    db().update(assessments).set({ status: '通过' }).where(eq(assessments.websiteId, b.websiteId)).run();
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow('交互式网站须先安排面审或实地检查');

    expect(() => scheduleInterview(reviewerA, b.websiteAppId, { kind: '面审', scheduledAt: future, place: '', materials: '身份证原件' })).toThrow('请填写面审地点');
    expect(() => scheduleInterview(reviewerA, b.websiteAppId, { kind: '面审', scheduledAt: Date.now() - 1000, place: '朝阳分局', materials: '身份证原件' })).toThrow('请选择当前时间之后的时间');
    scheduleInterview(reviewerA, b.websiteAppId, { kind: '面审', scheduledAt: future, place: '朝阳分局网安大队（朝阳路1号）', materials: '身份证原件、营业执照副本' });
    expect(appRow(b.websiteAppId).status).toBe('待面审');
    const notice = noticesOf(b.user.id).find((n) => n.event === 'interview.scheduled')!;
    expect(notice.title).toBe('面审通知');
    expect(notice.body).toContain('朝阳分局网安大队（朝阳路1号）');
    expect(notice.body).toContain('身份证原件、营业执照副本');
    expect(() => decideApplication(reviewerA, b.websiteAppId, { decision: '通过' })).toThrow('请在面审记录中登记结果');

    // The day before, the applicant is reminded once.
    expect(sendInterviewReminders(future - 2 * 86_400_000)).toBe(0);
    expect(sendInterviewReminders(future - 3_600_000)).toBe(1);
    expect(sendInterviewReminders(future - 1_800_000)).toBe(0);
    expect(noticesOf(b.user.id).find((n) => n.event === 'interview.reminder')).toMatchObject({ title: '面审提醒', link: `/my/applications/${b.websiteAppId}` });

    // Any reviewer of the unit records the outcome; a second record is refused.
    const r = recordInterviewOutcome(reviewerB, b.websiteAppId, { decision: '通过', note: '材料齐全' });
    expect(r.status).toBe('通过');
    expect(site(b.websiteId).status).toBe('已备案');
    expect(site(b.websiteId).filingNumber).toMatch(/^京公网安备1101050200\d{4}号$/);
    expect(db().select().from(interviews).where(eq(interviews.applicationId, b.websiteAppId)).get()).toMatchObject({ outcome: '通过', outcomeNote: '材料齐全' });
    expect(() => recordInterviewOutcome(reviewerA, b.websiteAppId, { decision: '退回', reason: '重复' })).toThrow(ALREADY_DECIDED);
  });
});

describe('unit boundaries', () => {
  it('a reviewer of another unit is refused on read, decide and file download', async () => {
    const b = await bundle();
    expect(() => getReviewApplication(otherUnitReviewer, b.subjectAppId)).toThrow('申请不存在或不属于本单位');
    expect(() => claimApplication(otherUnitReviewer, b.subjectAppId)).toThrow('申请不存在或不属于本单位');
    expect(() => decideApplication(otherUnitReviewer, b.subjectAppId, { decision: '通过' })).toThrow('申请不存在或不属于本单位');
    const fileId = (appRow(b.subjectAppId).payload as { idFrontFileId: number }).idFrontFileId;
    expect(() => getFileForActor(otherUnitReviewer, fileId)).toThrow('您没有权限查看此文件');
    expect(getFileForActor(reviewerA, fileId).mime).toBe('image/png');
    expect(getReviewApplication(reviewerA, b.subjectAppId).app.id).toBe(b.subjectAppId);
    expect(appRow(b.subjectAppId).status).toBe('待审核');
  });
});

describe('queue pages', () => {
  it('pages through the whole open queue in due order, for a unit and for admins', async () => {
    const b = await bundle();
    // 45 more open applications of the unit: copies of the bundle's 新办网站 with their own codes and due dates.
    const raw = db().$client;
    const copy = raw.prepare(
      `insert into applications (code, type, status, applicant_id, subject_id, website_id, unit_id, queued, payload, submitted_at, due_at, queued_at)
       select ?, type, status, applicant_id, subject_id, website_id, unit_id, queued, payload, submitted_at, ?, queued_at from applications where id = ?`,
    );
    for (let i = 0; i < 45; i++) copy.run(`SQ2099${String(i).padStart(8, '0')}`, Date.now() + (i % 7) * 86_400_000, b.websiteAppId);
    const expected = (unitId?: number) =>
      raw
        .prepare(`select id from applications where queued = 1 and status in ('待审核', '审核中', '待面审') ${unitId ? 'and unit_id = ?' : ''} order by due_at, id`)
        .pluck()
        .all(...(unitId ? [unitId] : []));
    for (const [actor, unitId] of [
      [reviewerA, units.chaoyang.id],
      [admin, undefined],
    ] as const) {
      const first = listQueue(actor, {});
      const pages = Math.ceil(first.total / first.pageSize);
      expect(pages).toBeGreaterThanOrEqual(3);
      const seen: number[] = [];
      for (let page = 1; page <= pages; page++) seen.push(...listQueue(actor, { page }).rows.map((r) => r.id));
      expect(seen).toEqual(expected(unitId));
      expect(first.total).toBe(seen.length);
    }
  });
});

describe('queue counters', () => {
  it('the trigger-kept totals equal a real count after submissions, release, claims, decisions, revoke and cancellation', async () => {
    const real = (unitId?: number, type?: string) =>
      db()
        .select({ n: sql<number>`count(*)` })
        .from(applications)
        .where(
          sql`${applications.queued} = 1 and ${applications.status} in ('待审核', '审核中', '待面审') ${unitId ? sql`and ${applications.unitId} = ${unitId}` : sql``} ${type ? sql`and ${applications.type} = ${type}` : sql``}`,
        )
        .get()!.n;
    const check = () => {
      expect(listQueue(admin, {}).total).toBe(real());
      expect(listQueue(reviewerA, {}).total).toBe(real(units.chaoyang.id));
      expect(listQueue(reviewerA, { type: '新办网站' }).total).toBe(real(units.chaoyang.id, '新办网站'));
      expect(listQueue(reviewerA, { type: '新增主体' }).total).toBe(real(units.chaoyang.id, '新增主体'));
    };
    check();
    const b = await bundle();
    check();
    claimApplication(reviewerA, b.subjectAppId);
    check();
    decideApplication(reviewerA, b.subjectAppId, { decision: '通过' });
    check();
    const { revokeApplication } = await import('@/lib/applications/service');
    revokeApplication(b.user.id, b.websiteAppId);
    check();
    const c = await bundle();
    decideApplication(reviewerA, c.subjectAppId, { decision: '退回', reason: '证件照片不清晰' });
    check();
    expect(listQueue(otherUnitReviewer, {}).total).toBe(0);
  });
});

describe('filing numbers under concurrency', () => {
  it('50 approvals racing in 5 processes get 50 distinct consecutive numbers of the unit', async () => {
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: '13566669999' }) });
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: `race${i}-${Date.now()}.com.cn` }));
      ids.push(w.applicationId);
      if (i === 0) decideApplication(reviewerA, s.applicationId, { decision: '通过' });
    }
    const start = websiteSeq(units.chaoyang.id);
    const actors = [reviewerA, reviewerB, reviewerA, reviewerB, reviewerA];
    const startAt = Date.now() + 2500;
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const runs = actors.map(
      (actor, k) =>
        new Promise<string[]>((resolve, reject) => {
          const p = spawn(tsx, ['--conditions=react-server', 'lib/test/decide-worker.ts', JSON.stringify(actor), JSON.stringify(ids.slice(k * 10, k * 10 + 10)), String(startAt)], {
            env: process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          p.stdout.on('data', (d) => (out += d));
          p.stderr.on('data', (d) => (err += d));
          p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`worker ${k} exited ${code}: ${err}`))));
        }),
    );
    const numbers = (await Promise.all(runs)).flat();
    expect(numbers.filter((n) => n.startsWith('error'))).toEqual([]);
    expect(new Set(numbers).size).toBe(50);
    const seqs = numbers.map((n) => Number(n.slice(13, 19))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => start + 1 + i));
    expect(numbers.every((n) => /^京公网安备11010502\d{6}号$/.test(n))).toBe(true);
    expect(websiteSeq(units.chaoyang.id)).toBe(start + 50);
  }, 120_000);
});
