import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subjects } from '@/db/schema';
import { seedUnits, makeApplicant, orgSubjectInput, usccWithCheck } from '@/lib/test/fixtures';
import { and } from 'drizzle-orm';
import { applications } from '@/db/schema';
import { submitNewSubject, getSubjectView, submitSubjectChange } from '@/lib/subjects/service';
import { subjectDisplayValue } from '@/lib/subjects/display';
import { offersOrgCredential, orgCredentialPassLabel } from './labels';
import {
  bindOrgCredential,
  getOrgCredentialVerifier,
  orgCredentialMode,
  orgCredentialValid,
  sandboxOrgCredentialVerifier,
  setOrgCredentialVerifier,
  type OrgCredentialVerifier,
} from './org-verifier';

const CODE = usccWithCheck('11110000MB0123456');
const SCAN = { orgName: '北京市朝阳区文化馆', orgCertNumber: CODE, legalRepName: '王建国', unitType: '事业单位' as const };

describe('sandboxOrgCredentialVerifier', () => {
  it('waits until the sandbox panel “scans”, then returns the organisation with a sandbox token', async () => {
    const { ticket, qrImageUrl } = await sandboxOrgCredentialVerifier.begin();
    expect(ticket).toMatch(/^[0-9a-f]{32}$/);
    expect(qrImageUrl).toBeNull();
    await expect(sandboxOrgCredentialVerifier.result(ticket)).resolves.toEqual({ state: 'waiting' });
    const r = await sandboxOrgCredentialVerifier.result(ticket, { ...SCAN, orgCertNumber: ` ${CODE.toLowerCase()} ` });
    expect(r.state === 'passed' && r.org).toEqual({ orgName: '北京市朝阳区文化馆', orgCertType: '统一社会信用代码证', orgCertNumber: CODE, legalRepName: '王建国' });
    expect(r.state === 'passed' && r.token).toMatch(/^sandbox-org:[0-9a-f]{32}$/);
  });

  it('refuses a wrong check character, a website name for the organisation and a made-up ticket, in Chinese', async () => {
    const { ticket } = await sandboxOrgCredentialVerifier.begin();
    const wrong = CODE.slice(0, 17) + (CODE.endsWith('0') ? '1' : '0');
    const bad = await sandboxOrgCredentialVerifier.result(ticket, { ...SCAN, orgCertNumber: wrong });
    expect(bad.state === 'failed' && bad.message).toMatch(/^认证未通过：.*统一社会信用代码/);
    const site = await sandboxOrgCredentialVerifier.result(ticket, { ...SCAN, orgName: '朝阳文化网' });
    expect(site).toEqual({ state: 'failed', message: '认证未通过：主办单位名称应填写单位全称，不能以网站名称代替' });
    await expect(sandboxOrgCredentialVerifier.result('../etc', SCAN)).resolves.toEqual({ state: 'failed', message: '认证已过期，请重新扫码' });
  });
});

describe('getOrgCredentialVerifier / binding', () => {
  const env = process.env.WLBA_IDENTITY_SANDBOX;
  afterEach(() => {
    setOrgCredentialVerifier(null);
    process.env.WLBA_IDENTITY_SANDBOX = env;
  });

  it('offers the credential only with a verifier: the sandbox where the identity sandbox is, or a plugged one', () => {
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    expect(getOrgCredentialVerifier()).toBeNull();
    expect(orgCredentialMode()).toBe('off');
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    expect(orgCredentialMode()).toBe('sandbox');
    const real: OrgCredentialVerifier = { begin: async () => ({ ticket: 't', qrImageUrl: 'https://example.gov.cn/qr.png' }), result: async () => ({ state: 'waiting' }) };
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    setOrgCredentialVerifier(real);
    expect(getOrgCredentialVerifier()).toBe(real);
    expect(orgCredentialMode()).toBe('real');
    expect(['大中院校', '事业单位', '政府机构'].every(offersOrgCredential)).toBe(true);
    expect(['企业单位', '社会团体', '', null].some(offersOrgCredential)).toBe(false);
  });

  it('binds a pass to exactly the four fields; a sandbox pass is void where the sandbox is off, and labelled where shown', () => {
    const org = { orgName: SCAN.orgName, orgCertType: '统一社会信用代码证', orgCertNumber: CODE, legalRepName: '王建国' };
    const sandboxPass = bindOrgCredential(org, 'sandbox-org:abc');
    const realPass = bindOrgCredential(org, 'real-org:1');
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    expect(orgCredentialValid(org, sandboxPass)).toBe(true);
    expect(orgCredentialValid({ ...org, orgCertNumber: CODE.toLowerCase() }, sandboxPass)).toBe(true);
    expect(orgCredentialValid({ ...org, legalRepName: '李四' }, sandboxPass)).toBe(false);
    expect(orgCredentialValid({ ...org, orgName: '北京市朝阳区图书馆' }, sandboxPass)).toBe(false);
    expect(orgCredentialValid(org, 'sandbox-org:abc.forged')).toBe(false);
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    expect(orgCredentialValid(org, sandboxPass)).toBe(false);
    expect(orgCredentialValid(org, realPass)).toBe(true);
    expect(orgCredentialPassLabel(sandboxPass)).toBe('已认证（沙箱环境）');
    expect(subjectDisplayValue('orgCredentialToken', realPass)).toBe('已认证');
  });
});

