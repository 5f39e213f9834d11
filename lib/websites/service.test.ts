import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, subjects, websites, websiteDomains } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite, getWebsiteView, listMyWebsites } from './service';

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
    expect(view.data?.contacts.securityOwner).toMatchObject({ mode: '同主体负责人信息', name: '张伟', phone: '139****5678' });
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
  it('refuses a self-filled contact claiming national identity without documents', async () => {
    const u = await makeApplicant();
    const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const input = await websiteInput(u.id);
    const forged = {
      ...input,
      contacts: {
        ...input.contacts,
        emergencyContact: { mode: '自主填写', name: '李娜', idType: '居民身份证', idNumber: '11010519491231002X', idExpiry: '9999-12-31', phone: '13700001234', authMethod: '国家网络身份认证公共服务认证' },
      },
    } as unknown as typeof input;
    try {
      submitNewWebsite(u.id, subj.subjectId, forged);
      expect.unreachable();
    } catch (e) {
      expect((e as { fieldErrors: Record<string, string> }).fieldErrors['contacts.emergencyContact.authMethod']).toBe('网站负责人请选择文件认证');
    }
  });
});
