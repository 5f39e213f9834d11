import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, subjects, websites, files, assessments, users, drafts } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, orgSubjectInput, uploadPng, lastSmsCode } from '@/lib/test/fixtures';
import {
  submitNewSubject,
  submitSubjectChange,
  previewSubjectChange,
  applyApprovedChange,
  applyApprovedCancellation,
  submitSubjectCancel,
  sendPrincipalCode,
  createTransfer,
  listTransferOffers,
  acceptTransfer,
  undoTransfer,
  getSubjectView,
  listMySubjects,
  setCurrentSubject,
  currentSubjectId,
  currentSubjectSummary,
} from './service';
import { revokeApplication, listMyApplications, recentApplications } from '@/lib/applications/service';
import { saveDraft, listDrafts, latestDraft, purgeOldDrafts } from '@/lib/drafts/service';
import type { AssessmentData } from '@/lib/assessments/types';
import type { WebsiteRecordData } from '@/lib/websites/types';

let units: ReturnType<typeof seedUnits>;
beforeAll(() => {
  units = seedUnits();
});

const db = () => getDb();
const subjectRow = (id: number) => db().select().from(subjects).where(eq(subjects.id, id)).get()!;
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;


/** Marks a subject approved the way the review service will (direct, for set-up). */
function approve(subjectId: number, status: '有效' | '注销中' = '有效') {
  db().update(subjects).set({ status }).where(eq(subjects.id, subjectId)).run();
  db()
    .update(applications)
    .set({ status: '通过' })
    .where(and(eq(applications.subjectId, subjectId), eq(applications.type, '新增主体')))
    .run();
}

describe('新增主体', () => {
  it('creates a 待审核 subject held back from every queue, routed to the jurisdiction unit, PII sealed', async () => {
    const u = await makeApplicant();
    const input = await personSubjectInput(u.id);
    const { applicationId, subjectId, code } = submitNewSubject(u.id, { data: input });
    expect(code).toMatch(/^SQ\d{8}\d{6}$/);
    const s = subjectRow(subjectId);
    expect(s).toMatchObject({ status: '待审核', nature: '个人', name: '张伟', jurisdictionCode: '110105', unitId: units.chaoyang.id, ownerId: u.id });
    const a = appRow(applicationId);
    expect(a).toMatchObject({ type: '新增主体', status: '待审核', queued: false, unitId: units.chaoyang.id });
    const raw = JSON.stringify(db().$client.prepare('select * from subjects where id = ?').get(subjectId)) + JSON.stringify(a.payload);
    expect(raw).not.toContain(input.principalIdNumber);
    expect(raw).not.toContain('13912345678');
    expect(raw).toContain('139****5678');
    // The uploaded images are now attached to the subject (its reviewers may see them).
    expect(db().select().from(files).where(eq(files.subjectId, subjectId)).all()).toHaveLength(3);
    expect(currentSubjectId(u.id)).toBe(subjectId);
  });

  it('routes an organisation by its office county and falls back to the default unit', async () => {
    const u = await makeApplicant('李强');
    const r = submitNewSubject(u.id, { data: await orgSubjectInput(u.id, { officeRegion: '310101', officeAddress: '南京东路100号' }) });
    expect(subjectRow(r.subjectId)).toMatchObject({ name: '北京云帆网络科技有限公司', jurisdictionCode: '310101', unitId: units.office.id });
  });

  it('refuses inconsistent data with field errors and writes nothing', async () => {
    const u = await makeApplicant();
    const before = db().select().from(subjects).all().length;
    const input = await orgSubjectInput(u.id, { unitType: '社会团体', officePhone: '010-00000000', principalName: '王先生', officeAddress: '朝阳' });
    try {
      submitNewSubject(u.id, { data: input });
      expect.unreachable();
    } catch (e) {
      expect((e as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
        orgName: '名称含“公司”的主办单位，单位性质应为企业单位',
        officePhone: '请填写真实的办公室电话',
        principalName: '请填写真实姓名全称，不得填写“王先生”“李小姐”“个人”等',
      });
      expect((e as { fieldErrors: Record<string, string> }).fieldErrors.officeAddress).toMatch(/详细地址/);
    }
    expect(db().select().from(subjects).all().length).toBe(before);
  });

  it('refuses files the applicant does not own', async () => {
    const u = await makeApplicant();
    const other = await makeApplicant('陈静');
    const foreign = await uploadPng(other.id);
    const input = await personSubjectInput(u.id, { idFrontFileId: foreign.id });
    expect(() => submitNewSubject(u.id, { data: input })).toThrow('上传的文件不存在，请重新上传');
  });

  it('同当前账号信息 copies the account principal server-side', async () => {
    const u = await makeApplicant('孙丽');
    const input = await personSubjectInput(u.id, { principalName: '', principalIdNumber: '', principalPhone: '' });
    const { subjectId } = submitNewSubject(u.id, { data: input, sameAsAccount: true });
    const s = subjectRow(subjectId);
    expect(s.principalName).toBe('孙丽');
    expect(s.principalPhoneMasked).toBe(`${u.phone.slice(0, 3)}****${u.phone.slice(-4)}`);
  });
});

