import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, assessments, filingKeys, filings, subjects } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, appInput, miniProgramInput, lastSmsCode, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { acceptTransfer, createTransfer, sendPrincipalCode, submitNewSubject, submitSubjectCancel } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication, listQueue, recordInterviewOutcome, scheduleInterview } from '@/lib/review/service';
import { decryptPii } from '@/lib/pii/crypto';
import type { Actor } from '@/lib/auth/policy';
import type { AssessmentData } from '@/lib/assessments/types';
import { getFilingView, listMyFilings, listMyFilingsByKind, submitNewFiling } from './service';
import { previewFilingChange, submitFilingChange } from './change';
import { listCancellableFilings, sendFilingCancelCode, submitFilingCancel } from './cancel';
import { getPublicObjectFiling } from '@/lib/public/object-filings';
import { revokeApplication } from '@/lib/applications/service';

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let phoneSeq = 0;

beforeAll(async () => {
  units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13771000001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
});

const db = () => getDb();
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const filing = (id: number) => db().select().from(filings).where(eq(filings.id, id)).get()!;
const keysOf = (id: number) => db().select().from(filingKeys).where(eq(filingKeys.filingId, id)).all();
const fieldErrors = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (e) {
    return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
  }
  throw new Error('expected a refusal');
};

/** A fresh applicant whose subject (朝阳) is held back, not yet released. */
async function applicant(name = '张伟') {
  const user = await makeApplicant(name);
  const subj = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalName: name, principalPhone: `1392222${String(++phoneSeq).padStart(4, '0')}` }) });
  return { user, subjectId: subj.subjectId, subjectAppId: subj.applicationId };
}

/** An applicant whose subject is 有效 (released by a first APP, both approved). */
async function approvedApplicant(name = '张伟') {
  const a = await applicant(name);
  const first = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id));
  decideApplication(reviewer, a.subjectAppId, { decision: '通过' });
  decideApplication(reviewer, first.applicationId, { decision: '通过' });
  return { ...a, firstFilingId: first.filingId };
}

