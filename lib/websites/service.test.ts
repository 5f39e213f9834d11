import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, subjects, websites, websiteDomains } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, uploadPng, idWithCheck } from '@/lib/test/fixtures';
import { bindIdentityToken } from '@/lib/identity/verifier';
import { submitNewSubject } from '@/lib/subjects/service';
import { domainsInUse, submitNewWebsite, getWebsiteView, listMyWebsites, type StoredWebsite } from './service';

beforeAll(() => {
  seedUnits();
});

const appRow = (id: number) => getDb().select().from(applications).where(eq(applications.id, id)).get()!;

describe('新办网站申请', () => {
  it('releases the held-back 新增主体 to the queue as one bundle with the website', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    expect(appRow(subj.applicationId).queued).toBe(false);
    const r = submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id, { domain: 'zhangwei-photo.cn' }));
    const subjectApp = appRow(subj.applicationId);
    const siteApp = appRow(r.applicationId);
    expect(subjectApp.queued).toBe(true);
    expect(subjectApp.bundleId).toBeTruthy();
    expect(siteApp).toMatchObject({ type: '新办网站', status: '待审核', queued: true, bundleId: subjectApp.bundleId, unitId: subjectApp.unitId });
    const w = getDb().select().from(websites).where(eq(websites.id, r.websiteId)).get()!;
    expect(w).toMatchObject({ status: '待审核', interactive: false, icpNumber: '京ICP备12345678号-1' });
    expect(getDb().select().from(websiteDomains).where(eq(websiteDomains.websiteId, w.id)).all()).toEqual([
      expect.objectContaining({ unicode: 'www.zhangwei-photo.cn', ascii: 'www.zhangwei-photo.cn', registrable: 'zhangwei-photo.cn', isPrimary: true }),
    ]);
  });

  it('copies 同主体负责人信息 from the subject server-side and stores it sealed', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const r = submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id));
    const raw = JSON.stringify(getDb().$client.prepare('select data from websites where id = ?').get(r.websiteId));
    expect(raw).not.toContain('13912345678');
    const view = getWebsiteView(u.id, r.websiteId);
    // The principal's 电子邮件地址 too (SPEC §4.1: a contact without one showed “—”).
    expect(view.data?.contacts.securityOwner).toMatchObject({ mode: '同主体负责人信息', name: '张伟', phone: '139****5678', email: 'zw@example.com' });
    expect(view.data?.contacts.emergencyContact).toMatchObject({ mode: '同主体负责人信息', email: 'zw@example.com' });
    expect(listMyWebsites(u.id, subj.subjectId).map((x) => x.id)).toContain(r.websiteId);
  });

  it('marks an interactive website as needing a 安全评估', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const r = submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id, { name: '张伟摄影分享', interactive: true }));
    const w = getDb().select().from(websites).where(eq(websites.id, r.websiteId)).get()!;
    expect(w.interactive).toBe(true);
    expect((w.data as { needsAssessment: boolean }).needsAssessment).toBe(true);
  });

  it('applies the naming rules with the subject as context', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const input = await websiteInput(u.id, { name: '张伟维权论坛' });
    try {
      submitNewWebsite(u.id, subj.subjectId, input);
      expect.unreachable();
    } catch (e) {
      expect((e as { fieldErrors: Record<string, string> }).fieldErrors['basic.name']).toMatch(/个人网站/);
    }
  });

  it('refuses a domain that already belongs to a live filing', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id, { domain: 'taken-example.cn' }));
    const other = await makeApplicant('陈静');
    const s2 = submitNewSubject(other.id, { data: await personSubjectInput(other.id, { principalName: '陈静' }) });
    const again = await websiteInput(other.id, { domain: 'taken-example.cn', name: '陈静摄影作品集' });
    expect(() => submitNewWebsite(other.id, s2.subjectId, again)).toThrow(
      '域名 www.taken-example.cn 已备案或正在办理，请勿重复申请',
    );
    // 下一步 of step 02 already says so, on the domain's own row; a free or unparsable domain passes.
    expect(domainsInUse(other.id, ['free-example.cn', 'http://www.taken-example.cn/', 'not a domain'])).toEqual({
      'basic.domains.1.domain': '域名 www.taken-example.cn 已备案或正在办理，请勿重复申请',
    });
    // 变更网站 of the website holding it: its own domain is not "taken"; another user's website id is not found.
    const mine = getDb().select({ websiteId: websiteDomains.websiteId }).from(websiteDomains).where(eq(websiteDomains.ascii, 'www.taken-example.cn')).get()!;
    expect(domainsInUse(u.id, ['www.taken-example.cn'], mine.websiteId)).toEqual({});
    expect(() => domainsInUse(other.id, ['www.taken-example.cn'], mine.websiteId)).toThrow();
  });

  it('refuses another user’s subject and a cancelled one', async () => {
    const u = await makeApplicant();
    const other = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    await expect(async () => submitNewWebsite(other.id, subj.subjectId, await websiteInput(other.id))).rejects.toThrow('主体不存在');
    getDb().update(subjects).set({ status: '已注销' }).where(eq(subjects.id, subj.subjectId)).run();
    await expect(async () => submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id))).rejects.toThrow('主体当前状态为“已注销”，不能办理新办网站申请');
  });
});