describe('撤销申请', () => {
  it('is allowed at 29 minutes and refused at 31 minutes, whatever the page showed', async () => {
    const u = await makeApplicant();
    const t0 = Date.now();
    const a = submitNewSubject(u.id, { data: await personSubjectInput(u.id) }, t0);
    const b = submitNewSubject(u.id, { data: await personSubjectInput(u.id) }, t0);
    expect(() => revokeApplication(u.id, b.applicationId, t0 + 31 * 60_000)).toThrow('已超过30分钟，不能撤销申请');
    expect(appRow(b.applicationId).status).toBe('待审核');
    revokeApplication(u.id, a.applicationId, t0 + 29 * 60_000);
    expect(appRow(a.applicationId).status).toBe('已撤销');
    expect(subjectRow(a.subjectId).status).toBe('已退回');
    // A second revoke of the same application changes nothing.
    expect(() => revokeApplication(u.id, a.applicationId, t0 + 29 * 60_000)).toThrow('申请当前状态为“已撤销”，不能撤销申请');
  });

  it('cannot revoke another user’s application', async () => {
    const u = await makeApplicant();
    const other = await makeApplicant();
    const a = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    expect(() => revokeApplication(other.id, a.applicationId)).toThrow('申请不存在');
  });

  it('a revoked 新增主体 can be resubmitted with its PII kept server-side', async () => {
    const u = await makeApplicant();
    const input = await personSubjectInput(u.id);
    const a = submitNewSubject(u.id, { data: input });
    revokeApplication(u.id, a.applicationId);
    const again = submitNewSubject(u.id, { data: { ...input, principalIdNumber: '', principalPhone: '', principalAddress: '建国路99号' }, resubmitOf: a.applicationId });
    expect(again.subjectId).toBe(a.subjectId);
    expect(subjectRow(a.subjectId)).toMatchObject({ status: '待审核', principalPhoneMasked: '139****5678' });
    expect(appRow(again.applicationId).resubmittedFrom).toBe(a.applicationId);
  });
});