describe('新增APP / 新增小程序', () => {
  it('releases the held-back 新增主体 to the queue as one bundle with the APP', async () => {
    const a = await applicant();
    expect(appRow(a.subjectAppId).queued).toBe(false);
    const r = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id));
    const subjectApp = appRow(a.subjectAppId);
    expect(subjectApp).toMatchObject({ queued: true, bundleId: `B${a.subjectAppId}` });
    expect(appRow(r.applicationId)).toMatchObject({ type: '新增APP', status: '待审核', queued: true, bundleId: subjectApp.bundleId, unitId: subjectApp.unitId, filingId: r.filingId });
    expect(filing(r.filingId)).toMatchObject({ kind: 'APP', status: '待审核', name: '张伟摄影助手', icpNumber: '京ICP备12345678号-1A', filingNumber: null });
    expect(keysOf(r.filingId).map((k) => [k.platform, k.live])).toEqual([
      ['安卓', true],
      ['iOS', true],
    ]);
    // The APP cannot be approved before its subject.
    expect(() => decideApplication(reviewer, r.applicationId, { decision: '通过' })).toThrow(`请先审核与本申请一并提交的新增主体申请（${subjectApp.code}）`);
    // The queue shows 名称 and 标识 (包名) of the APP.
    expect(listQueue(reviewer, { type: '新增APP' }).rows.find((x) => x.id === r.applicationId)).toMatchObject({ websiteName: '张伟摄影助手', domain: expect.stringMatching(/^cn\.example\.app\d+$/) });
  });

  it('撤销申请 of the APP holds the 新增主体 back again and frees the 包名', async () => {
    const a = await applicant();
    const r = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id));
    expect(appRow(a.subjectAppId).queued).toBe(true);
    revokeApplication(a.user.id, r.applicationId);
    expect(appRow(r.applicationId).status).toBe('已撤销');
    expect(appRow(a.subjectAppId)).toMatchObject({ queued: false, bundleId: null, status: '待审核' });
    expect(filing(r.filingId).status).toBe('已退回');
    expect(keysOf(r.filingId).every((k) => !k.live)).toBe(true);
  });

  it('stores 同主体负责人信息 sealed and shows it masked', async () => {
    const a = await applicant();
    const r = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id));
    const raw = JSON.stringify(db().$client.prepare('select data from filings where id = ?').get(r.filingId));
    expect(raw).not.toContain('13900000');
    const view = getFilingView(a.user.id, '小程序', r.filingId);
    expect(view.contacts.securityOwner).toMatchObject({ mode: '同主体负责人信息', name: '张伟' });
    expect(view.contacts.securityOwner.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(view.values['basic.platform']).toBe('微信');
    expect(() => getFilingView(a.user.id, 'APP', r.filingId)).toThrow('APP不存在');
    const other = await makeApplicant('陈静');
    expect(() => getFilingView(other.id, '小程序', r.filingId)).toThrow('小程序不存在');
  });

  it('refuses a (运行平台, 包名) that belongs to another live APP, and frees it when that one is returned', async () => {
    const a = await applicant();
    const first = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { packageName: 'cn.taken.camera' }));
    const b = await applicant('陈静');
    const again = await appInput(b.user.id, { name: '陈静相机', packageName: 'cn.taken.camera', platforms: ['iOS'] });
    expect(fieldErrors(() => submitNewFiling(b.user.id, b.subjectId, 'APP', again))).toEqual({
      'basic.platforms.0.packageName': '运行平台“iOS”的包名 cn.taken.camera 已备案或正在办理，请勿重复申请',
    });
    // The same 包名 in another case is the same package.
    const upper = await appInput(b.user.id, { name: '陈静相机', packageName: 'CN.Taken.Camera', platforms: ['安卓'] });
    expect(Object.keys(fieldErrors(() => submitNewFiling(b.user.id, b.subjectId, 'APP', upper)))).toEqual(['basic.platforms.0.packageName']);
    decideApplication(reviewer, first.applicationId, { decision: '退回', reason: '信息不实' });
    expect(filing(first.filingId).status).toBe('已退回');
    expect(keysOf(first.filingId).every((k) => !k.live)).toBe(true);
    const ok = submitNewFiling(b.user.id, b.subjectId, 'APP', again);
    expect(filing(ok.filingId).status).toBe('待审核');
  });

  it('refuses a 小程序ID of the same platform that another live 小程序 holds', async () => {
    const a = await applicant();
    submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id, { appId: 'wx1234567890abcdef' }));
    const b = await applicant('陈静');
    const dup = await miniProgramInput(b.user.id, { name: '陈静预约', appId: 'wx1234567890abcdef' });
    expect(fieldErrors(() => submitNewFiling(b.user.id, b.subjectId, '小程序', dup))).toEqual({ 'basic.appId': '微信小程序ID wx1234567890abcdef 已备案或正在办理，请勿重复申请' });
  });

  it('applies the naming rules to the name with the subject as context', async () => {
    const a = await applicant();
    const input = await appInput(a.user.id, { name: '张伟维权论坛' });
    expect(fieldErrors(() => submitNewFiling(a.user.id, a.subjectId, 'APP', input))['basic.name']).toBe('个人APP的名称不得使用“维权”“论坛”等需要专项审批的字样');
  });
});