describe('撤销 website applications', () => {
  it('revoking a 新办网站 returns the website and holds the 新增主体 back again', async () => {
    const { revokeApplication } = await import('@/lib/applications/service');
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const r = submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id));
    revokeApplication(u.id, r.applicationId);
    expect(appRow(r.applicationId).status).toBe('已撤销');
    expect(getDb().select().from(websites).where(eq(websites.id, r.websiteId)).get()!.status).toBe('已退回');
    expect(appRow(subj.applicationId)).toMatchObject({ status: '待审核', queued: false, bundleId: null });
  });
});

describe('网站负责人 认证方式', () => {
  const NATIONAL = '国家网络身份认证公共服务认证' as const;
  const person = { name: '李娜', idType: '居民身份证', idNumber: idWithCheck('11010519880808002') };

  /** A 新办网站 input whose 网站应急联络人 is self-filled with `over` (national identity by default). */
  async function withContact(userId: number, over: Record<string, unknown> = {}) {
    const input = await websiteInput(userId);
    const contact = { mode: '自主填写', ...person, idExpiry: '9999-12-31', phone: '13700001234', authMethod: NATIONAL, ...over };
    return { ...input, contacts: { ...input.contacts, emergencyContact: contact } } as unknown as typeof input;
  }

  async function subjectOf() {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    return { u, subjectId: subj.subjectId };
  }

  const fieldErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
    }
    throw new Error('not refused');
  };

  const storedContact = (websiteId: number) =>
    (getDb().select().from(websites).where(eq(websites.id, websiteId)).get()!.data as unknown as StoredWebsite).contacts.emergencyContact;

  it('accepts a self-filled contact with a national-identity pass bound to that person, stored without images', async () => {
    const { u, subjectId } = await subjectOf();
    const img = await uploadPng(u.id);
    const token = bindIdentityToken(person, 'sandbox:abc');
    // Images sent along by a form that switched methods are not kept.
    const r = submitNewWebsite(u.id, subjectId, await withContact(u.id, { identityToken: token, frontFileId: img.id, backFileId: img.id, handheldFileId: img.id }));
    const c = storedContact(r.websiteId);
    expect(c).toMatchObject({ mode: '自主填写', name: '李娜', authMethod: NATIONAL, identityToken: token, frontFileId: null, backFileId: null, handheldFileId: null });
    const view = getWebsiteView(u.id, r.websiteId).data!.contacts.emergencyContact;
    expect(view).toMatchObject({ authMethod: NATIONAL, idNumber: c.idNumber.masked });
  });

  it('accepts the pass whatever the case of the check character and spacing of the name', async () => {
    const { u, subjectId } = await subjectOf();
    const x = { ...person, idNumber: idWithCheck('11010519491231002') };
    expect(x.idNumber.endsWith('X')).toBe(true);
    const token = bindIdentityToken(x, 'sandbox:abc');
    const r = submitNewWebsite(u.id, subjectId, await withContact(u.id, { name: ' 李娜 ', idNumber: x.idNumber.toLowerCase(), identityToken: token }));
    expect(storedContact(r.websiteId).authMethod).toBe(NATIONAL);
  });

  it('refuses a made-up pass, one bound to another person, and one bound to other numbers', async () => {
    const { u, subjectId } = await subjectOf();
    const expired = { 'contacts.emergencyContact.identityToken': '国家网络身份认证已失效，请重新认证' };
    for (const identityToken of [
      'sandbox:made-up',
      'sandbox:abc.forged',
      bindIdentityToken({ ...person, name: '王芳' }, 'sandbox:abc'),
      bindIdentityToken({ ...person, idNumber: idWithCheck('11010519900101123') }, 'sandbox:abc'),
    ]) {
      const input = await withContact(u.id, { identityToken });
      expect(() => submitNewWebsite(u.id, subjectId, input)).toThrow('国家网络身份认证已失效，请重新认证');
      expect(fieldErrors(() => submitNewWebsite(u.id, subjectId, input))).toEqual(expired);
    }
    expect(listMyWebsites(u.id, subjectId)).toEqual([]);
  });

  it('refuses national identity without a pass, or for a document other than 居民身份证', async () => {
    const { u, subjectId } = await subjectOf();
    const none = await withContact(u.id);
    expect(fieldErrors(() => submitNewWebsite(u.id, subjectId, none))['contacts.emergencyContact.identityToken']).toBe('请先完成国家网络身份认证');
    const passport = { name: '李娜', idType: '护照', idNumber: 'E12345678' };
    const foreign = await withContact(u.id, { ...passport, identityToken: bindIdentityToken(passport, 'sandbox:abc') });
    expect(fieldErrors(() => submitNewWebsite(u.id, subjectId, foreign))['contacts.emergencyContact.authMethod']).toBe('国家网络身份认证仅支持居民身份证，其他证件请选择文件认证');
  });

  it('文件认证 still needs the three images, and stores no token', async () => {
    const { u, subjectId } = await subjectOf();
    const bare = await withContact(u.id, { authMethod: '文件认证' });
    expect(fieldErrors(() => submitNewWebsite(u.id, subjectId, bare))).toEqual({
      'contacts.emergencyContact.frontFileId': '请上传证件正面',
      'contacts.emergencyContact.backFileId': '请上传证件反面',
      'contacts.emergencyContact.handheldFileId': '请上传证件手持照片',
    });
    const [a, b, c] = [await uploadPng(u.id), await uploadPng(u.id), await uploadPng(u.id)];
    const files = { authMethod: '文件认证', frontFileId: a.id, backFileId: b.id, handheldFileId: c.id, identityToken: bindIdentityToken(person, 'sandbox:abc') };
    const r = submitNewWebsite(u.id, subjectId, await withContact(u.id, files));
    expect(storedContact(r.websiteId)).toMatchObject({ authMethod: '文件认证', frontFileId: a.id, backFileId: b.id, handheldFileId: c.id, identityToken: '' });
  });

  it('同主体负责人信息 stores neither images nor a pass', async () => {
    const { u, subjectId } = await subjectOf();
    const r = submitNewWebsite(u.id, subjectId, await withContact(u.id, { mode: '同主体负责人信息', identityToken: 'sandbox:made-up' }));
    expect(storedContact(r.websiteId)).toMatchObject({ mode: '同主体负责人信息', identityToken: '', frontFileId: null, backFileId: null, handheldFileId: null });
  });
});