describe('变更主体', () => {
  it('shows a masked comparison, marks the subject 变更中 and refuses a second pending change', async () => {
    const u = await makeApplicant();
    const input = await orgSubjectInput(u.id);
    const { subjectId } = submitNewSubject(u.id, { data: input });
    approve(subjectId);
    const changed = { ...input, officeAddress: '中关村大街27号1101室', principalPhone: '13711112222', principalIdNumber: '' };
    const rows = previewSubjectChange(u.id, subjectId, changed);
    expect(rows.map((r) => r.label)).toEqual(['单位办公详细地址', '负责人手机号码']);
    expect(rows[1]).toMatchObject({ before: '139****5678', after: '137****2222' });
    const r = submitSubjectChange(u.id, subjectId, { data: changed });
    expect(subjectRow(subjectId).status).toBe('变更中');
    expect(appRow(r.applicationId)).toMatchObject({ type: '变更主体', queued: true, status: '待审核' });
    expect(() => submitSubjectChange(u.id, subjectId, { data: { ...changed, officeAddress: '中关村大街28号' } })).toThrow('存在审核中的单据');
    // Approval applies the new data; the number stays masked everywhere.
    db().transaction((tx) => applyApprovedChange(tx, r.applicationId));
    const after = getSubjectView(u.id, subjectId);
    expect(after.status).toBe('有效');
    expect(after.principalPhoneMasked).toBe('137****2222');
    expect(after.data?.officeAddress).toBe('中关村大街27号1101室');
  });

  it('refuses a change with nothing changed', async () => {
    const u = await makeApplicant();
    const input = await orgSubjectInput(u.id);
    const { subjectId } = submitNewSubject(u.id, { data: input });
    approve(subjectId);
    expect(() => previewSubjectChange(u.id, subjectId, { ...input, principalIdNumber: '', principalPhone: '' })).toThrow('您未修改任何信息');
  });

  it('revoking a change restores 有效 with the old data', async () => {
    const u = await makeApplicant();
    const input = await orgSubjectInput(u.id);
    const { subjectId } = submitNewSubject(u.id, { data: input });
    approve(subjectId);
    const r = submitSubjectChange(u.id, subjectId, { data: { ...input, legalRepName: '王芳' } });
    revokeApplication(u.id, r.applicationId);
    expect(subjectRow(subjectId).status).toBe('有效');
    expect(getSubjectView(u.id, subjectId).data?.legalRepName).toBe('李强');
  });
});

describe('注销主体', () => {
  it('checks name, middle four digits and the SMS code, then marks the subject 注销中', async () => {
    const u = await makeApplicant();
    const { subjectId } = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    approve(subjectId);
    const now = Date.now();
    await sendPrincipalCode(u.id, subjectId, 'subject_cancel');
    const code = lastSmsCode('13912345678');
    expect(() => submitSubjectCancel(u.id, subjectId, { principalName: '张伟', middleFour: '0000', code, reason: '网站停办' }, now)).toThrow('手机号码中间四位不正确');
    expect(() => submitSubjectCancel(u.id, subjectId, { principalName: '张伟', middleFour: '1234', code: '000000', reason: '网站停办' }, now)).toThrow(/验证码错误/);
    const r = submitSubjectCancel(u.id, subjectId, { principalName: '张伟', middleFour: '1234', code, reason: '网站停办' }, now);
    expect(subjectRow(subjectId).status).toBe('注销中');
    expect(appRow(r.applicationId)).toMatchObject({ type: '注销主体', payload: { reason: '网站停办' } });
  });

  it('an approved cancellation ends the subject and everything under it in one transaction', async () => {
    const u = await makeApplicant();
    const { subjectId } = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    approve(subjectId);
    const now = Date.now();
    const w1 = db().insert(websites).values({ subjectId, name: '张伟摄影作品集', status: '已备案', data: {} as WebsiteRecordData, createdAt: now, updatedAt: now }).returning().get();
    const w2 = db().insert(websites).values({ subjectId, name: '张伟旅行图集', status: '待审核', data: {} as WebsiteRecordData, createdAt: now, updatedAt: now }).returning().get();
    const pendingSite = db()
      .insert(applications)
      .values({ code: `SQTEST${now}`, type: '新办网站', status: '待审核', applicantId: u.id, subjectId, websiteId: w2.id, payload: {}, submittedAt: now })
      .returning()
      .get();
    db().insert(assessments).values({ subjectId, websiteId: w1.id, status: '通过', data: {} as AssessmentData, createdAt: now }).run();
    approve(subjectId, '注销中');
    db().transaction((tx) => applyApprovedCancellation(tx, subjectId, { actorId: null }));
    expect(subjectRow(subjectId).status).toBe('已注销');
    expect(db().select({ s: websites.status }).from(websites).where(eq(websites.subjectId, subjectId)).all().map((r) => r.s)).toEqual(['已注销', '已注销']);
    expect(db().select({ s: assessments.status }).from(assessments).where(eq(assessments.subjectId, subjectId)).get()!.s).toBe('已注销');
    expect(appRow(pendingSite.id)).toMatchObject({ status: '已撤销', reason: '主体已注销' });
    expect(db().select({ c: users.currentSubjectId }).from(users).where(eq(users.id, u.id)).get()!.c).toBeNull();
  });

  it('a failure inside the cascade leaves everything as it was', async () => {
    const u = await makeApplicant();
    const { subjectId } = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    approve(subjectId);
    // Subject is 有效, not 注销中: the transition is refused and nothing changes.
    expect(() => db().transaction((tx) => applyApprovedCancellation(tx, subjectId, { actorId: null }))).toThrow('主体当前状态为“有效”，不能注销通过');
    expect(subjectRow(subjectId).status).toBe('有效');
  });
});