describe('审核 and numbering', () => {
  it('files an APP with 03 and a 小程序 with 04, each type counting on its own per unit', async () => {
    const a = await approvedApplicant();
    const first = filing(a.firstFilingId);
    expect(first.status).toBe('已备案');
    expect(first.filingDigits!.slice(0, 6)).toBe(units.chaoyang.code);
    expect(first.filingDigits!.slice(6, 8)).toBe('03');
    expect(first.filingNumber).toBe(`京公网安备${first.filingDigits}号`);
    const app2 = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟修图' }));
    const mini = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id));
    const site = submitNewWebsite(a.user.id, a.subjectId, await websiteInput(a.user.id));
    for (const id of [app2.applicationId, mini.applicationId, site.applicationId]) decideApplication(reviewer, id, { decision: '通过' });
    const seq = (digits: string | null) => Number(digits!.slice(8));
    expect(seq(filing(app2.filingId).filingDigits)).toBe(seq(first.filingDigits) + 1);
    const m = filing(mini.filingId);
    expect(m.filingDigits!.slice(6, 8)).toBe('04');
    const w = db().$client.prepare('select filing_digits as d from websites where id = ?').get(site.websiteId) as { d: string };
    expect(w.d.slice(6, 8)).toBe('02');
    // Three sequences: an APP number never takes a 小程序's or a website's place.
    expect(new Set([first.filingDigits, filing(app2.filingId).filingDigits, m.filingDigits, w.d]).size).toBe(4);
    expect(appRow(app2.applicationId)).toMatchObject({ status: '通过', decidedBy: reviewer.id });
    // The public record: the registry's public fields, the person's name masked.
    expect(getPublicObjectFiling(m.filingDigits!)).toEqual({
      kind: '小程序',
      digits: m.filingDigits,
      filingNumber: m.filingNumber,
      name: '张伟摄影预约',
      platforms: '微信',
      idents: [{ platform: '微信', ident: expect.stringMatching(/^wx[0-9a-f]{16}$/) }],
      subjectName: '张*',
      filedAt: m.filedAt,
      unitName: '朝阳分局网安大队',
      status: '已备案',
      hasIcon: true,
    });
    expect(getPublicObjectFiling(first.filingDigits!)).toMatchObject({ kind: 'APP', platforms: '安卓、iOS', status: '已备案' });
    // Not yet filed: not public.
    const pending = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟相册' }));
    expect(filing(pending.filingId).filingDigits).toBeNull();
    expect(getPublicObjectFiling(`${units.chaoyang.code}03999999`)).toBeNull();
  });

  it('files an interactive APP only after a passed 安全评估 and the 面审 outcome', async () => {
    const a = await approvedApplicant();
    const r = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '张伟摄影', interactive: true }));
    expect(filing(r.filingId).interactive).toBe(true);
    expect(() => decideApplication(reviewer, r.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');
    const later = Date.now() + 86_400_000;
    expect(() => scheduleInterview(reviewer, r.applicationId, { kind: '实地检查', scheduledAt: later })).toThrow('需先通过安全评估');
    db().insert(assessments).values({ subjectId: a.subjectId, filingId: r.filingId, status: '通过', data: {} as AssessmentData, createdAt: Date.now() }).run();
    expect(() => decideApplication(reviewer, r.applicationId, { decision: '通过' })).toThrow('提供互联网交互服务的APP须先安排面审或实地检查，核查通过后备案');
    scheduleInterview(reviewer, r.applicationId, { kind: '面审', scheduledAt: later, place: '朝阳分局网安大队', materials: '身份证原件' });
    expect(appRow(r.applicationId).status).toBe('待面审');
    expect(filing(r.filingId).status).toBe('待审核');
    recordInterviewOutcome(reviewer, r.applicationId, { decision: '通过' });
    expect(filing(r.filingId)).toMatchObject({ status: '已备案' });
    expect(filing(r.filingId).filingDigits!.slice(6, 8)).toBe('03');
  });
});

