import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { getDb } from '@/db/client';
import { applications, assessments, filings, notifications } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, appInput, miniProgramInput, websiteInput, applicantActor } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { storeUpload } from '@/lib/files/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewFiling } from '@/lib/filings/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { revokeApplication } from '@/lib/applications/service';
import { loadReceiptView } from '@/lib/applications/receipt-pdf';
import { decideApplication, getReviewApplication, listQueue, recordInterviewOutcome, scheduleInterview } from '@/lib/review/service';
import { pdftotext, squashPdfText } from '@/lib/pdf/poppler';
import { assessmentReportResponse } from './report-response';
import type { Actor } from '@/lib/auth/policy';
import type { AssessmentTargetType } from './schemas';
import { assessableFilings, assessableWebsites, getAssessmentForReview, getMyAssessment, listMyAssessments, submitAssessment } from './service';

// 安全评估 of an APP / 小程序 (SPEC §7, §15): chosen among the subject's interactive ones, stored by
// filing_id, and what the 新增APP / 新增小程序 waits for before its 面审 and its number.

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let seq = 0;

beforeAll(async () => {
  units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13771000002', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
});

const db = () => getDb();
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const assessmentOf = (applicationId: number) => db().select().from(assessments).where(eq(assessments.applicationId, applicationId)).get()!;
const filing = (id: number) => db().select().from(filings).where(eq(filings.id, id)).get()!;

async function uploadPdf(ownerId: number, name = '自评估报告盖章件.pdf') {
  const doc = await PDFDocument.create();
  doc.setTitle(`${name} ${++seq}`);
  doc.addPage([595, 842]);
  return storeUpload({ ownerId, kind: 'pdf', originalName: name, bytes: Buffer.from(await doc.save()) });
}

/** A fresh applicant with a 个人 subject (朝阳), held back until its first business application. */
async function applicant(name = '张伟') {
  const user = await makeApplicant(name);
  const s = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalName: name, principalPhone: `1358${String(++seq).padStart(7, '0')}` }) });
  return { user, subjectId: s.subjectId, subjectAppId: s.applicationId };
}

async function assessmentInput(ownerId: number, targetType: AssessmentTargetType, id: number) {
  const sealed = await uploadPdf(ownerId);
  return {
    report: {
      targetType,
      ...(targetType === '网站' ? { websiteId: id } : { filingId: id }),
      situation: '2026年3月由本单位技术部对APP开展安全自评估：\n1. 用户注册实名核验；\n2. 评论区敏感词过滤。',
      methods: ['自行评估', '渗透测试'] as ('自行评估' | '渗透测试')[],
      methodOther: '',
    },
    files: { sealedReportFileId: sealed.id, thirdPartyReportFileId: null },
    notice: { agree: true as const },
  };
}

function fieldErrorOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? { _message: (e as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('安全评估 of an APP', () => {
  it('an interactive 新增APP is filed after its 安全评估 passes and the 面审 outcome is recorded', async () => {
    const a = await applicant();
    const app = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟摄影分享', interactive: true }));
    decideApplication(reviewer, a.subjectAppId, { decision: '通过' });

    // Offered under 类型 APP, with its 包名 and 运行平台.
    const offered = assessableFilings(a.user.id, a.subjectId);
    expect(offered).toEqual([
      expect.objectContaining({ id: app.filingId, kind: 'APP', name: '张伟摄影分享', identLabel: '包名', platform: '安卓、iOS', platformLabel: '运行平台', status: '待审核', interactive: true, pending: false, approved: false }),
    ]);
    expect(offered[0].ident).toMatch(/^cn\.example\.app\d+$/);

    expect(() => decideApplication(reviewer, app.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');

    const r = submitAssessment(a.user.id, a.subjectId, await assessmentInput(a.user.id, 'APP', app.filingId));
    // The application and the assessment name the filing, not a website.
    expect(appRow(r.applicationId)).toMatchObject({ type: '安全评估', status: '待审核', subjectId: a.subjectId, filingId: app.filingId, websiteId: null, unitId: units.chaoyang.id, queued: true });
    expect(appRow(r.applicationId).payload).toMatchObject({ target: { type: 'APP', filingId: app.filingId, name: '张伟摄影分享', ident: offered[0].ident, platform: '安卓、iOS', interactive: true, status: '待审核' } });
    const stored = assessmentOf(r.applicationId);
    expect(stored).toMatchObject({ subjectId: a.subjectId, filingId: app.filingId, websiteId: null, status: '待审核' });
    expect(stored.data.report).toEqual(expect.objectContaining({ targetType: 'APP', filingId: app.filingId }));
    expect(stored.data.report).not.toHaveProperty('websiteId');

    // One open assessment at a time.
    expect(assessableFilings(a.user.id, a.subjectId)[0]).toMatchObject({ pending: true });
    const again = await assessmentInput(a.user.id, 'APP', app.filingId);
    expect(fieldErrorOf(() => submitAssessment(a.user.id, a.subjectId, again))).toEqual({ 'report.filingId': '该APP已有审核中的安全评估' });

    // What the applicant and the reviewer see: 类型 APP and the APP's name.
    expect(listMyAssessments(a.user.id, { subjectId: a.subjectId }).rows).toEqual([
      expect.objectContaining({ id: r.assessmentId, targetType: 'APP', targetName: '张伟摄影分享', ident: offered[0].ident, websiteName: null, shownStatus: '待审核' }),
    ]);
    expect(getMyAssessment(a.user.id, r.assessmentId)).toMatchObject({ website: null, filing: { id: app.filingId, kind: 'APP', name: '张伟摄影分享', identLabel: '包名', interactive: true } });
    expect(getAssessmentForReview(reviewer, r.applicationId).filing).toMatchObject({ kind: 'APP', name: '张伟摄影分享', platform: '安卓、iOS' });
    expect(listQueue(reviewer, { type: '安全评估' }).rows.find((x) => x.id === r.applicationId)).toMatchObject({ websiteName: '张伟摄影分享', domain: offered[0].ident });
    expect(loadReceiptView(reviewer, r.applicationId).details).toEqual(
      expect.arrayContaining([
        ['评估对象类型', 'APP'],
        ['APP名称', '张伟摄影分享'],
        ['包名', offered[0].ident],
      ]),
    );
    // The 新增APP's decision page shows the assessment it waits for.
    expect(getReviewApplication(reviewer, app.applicationId).assessment).toEqual({ status: '待审核', applicationId: r.applicationId });
    expect(() => decideApplication(reviewer, app.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');

    decideApplication(reviewer, r.applicationId, { decision: '通过' });
    expect(assessmentOf(r.applicationId).status).toBe('通过');
    expect(getReviewApplication(reviewer, app.applicationId).assessment).toMatchObject({ status: '通过' });
    expect(filing(app.filingId).status).toBe('待审核');
    // 通过 alone does not file it: 面审 / 实地检查 first, as for a website.
    expect(() => decideApplication(reviewer, app.applicationId, { decision: '通过' })).toThrow('提供互联网交互服务的APP须先安排面审或实地检查，核查通过后备案');
    const later = Date.now() + 3 * 86_400_000;
    scheduleInterview(reviewer, app.applicationId, { kind: '面审', scheduledAt: later, place: '朝阳分局网安大队', materials: '身份证原件、自评估报告原件' });
    expect(appRow(app.applicationId).status).toBe('待面审');
    recordInterviewOutcome(reviewer, app.applicationId, { decision: '通过', note: '材料齐全' });
    const filed = filing(app.filingId);
    expect(filed.status).toBe('已备案');
    expect(filed.filingNumber).toMatch(/^京公网安备11010503\d{6}号$/);
    expect(appRow(app.applicationId).status).toBe('通过');
    // Filed and approved: still offered (a re-assessment), marked as approved.
    expect(assessableFilings(a.user.id, a.subjectId)[0]).toMatchObject({ status: '已备案', approved: true, pending: false });
  });

  it('a 退回 or 撤销 assessment leaves the 新增APP waiting; the APP may be assessed again', async () => {
    const a = await applicant();
    const app = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { interactive: true }));
    decideApplication(reviewer, a.subjectAppId, { decision: '通过' });
    const first = submitAssessment(a.user.id, a.subjectId, await assessmentInput(a.user.id, 'APP', app.filingId));
    decideApplication(reviewer, first.applicationId, { decision: '退回', reason: '开展评估情况过于简略' });
    expect(assessmentOf(first.applicationId).status).toBe('退回');
    expect(() => decideApplication(reviewer, app.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');
    const second = submitAssessment(a.user.id, a.subjectId, await assessmentInput(a.user.id, 'APP', app.filingId));
    revokeApplication(a.user.id, second.applicationId);
    expect(assessmentOf(second.applicationId).status).toBe('已撤销');
    expect(filing(app.filingId).status).toBe('待审核');
    expect(() => scheduleInterview(reviewer, app.applicationId, { kind: '面审', scheduledAt: Date.now() + 86_400_000, place: '朝阳分局网安大队', materials: '身份证原件' })).toThrow('需先通过安全评估');
    expect(assessmentOf(submitAssessment(a.user.id, a.subjectId, await assessmentInput(a.user.id, 'APP', app.filingId)).applicationId).status).toBe('待审核');
  });

  it('only the current subject’s interactive APP can be chosen: others are refused in Chinese, a non-interactive one is not offered', async () => {
    const a = await applicant();
    const quiet = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟相册', interactive: false }));
    const mini = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id, { interactive: true }));
    const site = submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id, { domain: `fa${++seq}.com.cn`, interactive: true }));
    const submit = async (type: AssessmentTargetType, id: number) => {
      const input = await assessmentInput(a.user.id, type, id);
      return fieldErrorOf(() => submitAssessment(a.user.id, a.subjectId, input));
    };

    // The non-interactive APP needs no assessment: not offered, and refused.
    expect(assessableFilings(a.user.id, a.subjectId).map((f) => f.id)).toEqual([mini.filingId]);
    expect(await submit('APP', quiet.filingId)).toEqual({ 'report.filingId': '该APP未提供互联网交互服务，无需发起安全评估' });

    // Another user's APP: as unknown as a missing one.
    const other = await applicant('李娜');
    const theirs = submitNewFiling(other.user.id, other.subjectId, 'APP', await appInput(other.user.id, { name: '李娜摄影', interactive: true }));
    expect(assessableFilings(a.user.id, a.subjectId).map((f) => f.id)).not.toContain(theirs.filingId);
    expect(await submit('APP', theirs.filingId)).toEqual({ 'report.filingId': '评估对象APP不存在' });

    // The user's own APP under another subject of theirs.
    const second = submitNewSubject(a.user.id, { data: await personSubjectInput(a.user.id, { principalName: '张伟', principalPhone: `1358${String(++seq).padStart(7, '0')}` }) });
    const elsewhere = submitNewFiling(a.user.id, second.subjectId, 'APP', await appInput(a.user.id, { name: '张伟旅拍', interactive: true }));
    expect(assessableFilings(a.user.id, a.subjectId).map((f) => f.id)).not.toContain(elsewhere.filingId);
    expect(await submit('APP', elsewhere.filingId)).toEqual({ 'report.filingId': '评估对象须为当前主体的APP，请先切换到该APP所属主体' });

    // A 小程序 chosen as an APP is not one.
    expect(await submit('APP', mini.filingId)).toEqual({ 'report.filingId': '评估对象APP不存在' });
    // 类型 网站 reads websiteId only.
    const noWebsite = await assessmentInput(a.user.id, 'APP', mini.filingId);
    expect(fieldErrorOf(() => submitAssessment(a.user.id, a.subjectId, { ...noWebsite, report: { ...noWebsite.report, targetType: '网站' } }))).toEqual({ 'report.websiteId': '请选择评估对象' });

    // Nothing was written by the refusals; the website is still offered under 网站.
    expect(db().select().from(assessments).where(eq(assessments.subjectId, a.subjectId)).all()).toEqual([]);
    expect(assessableWebsites(a.user.id, a.subjectId).map((w) => w.id)).toEqual([site.websiteId]);
  });
});

describe('安全评估 of a 小程序', () => {
  it('is created for an interactive 新增小程序 with its 小程序ID and 所属平台, and is what the 新增小程序 waits for', async () => {
    const a = await applicant();
    const mini = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id, { name: '张伟摄影预约', interactive: true }));
    const appId = (filing(mini.filingId).data.basic as { appId: string }).appId;
    expect(assessableFilings(a.user.id, a.subjectId)).toEqual([
      expect.objectContaining({ id: mini.filingId, kind: '小程序', ident: appId, identLabel: '小程序ID', platform: '微信', platformLabel: '所属平台' }),
    ]);

    const r = submitAssessment(a.user.id, a.subjectId, await assessmentInput(a.user.id, '小程序', mini.filingId));
    expect(appRow(r.applicationId)).toMatchObject({ type: '安全评估', filingId: mini.filingId, websiteId: null });
    expect(appRow(r.applicationId).payload).toMatchObject({ target: { type: '小程序', filingId: mini.filingId, name: '张伟摄影预约', ident: appId, platform: '微信' } });
    expect(assessmentOf(r.applicationId)).toMatchObject({ filingId: mini.filingId, websiteId: null, status: '待审核' });
    const notice = db().select().from(notifications).where(eq(notifications.userId, a.user.id)).all().find((n) => n.event === 'assessment.submitted')!;
    expect(notice.body).toContain('评估对象：张伟摄影预约');
    expect(listMyAssessments(a.user.id).rows[0]).toMatchObject({ targetType: '小程序', targetName: '张伟摄影预约', ident: appId });
    const again = await assessmentInput(a.user.id, '小程序', mini.filingId);
    expect(fieldErrorOf(() => submitAssessment(a.user.id, a.subjectId, again))).toEqual({ 'report.filingId': '该小程序已有审核中的安全评估' });

    decideApplication(reviewer, a.subjectAppId, { decision: '通过' });
    expect(() => decideApplication(reviewer, mini.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');
    decideApplication(reviewer, r.applicationId, { decision: '通过' });
    expect(() => decideApplication(reviewer, mini.applicationId, { decision: '通过' })).toThrow('提供互联网交互服务的小程序须先安排面审或实地检查，核查通过后备案');
  });
});

describe('下载自评估报告 of an APP', () => {
  it('fills the APP’s name, 包名 and 运行平台 into an APP安全自评估报告; another user’s APP is not found', async () => {
    const a = await applicant();
    const app = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟摄影分享', interactive: true }));
    const pkg = assessableFilings(a.user.id, a.subjectId)[0].ident;
    const post = (userId: number, body: unknown) =>
      assessmentReportResponse(
        applicantActor(userId),
        new Request('http://localhost/api/assessments/report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      );
    const body = { targetType: 'APP', filingId: app.filingId, situation: '已完成自评估。', methods: ['自行评估'], methodOther: '' };

    const res = await post(a.user.id, body);
    expect(res.status).toBe(200);
    const text = squashPdfText(pdftotext(new Uint8Array(await res.arrayBuffer())));
    for (const s of ['APP安全自评估报告', '评估对象类型', 'APP名称', '张伟摄影分享', '包名', pkg, '运行平台', '交互式']) expect(text).toContain(squashPdfText(s));
    expect(text).not.toContain('网站域名');

    const stranger = await applicant('陈静');
    const refused = await post(stranger.user.id, body);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: '评估对象APP不存在', fieldErrors: { filingId: '评估对象APP不存在' } });
  });
});