describe('移交主体 / 接收主体', () => {
  it('moves the subject with its websites, files and history to the recipient; both are notified', async () => {
    const from = await makeApplicant('张伟');
    const to = await makeApplicant('陈静');
    const { subjectId, applicationId } = submitNewSubject(from.id, { data: await personSubjectInput(from.id, { principalPhone: '13922220001' }) });
    approve(subjectId);
    const now = Date.now();
    db().insert(websites).values({ subjectId, name: '张伟摄影作品集', status: '已备案', data: {} as WebsiteRecordData, createdAt: now, updatedAt: now }).run();
    await sendPrincipalCode(from.id, subjectId, 'subject_transfer');
    const code = lastSmsCode('13922220001');
    const t = createTransfer(from.id, subjectId, { middleFour: '2222', toPhone: to.phone, toIdNumber: to.idNumber, code });
    expect(subjectRow(subjectId).status).toBe('移交中');
    // The header's and 我的首页's 当前主体: name, status and 审核单位, read in one statement.
    const unitName = getSubjectView(from.id, subjectId).unitName;
    expect(unitName).toBeTruthy();
    expect(currentSubjectSummary(from.id)).toEqual({ id: subjectId, name: '张伟', status: '移交中', unitName });
    expect(currentSubjectSummary(to.id)).toBeNull();
    const offers = listTransferOffers(to.id);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ subjectName: '张伟', senderName: '张伟' });
    expect(offers[0].senderPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(listTransferOffers(to.id, { name: '王' })).toHaveLength(0);
    expect(listTransferOffers(from.id)).toHaveLength(0);

    acceptTransfer(to.id, t.transferId);
    expect(subjectRow(subjectId)).toMatchObject({ ownerId: to.id, status: '有效' });
    expect(db().select().from(files).where(eq(files.subjectId, subjectId)).all().every((f) => f.ownerId === to.id)).toBe(true);
    expect(appRow(applicationId).applicantId).toBe(to.id);
    expect(listMyApplications(to.id).rows.map((r) => r.id)).toContain(applicationId);
    expect(listMyApplications(from.id).rows.map((r) => r.id)).not.toContain(applicationId);
    // The home page's 我的申请 card follows the application to its new owner.
    expect(recentApplications(to.id, 5).map((r) => r.id)).toContain(applicationId);
    expect(recentApplications(from.id, 5).map((r) => r.id)).not.toContain(applicationId);
    expect(listMySubjects(to.id).rows[0]).toMatchObject({ id: subjectId, isCurrent: true });
    // The sender still remembers it as current, but it is no longer theirs to show.
    expect(currentSubjectSummary(from.id)).toBeNull();
    expect(currentSubjectSummary(to.id)).toEqual({ id: subjectId, name: '张伟', status: '有效', unitName });
    expect(() => acceptTransfer(to.id, t.transferId)).toThrow();
    const titles = db().$client.prepare('select user_id, title from notifications where event like ?').all('transfer.%') as { user_id: number; title: string }[];
    expect(titles).toEqual(
      expect.arrayContaining([
        { user_id: to.id, title: '您有一个待接收的主体' },
        { user_id: from.id, title: '主体移交已完成' },
        { user_id: to.id, title: '您已接收主体' },
      ]),
    );
  });

  it('a recipient with a valid subject cannot accept; the sender can undo', async () => {
    const from = await makeApplicant('张伟');
    const to = await makeApplicant('陈静');
    const a = submitNewSubject(from.id, { data: await personSubjectInput(from.id, { principalPhone: '13922220002' }) });
    approve(a.subjectId);
    const own = submitNewSubject(to.id, { data: await personSubjectInput(to.id, { principalPhone: '13955556666' }) });
    approve(own.subjectId);
    await sendPrincipalCode(from.id, a.subjectId, 'subject_transfer');
    const t = createTransfer(from.id, a.subjectId, { middleFour: '2222', toPhone: to.phone, toIdNumber: to.idNumber, code: lastSmsCode('13922220002') });
    expect(() => acceptTransfer(to.id, t.transferId)).toThrow('您已有有效主体，不能接收其他主体');
    undoTransfer(from.id, t.transferId);
    expect(subjectRow(a.subjectId).status).toBe('有效');
    expect(listTransferOffers(to.id)).toHaveLength(0);
  });

  it('refuses a transfer to oneself', async () => {
    const u = await makeApplicant();
    const a = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    approve(a.subjectId);
    expect(() => createTransfer(u.id, a.subjectId, { middleFour: '1234', toPhone: u.phone, toIdNumber: u.idNumber, code: '123456' })).toThrow('不能移交给自己');
  });
});