describe('变更 and 注销', () => {
  it('变更APP shows the changes, keeps the number and moves the 包名', async () => {
    const a = await approvedApplicant();
    const before = filing(a.firstFilingId);
    const input = await appInput(a.user.id, { name: '张伟摄影工具', packageName: 'cn.zhangwei.camera2' });
    const rows = previewFilingChange(a.user.id, 'APP', a.firstFilingId, input);
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining(['APP名称', '运行平台']));
    expect(rows.find((r) => r.label === 'APP名称')).toMatchObject({ before: '张伟摄影助手', after: '张伟摄影工具' });
    const c = submitFilingChange(a.user.id, 'APP', a.firstFilingId, { data: input });
    expect(filing(a.firstFilingId).status).toBe('变更中');
    expect(() => submitFilingChange(a.user.id, 'APP', a.firstFilingId, { data: input })).toThrow('存在审核中的单据');
    decideApplication(reviewer, c.applicationId, { decision: '通过' });
    const after = filing(a.firstFilingId);
    expect(after).toMatchObject({ status: '已备案', name: '张伟摄影工具', filingNumber: before.filingNumber, filingDigits: before.filingDigits });
    expect(keysOf(a.firstFilingId).map((k) => k.ident)).toEqual(['cn.zhangwei.camera2', 'cn.zhangwei.camera2']);
    // The old 包名 is free for anyone again.
    const oldPkg = before.data.kind === 'APP' ? before.data.basic.platforms[0].packageName : '';
    const b = await applicant('陈静');
    const reuse = await appInput(b.user.id, { name: '陈静相机', packageName: oldPkg });
    expect(filing(submitNewFiling(b.user.id, b.subjectId, 'APP', reuse).filingId).status).toBe('待审核');
  });

  it('注销APP after the principal check: 已注销, its number not used again', async () => {
    const a = await approvedApplicant();
    expect(listCancellableFilings(a.user.id, a.subjectId, 'APP').map((f) => f.id)).toEqual([a.firstFilingId]);
    const phone = decryptPii(db().select().from(subjects).where(eq(subjects.id, a.subjectId)).get()!.principalPhoneEnc);
    await sendFilingCancelCode(a.user.id, 'APP', a.firstFilingId);
    expect(() => submitFilingCancel(a.user.id, 'APP', a.firstFilingId, { principalName: '王五', middleFour: phone.slice(3, 7), code: '000000', reason: '停止运营' })).toThrow('负责人姓名与主体信息不一致');
    const c = submitFilingCancel(a.user.id, 'APP', a.firstFilingId, { principalName: '张伟', middleFour: phone.slice(3, 7), code: lastSmsCode(phone), reason: '停止运营' });
    expect(filing(a.firstFilingId).status).toBe('注销中');
    expect(appRow(c.applicationId)).toMatchObject({ type: '注销APP', filingId: a.firstFilingId });
    // The queue's 名称 / 标识 of the cancellation.
    const row = listQueue(reviewer, { type: '注销APP' }).rows.find((r) => r.id === c.applicationId);
    expect(row).toMatchObject({ websiteName: '张伟摄影助手', domain: expect.stringMatching(/^cn\.example\.app\d+$/) });
    decideApplication(reviewer, c.applicationId, { decision: '通过' });
    const f = filing(a.firstFilingId);
    expect(f.status).toBe('已注销');
    expect(f.cancelledAt).not.toBeNull();
    expect(f.filingNumber).not.toBeNull();
    expect(keysOf(a.firstFilingId).every((k) => !k.live)).toBe(true);
    expect(listMyFilings(a.user.id, a.subjectId, 'APP').find((x) => x.id === a.firstFilingId)?.status).toBe('已注销');
    expect(getPublicObjectFiling(f.filingDigits!)?.status).toBe('已注销');
  });

  it('注销主体 cancels the subject’s APPs and 小程序 and frees their identifiers', async () => {
    const a = await approvedApplicant();
    const mini = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id));
    decideApplication(reviewer, mini.applicationId, { decision: '通过' });
    const phone = decryptPii(db().select().from(subjects).where(eq(subjects.id, a.subjectId)).get()!.principalPhoneEnc);
    await sendPrincipalCode(a.user.id, a.subjectId, 'subject_cancel');
    const c = submitSubjectCancel(a.user.id, a.subjectId, { principalName: '张伟', middleFour: phone.slice(3, 7), code: lastSmsCode(phone), reason: '不再运营' });
    decideApplication(reviewer, c.applicationId, { decision: '通过' });
    for (const id of [a.firstFilingId, mini.filingId]) {
      expect(filing(id).status).toBe('已注销');
      expect(keysOf(id).every((k) => !k.live)).toBe(true);
    }
  });

  it('移交主体 moves the APPs with the subject', async () => {
    const a = await approvedApplicant();
    const to = await makeApplicant('陈静');
    const phone = decryptPii(db().select().from(subjects).where(eq(subjects.id, a.subjectId)).get()!.principalPhoneEnc);
    await sendPrincipalCode(a.user.id, a.subjectId, 'subject_transfer');
    const t = createTransfer(a.user.id, a.subjectId, { middleFour: phone.slice(3, 7), toPhone: to.phone, toIdNumber: to.idNumber, code: lastSmsCode(phone) });
    acceptTransfer(to.id, t.transferId);
    expect(listMyFilings(to.id, a.subjectId, 'APP').map((f) => f.id)).toEqual([a.firstFilingId]);
    expect(listMyFilings(a.user.id, a.subjectId, 'APP')).toEqual([]);
    // The applicant home's cards: every kind in one read, only for the subject's owner.
    expect(listMyFilingsByKind(to.id, a.subjectId)).toEqual({ APP: listMyFilings(to.id, a.subjectId, 'APP'), 小程序: [], 应用市场: [], 服务商: [] });
    expect(Object.values(listMyFilingsByKind(a.user.id, a.subjectId)).flat()).toEqual([]);
  });

  it('the applicant home reads every kind at once, newest first, as the per-kind lists do', async () => {
    const a = await approvedApplicant();
    const mini = submitNewFiling(a.user.id, a.subjectId, '小程序', await miniProgramInput(a.user.id));
    const app2 = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id, { name: '云帆办事二号' }));
    const byKind = listMyFilingsByKind(a.user.id, a.subjectId);
    expect(byKind.APP.map((f) => f.id)).toEqual([app2.filingId, a.firstFilingId]);
    expect(byKind.小程序.map((f) => [f.id, f.kind])).toEqual([[mini.filingId, '小程序']]);
    for (const kind of ['APP', '小程序', '应用市场', '服务商'] as const) expect(byKind[kind]).toEqual(listMyFilings(a.user.id, a.subjectId, kind));
  });
});