describe('新增主体 通过机关事业单位网络身份认证凭证填报', () => {
  const env = process.env.WLBA_IDENTITY_SANDBOX;
  beforeAll(() => {
    seedUnits();
  });
  afterEach(() => {
    process.env.WLBA_IDENTITY_SANDBOX = env;
  });
  const org = { orgName: SCAN.orgName, orgCertType: '统一社会信用代码证' as const, orgCertNumber: CODE, legalRepName: '王建国' };

  async function credentialInput(ownerId: number, over: Record<string, unknown> = {}) {
    return orgSubjectInput(ownerId, { unitType: '事业单位', ...org, orgCertFileId: null, orgCredentialToken: bindOrgCredential(org, 'sandbox-org:abc'), ...over });
  }

  it('a 事业单位 with the pass needs no 有效证件 scan; the pass is stored and shown (labelled 沙箱)', async () => {
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    const u = await makeApplicant();
    const r = submitNewSubject(u.id, { data: await credentialInput(u.id) });
    const row = getDb().select().from(subjects).where(eq(subjects.id, r.subjectId)).get()!;
    expect(row).toMatchObject({ name: '北京市朝阳区文化馆', status: '待审核' });
    const view = getSubjectView(u.id, r.subjectId);
    expect(view.data!.orgCertFileId).toBeNull();
    expect(subjectDisplayValue('orgCredentialToken', view.data!.orgCredentialToken)).toBe('已认证（沙箱环境）');
  });

  it('refuses a made-up pass, a pass for other fields, one where the sandbox is off and one for a 企业单位, writing nothing', async () => {
    const u = await makeApplicant();
    const before = getDb().select().from(subjects).all().length;
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    const expired = '机关事业单位网络身份认证凭证已失效，请重新认证';
    await expect(credentialInput(u.id, { orgCredentialToken: 'sandbox-org:made-up.x' }).then((d) => submitNewSubject(u.id, { data: d }))).rejects.toThrow(expired);
    await expect(credentialInput(u.id, { legalRepName: '李四' }).then((d) => submitNewSubject(u.id, { data: d }))).rejects.toThrow(expired);
    await expect(credentialInput(u.id, { unitType: '企业单位', orgName: '北京云帆网络科技有限公司' }).then((d) => submitNewSubject(u.id, { data: d }))).rejects.toMatchObject({
      fieldErrors: { orgCredentialToken: '仅大中院校、事业单位、政府机构可通过机关事业单位网络身份认证凭证填报' },
    });
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    await expect(credentialInput(u.id).then((d) => submitNewSubject(u.id, { data: d }))).rejects.toThrow(expired);
    // Without the pass the scan is required as before.
    await expect(credentialInput(u.id, { orgCredentialToken: '' }).then((d) => submitNewSubject(u.id, { data: d }))).rejects.toMatchObject({
      fieldErrors: { orgCertFileId: '请上传主办单位有效证件' },
    });
    expect(getDb().select().from(subjects).all()).toHaveLength(before);
  });

  it('变更主体 keeps the pass while the four fields stay, and refuses it once one of them changes', async () => {
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    const u = await makeApplicant();
    const input = await credentialInput(u.id);
    const { subjectId } = submitNewSubject(u.id, { data: input });
    getDb().update(subjects).set({ status: '有效' }).where(eq(subjects.id, subjectId)).run();
    getDb().update(applications).set({ status: '通过' }).where(and(eq(applications.subjectId, subjectId), eq(applications.type, '新增主体'))).run();
    expect(() => submitSubjectChange(u.id, subjectId, { data: { ...input, legalRepName: '李四', principalIdNumber: '', principalPhone: '' } })).toThrow('机关事业单位网络身份认证凭证已失效，请重新认证');
    const r = submitSubjectChange(u.id, subjectId, { data: { ...input, officeAddress: '朝阳北路101号文化馆3层', principalIdNumber: '', principalPhone: '' } });
    expect(r.applicationId).toBeGreaterThan(0);
  });
});