describe('drafts', () => {
  it('purges drafts not saved for 30 days, on read', async () => {
    const u = await makeApplicant();
    const day = 24 * 60 * 60_000;
    const now = Date.now();
    const old = saveDraft(u.id, '新增主体', { nature: '个人' }, {}, now - 31 * day);
    const fresh = saveDraft(u.id, '变更主体', { nature: '单位' }, { subjectId: 1 }, now - 29 * day);
    const list = listDrafts(u.id, {}, now);
    expect(list.rows.map((r) => r.id)).toEqual([fresh]);
    expect(db().select().from(drafts).where(eq(drafts.id, old)).get()).toBeUndefined();
    expect(latestDraft(u.id, '变更主体', 1, now)?.id).toBe(fresh);
    expect(purgeOldDrafts(now + 2 * day)).toBe(1);
  });

  it('submitting from a draft deletes the draft', async () => {
    const u = await makeApplicant();
    const input = await personSubjectInput(u.id);
    const draftId = saveDraft(u.id, '新增主体', { ...input, principalIdNumber: '', principalPhone: '' });
    submitNewSubject(u.id, { data: input, draftId });
    expect(listDrafts(u.id).rows).toHaveLength(0);
  });
});

describe('切换主体', () => {
  it('remembers the chosen subject per user and refuses another user’s subject', async () => {
    const u = await makeApplicant();
    const other = await makeApplicant();
    const a = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const b = submitNewSubject(u.id, { data: await orgSubjectInput(u.id) });
    expect(currentSubjectId(u.id)).toBe(a.subjectId);
    setCurrentSubject(u.id, b.subjectId);
    expect(currentSubjectId(u.id)).toBe(b.subjectId);
    expect(listMySubjects(u.id, { name: '云帆' }).rows.map((r) => r.id)).toEqual([b.subjectId]);
    expect(() => setCurrentSubject(other.id, b.subjectId)).toThrow('主体不存在');
  });
});

describe('国家网络身份认证', () => {
  it('accepts only a token the platform bound to this principal', async () => {
    const { bindIdentityToken } = await import('@/lib/identity/verifier');
    const u = await makeApplicant();
    const base = await personSubjectInput(u.id, { authMethod: '国家网络身份认证公共服务认证', idFrontFileId: null, idBackFileId: null, idHandheldFileId: null });
    const person = { name: base.principalName, idType: '居民身份证', idNumber: base.principalIdNumber as string };
    expect(() => submitNewSubject(u.id, { data: { ...base, identityToken: 'sandbox:made-up' } })).toThrow('国家网络身份认证已失效，请重新认证');
    const forOther = bindIdentityToken({ ...person, name: '李四' }, 'sandbox:abc');
    expect(() => submitNewSubject(u.id, { data: { ...base, identityToken: forOther } })).toThrow('国家网络身份认证已失效，请重新认证');
    const ok = submitNewSubject(u.id, { data: { ...base, identityToken: bindIdentityToken(person, 'sandbox:abc') } });
    expect(subjectRow(ok.subjectId).status).toBe('待审核');
  });
});
