import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { getDb } from '@/db/client';
import { applications, assessments, auditLog, drafts, files, notifications, queueCounts, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, uploadPng } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { storeUpload } from '@/lib/files/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { saveDraft } from '@/lib/drafts/service';
import { revokeApplication } from '@/lib/applications/service';
import { dueAtFor } from '@/lib/review/due';
import { decideApplication, listQueue, recordInterviewOutcome, scheduleInterview } from '@/lib/review/service';
import type { Actor } from '@/lib/auth/policy';
import type { AssessmentSubmitInput } from './schemas';
import { ASSESSMENT_MESSAGES, assessableWebsites, getAssessmentForReview, getMyAssessment, listMyAssessments, recentAssessments, submitAssessment } from './service';

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let seq = 0;

beforeAll(async () => {
  units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13771000001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
});

const db = () => getDb();
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const assessmentOf = (applicationId: number) => db().select().from(assessments).where(eq(assessments.applicationId, applicationId)).get()!;
const site = (id: number) => db().select().from(websites).where(eq(websites.id, id)).get()!;

async function uploadPdf(ownerId: number, name = '自评估报告盖章件.pdf') {
  const doc = await PDFDocument.create();
  doc.setTitle(`${name} ${++seq}`);
  doc.addPage([595, 842]);
  return storeUpload({ ownerId, kind: 'pdf', originalName: name, bytes: Buffer.from(await doc.save()) });
}

/** A fresh applicant with a 个人 subject (朝阳) and its first website, both submitted. */
async function applicantWithWebsite(opts: { interactive?: boolean } = {}) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: `1357${String(++seq).padStart(7, '0')}` }) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: `assess${++seq}.com.cn`, name: '张伟摄影分享', interactive: opts.interactive ?? true }));
  return { user: u, subjectId: s.subjectId, subjectAppId: s.applicationId, websiteAppId: w.applicationId, websiteId: w.websiteId };
}

async function assessmentInput(ownerId: number, websiteId: number, over: { thirdParty?: boolean; methods?: AssessmentSubmitInput['report']['methods'] } = {}) {
  const sealed = await uploadPdf(ownerId);
  const third = over.thirdParty ? await uploadPdf(ownerId, '第三方检测报告.pdf') : null;
  return {
    report: {
      targetType: '网站' as const,
      websiteId,
      situation: '2026年3月由本单位技术部对网站开展安全自评估：\n1. 用户注册实名核验；\n2. 评论区敏感词过滤。\n发现2个中危漏洞，已整改完毕。',
      methods: over.methods ?? (['自行评估', '渗透测试'] as AssessmentSubmitInput['report']['methods']),
      methodOther: '',
    },
    files: { sealedReportFileId: sealed.id, thirdPartyReportFileId: third?.id ?? null },
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

describe('发起安全评估', () => {
  it('submits a routed, queued 安全评估 application with its assessment 待审核 and deletes the draft', async () => {
    const b = await applicantWithWebsite();
    const input = await assessmentInput(b.user.id, b.websiteId, { thirdParty: true, methods: ['自行评估', '其他'] });
    input.report.methodOther = '等级保护测评';
    const draftId = saveDraft(b.user.id, '安全评估', { report: input.report, step: 4 }, { subjectId: b.subjectId, websiteId: b.websiteId });
    const countBefore = db().select().from(queueCounts).all().find((c) => c.unitId === units.chaoyang.id && c.type === '安全评估')?.n ?? 0;
    const now = Date.now();

    const r = submitAssessment(b.user.id, b.subjectId, input, { draftId }, now);

    const app = appRow(r.applicationId);
    expect(app).toMatchObject({
      type: '安全评估',
      status: '待审核',
      applicantId: b.user.id,
      subjectId: b.subjectId,
      websiteId: b.websiteId,
      unitId: units.chaoyang.id,
      queued: true,
      queuedAt: now,
      dueAt: dueAtFor('安全评估', now),
    });
    expect(app.code).toMatch(/^SQ\d{14}$/);
    expect(app.payload).toMatchObject({
      target: { type: '网站', websiteId: b.websiteId, name: '张伟摄影分享', interactive: true, status: '待审核' },
      report: { situation: input.report.situation, methods: ['自行评估', '其他'], methodOther: '等级保护测评' },
      files: input.files,
    });
    const a = assessmentOf(r.applicationId);
    expect(a).toMatchObject({ id: r.assessmentId, subjectId: b.subjectId, websiteId: b.websiteId, status: '待审核' });
    expect(a.data).toEqual({ report: expect.objectContaining({ websiteId: b.websiteId, targetType: '网站' }), files: input.files });
    // The PDFs are attached to the subject so its unit's reviewers may read them.
    for (const id of [input.files.sealedReportFileId, input.files.thirdPartyReportFileId!])
      expect(db().select({ s: files.subjectId }).from(files).where(eq(files.id, id)).get()!.s).toBe(b.subjectId);
    expect(db().select().from(drafts).where(eq(drafts.id, draftId)).get()).toBeUndefined();
    expect(db().select().from(auditLog).all().some((l) => l.action === 'assessment.submit' && l.objectId === String(r.applicationId))).toBe(true);
    const notice = db().select().from(notifications).where(eq(notifications.userId, b.user.id)).all().find((n) => n.event === 'assessment.submitted')!;
    expect(notice).toMatchObject({ title: '安全评估申请已提交', link: `/my/assessments/${r.assessmentId}` });
    expect(notice.body).toContain(r.code);

    // In the unit's queue (counted by the triggers), with the website's name and 主域名.
    expect(db().select().from(queueCounts).all().find((c) => c.unitId === units.chaoyang.id && c.type === '安全评估')!.n).toBe(countBefore + 1);
    const row = listQueue(reviewer, { type: '安全评估' }).rows.find((x) => x.id === r.applicationId)!;
    expect(row).toMatchObject({ type: '安全评估', websiteName: '张伟摄影分享', subjectName: '张伟', status: '待审核' });
    expect(row.domain).toMatch(/^www\.assess\d+\.com\.cn$/);

    // The applicant's list and detail, and the reviewer's view.
    const mine = listMyAssessments(b.user.id, { subjectId: b.subjectId });
    expect(mine.rows).toEqual([expect.objectContaining({ id: r.assessmentId, code: r.code, websiteName: '张伟摄影分享', shownStatus: '待审核' })]);
    const view = getMyAssessment(b.user.id, r.assessmentId);
    expect(view.report).toEqual({ situation: input.report.situation, methods: ['自行评估', '其他'], methodOther: '等级保护测评' });
    expect(view.files.sealedReport).toMatchObject({ id: input.files.sealedReportFileId, kind: 'pdf', name: '自评估报告盖章件.pdf' });
    expect(view.files.thirdPartyReport).toMatchObject({ name: '第三方检测报告.pdf' });
    expect(getAssessmentForReview(reviewer, r.applicationId).website).toMatchObject({ name: '张伟摄影分享', interactive: true, domains: [row.domain] });
    // The home page's 安全评估 card: the same rows, and none of them for another account.
    expect(recentAssessments(b.user.id, b.subjectId, 5)).toEqual(mine.rows);
    const stranger = await makeApplicant('陈静');
    expect(recentAssessments(stranger.id, b.subjectId, 5)).toEqual([]);
    expect(() => getMyAssessment(stranger.id, r.assessmentId)).toThrow('安全评估不存在');

    // The website is offered no more while this one is under review.
    expect(assessableWebsites(b.user.id, b.subjectId).find((w) => w.id === b.websiteId)).toMatchObject({ pending: true, approved: false, interactive: true });
  });

  it('refuses someone else’s website, a missing sealed report, a non-PDF file and a second open assessment', async () => {
    const b = await applicantWithWebsite();
    const other = await applicantWithWebsite();

    // Someone else's website: as unknown as a missing one.
    const theirs = await assessmentInput(b.user.id, other.websiteId);
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, theirs))).toEqual({ 'report.websiteId': '评估对象网站不存在' });

    // No 自评估报告盖章件.
    const missing = await assessmentInput(b.user.id, b.websiteId);
    const noSealed = { ...missing, files: { sealedReportFileId: null, thirdPartyReportFileId: null } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, noSealed))).toMatchObject({ 'files.sealedReportFileId': '请上传自评估报告盖章件' });

    // An image instead of a PDF, and a file of another user.
    const png = await uploadPng(b.user.id, '盖章件.png');
    const notPdf = { ...missing, files: { sealedReportFileId: png.id, thirdPartyReportFileId: null } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, notPdf))).toEqual({ 'files.sealedReportFileId': '自评估报告盖章件须为PDF文件' });
    const pngThird = { ...missing, files: { sealedReportFileId: missing.files.sealedReportFileId, thirdPartyReportFileId: png.id } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, pngThird))).toEqual({ 'files.thirdPartyReportFileId': '第三方检测报告须为PDF文件' });
    const foreignPdf = await uploadPdf(other.user.id);
    const foreign = { ...missing, files: { sealedReportFileId: foreignPdf.id, thirdPartyReportFileId: null } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, foreign))).toEqual({ 'files.sealedReportFileId': ASSESSMENT_MESSAGES.fileMissing });

    // The schema's own messages.
    const empty = { ...missing, report: { ...missing.report, situation: '  ', methods: [] }, notice: { agree: false } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, empty))).toMatchObject({
      'report.situation': '请填写开展评估情况',
      'report.methods': '请至少选择一种评估方法',
      'notice.agree': '请阅读并同意网络安全责任告知书',
    });
    const otherMethod = { ...missing, report: { ...missing.report, methods: ['其他'] } };
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, otherMethod))).toMatchObject({ 'report.methodOther': '请填写其他评估方法' });

    // Nothing was written by the refusals.
    expect(db().select().from(assessments).where(eq(assessments.websiteId, b.websiteId)).all()).toEqual([]);

    // One open assessment per website.
    submitAssessment(b.user.id, b.subjectId, missing);
    const again = await assessmentInput(b.user.id, b.websiteId);
    expect(fieldErrorOf(() => submitAssessment(b.user.id, b.subjectId, again))).toEqual({ 'report.websiteId': '该网站已有审核中的安全评估' });
    expect(() => submitAssessment(b.user.id, b.subjectId, again)).toThrow('该网站已有审核中的安全评估');
  });

  it('撤销申请 leaves the assessment 已撤销 and the website may be assessed again', async () => {
    const b = await applicantWithWebsite();
    const r = submitAssessment(b.user.id, b.subjectId, await assessmentInput(b.user.id, b.websiteId));
    revokeApplication(b.user.id, r.applicationId);
    expect(appRow(r.applicationId).status).toBe('已撤销');
    expect(assessmentOf(r.applicationId).status).toBe('已撤销');
    expect(site(b.websiteId).status).toBe('待审核');
    expect(listMyAssessments(b.user.id).rows.find((x) => x.id === r.assessmentId)?.shownStatus).toBe('已撤销');
    const again = submitAssessment(b.user.id, b.subjectId, await assessmentInput(b.user.id, b.websiteId));
    expect(assessmentOf(again.applicationId).status).toBe('待审核');
  });

  it('an interactive website cannot be filed while its assessment is pending or returned; it can after 通过 and the recorded 面审 outcome', async () => {
    const b = await applicantWithWebsite({ interactive: true });
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    expect(() => decideApplication(reviewer, b.websiteAppId, { decision: '通过' })).toThrow('需先通过安全评估');

    // Pending.
    const first = submitAssessment(b.user.id, b.subjectId, await assessmentInput(b.user.id, b.websiteId));
    expect(() => decideApplication(reviewer, b.websiteAppId, { decision: '通过' })).toThrow('需先通过安全评估');
    const future = Date.now() + 3 * 86_400_000;
    expect(() => scheduleInterview(reviewer, b.websiteAppId, { kind: '面审', scheduledAt: future, place: '朝阳分局网安大队', materials: '身份证原件' })).toThrow('需先通过安全评估');

    // Returned.
    decideApplication(reviewer, first.applicationId, { decision: '退回', reason: '开展评估情况过于简略', fieldComments: { 开展评估情况: '请补充评估范围和整改情况' } });
    expect(assessmentOf(first.applicationId).status).toBe('退回');
    expect(() => decideApplication(reviewer, b.websiteAppId, { decision: '通过' })).toThrow('需先通过安全评估');
    expect(site(b.websiteId).status).toBe('待审核');

    // A new assessment, approved.
    const second = submitAssessment(b.user.id, b.subjectId, await assessmentInput(b.user.id, b.websiteId, { thirdParty: true }));
    decideApplication(reviewer, second.applicationId, { decision: '通过' });
    expect(appRow(second.applicationId).status).toBe('通过');
    expect(assessmentOf(second.applicationId).status).toBe('通过');
    expect(assessmentOf(first.applicationId).status).toBe('退回');
    expect(site(b.websiteId).status).toBe('待审核');
    // 通过 alone does not file it: 面审 / 实地检查 first.
    expect(() => decideApplication(reviewer, b.websiteAppId, { decision: '通过' })).toThrow('交互式网站须先安排面审或实地检查');

    scheduleInterview(reviewer, b.websiteAppId, { kind: '面审', scheduledAt: future, place: '朝阳分局网安大队（朝阳路1号）', materials: '身份证原件、自评估报告原件' });
    expect(appRow(b.websiteAppId).status).toBe('待面审');
    expect(site(b.websiteId).filingNumber).toBeNull();
    recordInterviewOutcome(reviewer, b.websiteAppId, { decision: '通过', note: '材料齐全，与自评估报告一致' });
    const filed = site(b.websiteId);
    expect(filed.status).toBe('已备案');
    expect(filed.filingNumber).toMatch(/^京公网安备11010502\d{6}号$/);
    expect(appRow(b.websiteAppId).status).toBe('通过');
  });
});
