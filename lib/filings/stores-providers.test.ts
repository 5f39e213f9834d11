import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, assessments, filings, providerDirectory } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, appInput, appStoreInput, serviceProviderInput, lastSmsCode } from '@/lib/test/fixtures';
import { deleteProvider, searchProviders } from '@/lib/providers/service';
import { latestFilingCancelDrafts, saveFilingCancelDraft, sendFilingCancelCode, submitFilingCancel } from './cancel';
import { latestFilingLiveness } from './liveness';
import { handlerOf } from '@/lib/applications/handlers';
import { filedProviderOptions, linkProviderAccount, providerOfAccount, providersOfAccounts } from '@/lib/service-providers/accounts';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { decideApplication, recordInterviewOutcome, scheduleInterview } from '@/lib/review/service';
import type { Actor } from '@/lib/auth/policy';
import type { AssessmentData } from '@/lib/assessments/types';
import { getFilingView, submitNewFiling } from './service';
import { submitFilingChange } from './change';

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let phoneSeq = 0;

beforeAll(async () => {
  units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13771000011', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
});

const db = () => getDb();
const filing = (id: number) => db().select().from(filings).where(eq(filings.id, id)).get()!;
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const fieldErrors = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (e) {
    return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
  }
  throw new Error('expected a refusal');
};

/** A fresh applicant whose held-back subject is released by `first` and approved with it. */
async function applicantWith(first: '应用市场' | '服务商', name = '王磊') {
  const user = await makeApplicant(name);
  const subj = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalName: name, principalPhone: `1393333${String(++phoneSeq).padStart(4, '0')}` }) });
  const input = first === '应用市场' ? await appStoreInput(user.id) : await serviceProviderInput(user.id);
  const r = submitNewFiling(user.id, subj.subjectId, first, input);
  // The store or provider released the held-back 新增主体 as a bundle, as a website would.
  expect(appRow(subj.applicationId)).toMatchObject({ queued: true, bundleId: `B${subj.applicationId}` });
  decideApplication(reviewer, subj.applicationId, { decision: '通过' });
  decideApplication(reviewer, r.applicationId, { decision: '通过' });
  return { user, subjectId: subj.subjectId, first: r };
}

describe('应用市场 and 服务商 as filing objects', () => {
  it('number an 应用市场 with 05 and a 服务商 with 06, each counting on its own per unit', async () => {
    const a = await applicantWith('应用市场');
    const store = filing(a.first.filingId);
    expect(store).toMatchObject({ kind: '应用市场', status: '已备案' });
    expect(store.filingNumber).toMatch(new RegExp(`^京公网安备${units.chaoyang.code}05\\d{6}号$`));
    const p1 = submitNewFiling(a.user.id, a.subjectId, '服务商', await serviceProviderInput(a.user.id));
    const p2 = submitNewFiling(a.user.id, a.subjectId, '服务商', await serviceProviderInput(a.user.id, { name: '北京云帆网络有限公司' }));
    for (const p of [p1, p2]) decideApplication(reviewer, p.applicationId, { decision: '通过' });
    const [d1, d2] = [filing(p1.filingId).filingDigits!, filing(p2.filingId).filingDigits!];
    expect(d1.slice(6, 8)).toBe('06');
    expect(Number(d2.slice(8))).toBe(Number(d1.slice(8)) + 1);
    // The APP sequence is untouched by them: this subject's first APP is still its unit's next 03.
    const app = submitNewFiling(a.user.id, a.subjectId, 'APP', await appInput(a.user.id));
    decideApplication(reviewer, app.applicationId, { decision: '通过' });
    expect(filing(app.filingId).filingDigits!.slice(6, 8)).toBe('03');
    // What the applicant sees: 网址 and 上架应用数量; 许可证编号 and 服务类型.
    expect(getFilingView(a.user.id, '应用市场', store.id)).toMatchObject({ idents: expect.stringMatching(/^www\.store\d+\.cn$/), values: { 'basic.appCount': '120个' } });
    expect(getFilingView(a.user.id, '服务商', p1.filingId)).toMatchObject({ idents: expect.stringMatching(/^B1-2018\d{4}$/), values: { 'basic.serviceTypes': '云服务、内容分发网络(CDN)' } });
  });

  it('one live 应用市场 per 网址 and one live 服务商 per 许可证编号 (case and full-width folded)', async () => {
    const a = await applicantWith('服务商');
    const licence = filing(a.first.filingId).data.basic as { licenceNumber: string };
    const again = await serviceProviderInput(a.user.id, { licenceNumber: licence.licenceNumber.toLowerCase().replace('-', '－') });
    expect(fieldErrors(() => submitNewFiling(a.user.id, a.subjectId, '服务商', again))).toEqual({ 'basic.licenceNumber': expect.stringContaining(`增值电信业务经营许可证编号 ${licence.licenceNumber}`) });
    const store = await appStoreInput(a.user.id, { domain: 'shared-store.cn' });
    submitNewFiling(a.user.id, a.subjectId, '应用市场', store);
    const other = await makeApplicant('赵敏');
    const subj = submitNewSubject(other.id, { data: await personSubjectInput(other.id, { principalName: '赵敏', principalPhone: '13933339999' }) });
    const theirs = await appStoreInput(other.id, { domain: 'shared-store.cn' });
    expect(fieldErrors(() => submitNewFiling(other.id, subj.subjectId, '应用市场', { ...theirs, basic: { ...theirs.basic, domains: [{ domain: 'WWW.Shared-Store.cn', primary: true }] } }))).toEqual({
      'basic.domains.0.domain': expect.stringContaining('www.shared-store.cn'),
    });
  });

  it('an interactive 应用市场 is filed only after a passed 安全评估 and the 面审 outcome', async () => {
    const a = await applicantWith('服务商');
    const r = submitNewFiling(a.user.id, a.subjectId, '应用市场', await appStoreInput(a.user.id, { interactive: true }));
    expect(filing(r.filingId).interactive).toBe(true);
    expect(() => decideApplication(reviewer, r.applicationId, { decision: '通过' })).toThrow('需先通过安全评估');
    db().insert(assessments).values({ subjectId: a.subjectId, filingId: r.filingId, status: '通过', data: {} as AssessmentData, createdAt: Date.now() }).run();
    expect(() => decideApplication(reviewer, r.applicationId, { decision: '通过' })).toThrow('提供互联网交互服务的应用市场须先安排面审或实地检查，核查通过后备案');
    scheduleInterview(reviewer, r.applicationId, { kind: '实地检查', scheduledAt: Date.now() + 86_400_000, place: '朝阳分局网安大队' });
    recordInterviewOutcome(reviewer, r.applicationId, { decision: '通过' });
    expect(filing(r.filingId).filingDigits!.slice(6, 8)).toBe('05');
  });

  it('变更服务商 keeps the number and lists what changed', async () => {
    const a = await applicantWith('服务商');
    const before = filing(a.first.filingId);
    const input = await serviceProviderInput(a.user.id);
    const stored = before.data.basic as { licenceNumber: string; licenceFileId: number };
    const c = submitFilingChange(a.user.id, '服务商', before.id, {
      data: { ...input, basic: { ...input.basic, licenceNumber: stored.licenceNumber, licenceFileId: stored.licenceFileId, regions: ['110000', '310000'], serviceTypes: ['网络接入服务'] } },
    });
    expect(filing(before.id).status).toBe('变更中');
    decideApplication(reviewer, c.applicationId, { decision: '通过' });
    expect(filing(before.id)).toMatchObject({ status: '已备案', filingNumber: before.filingNumber });
    expect(getFilingView(a.user.id, '服务商', before.id).values).toMatchObject({ 'basic.regions': '北京市、上海市', 'basic.serviceTypes': '网络接入服务' });
  });
});

describe('the 服务商名录 follows filed 服务商', () => {
  const found = (kind: '接入服务商' | '域名注册服务商', regionCode: string, name: string) =>
    searchProviders({ kind, scope: '境内', regionCode, name }).rows.map((r) => r.name);

  it('approval lists it under each 服务地区 by 服务类型; a change replaces the entries; 注销 hides them', async () => {
    const user = await makeApplicant('钱峰');
    const subj = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalName: '钱峰', principalPhone: '13933330001' }) });
    const input = await serviceProviderInput(user.id, { name: '钱峰数据科技有限公司', serviceTypes: ['互联网数据中心(IDC)', '域名注册服务'] });
    const r = submitNewFiling(user.id, subj.subjectId, '服务商', { ...input, basic: { ...input.basic, regions: ['110000', '120000'] } });
    // Not listed while under review.
    expect(found('接入服务商', '110000', '钱峰数据')).toEqual([]);
    decideApplication(reviewer, subj.applicationId, { decision: '通过' });
    decideApplication(reviewer, r.applicationId, { decision: '通过' });
    // 海淀 is inside 北京, one of its 服务地区; 上海 is not.
    expect(found('接入服务商', '110108', '钱峰数据')).toEqual(['钱峰数据科技有限公司']);
    expect(found('域名注册服务商', '120000', '钱峰数据')).toEqual(['钱峰数据科技有限公司']);
    expect(found('接入服务商', '310000', '钱峰数据')).toEqual([]);
    const entries = () => db().select().from(providerDirectory).where(eq(providerDirectory.filingId, r.filingId)).all();
    expect(entries().map((e) => `${e.kind}:${e.regionCode}`).sort()).toEqual(['域名注册服务商:110000', '域名注册服务商:120000', '接入服务商:110000', '接入服务商:120000']);
    // The admin cannot edit or delete an entry that comes from a filing.
    expect(() => deleteProvider(entries()[0].id, null)).toThrow('该服务商来自服务商备案');

    // 变更服务商: renamed, 上海 instead of 天津, no more 域名注册.
    const stored = filing(r.filingId).data.basic as { licenceNumber: string; licenceFileId: number };
    const c = submitFilingChange(user.id, '服务商', r.filingId, {
      data: { ...input, basic: { ...input.basic, name: '钱峰云数据科技有限公司', licenceNumber: stored.licenceNumber, licenceFileId: stored.licenceFileId, serviceTypes: ['互联网数据中心(IDC)'], regions: ['110000', '310000'] } },
    });
    // While the change is reviewed the filed data stays listed.
    expect(found('域名注册服务商', '120000', '钱峰')).toEqual(['钱峰数据科技有限公司']);
    decideApplication(reviewer, c.applicationId, { decision: '通过' });
    expect(found('接入服务商', '310000', '钱峰')).toEqual(['钱峰云数据科技有限公司']);
    expect(found('接入服务商', '120000', '钱峰')).toEqual([]);
    expect(found('域名注册服务商', '110000', '钱峰')).toEqual([]);

    // 注销服务商 approved: hidden from the look-ups, kept (marked) in the directory.
    await sendFilingCancelCode(user.id, '服务商', r.filingId);
    const cancel = submitFilingCancel(user.id, '服务商', r.filingId, { principalName: '钱峰', middleFour: '3333', code: lastSmsCode('13933330001'), reason: '停止经营' });
    expect(found('接入服务商', '110000', '钱峰')).toEqual(['钱峰云数据科技有限公司']);
    decideApplication(reviewer, cancel.applicationId, { decision: '通过' });
    expect(found('接入服务商', '110000', '钱峰')).toEqual([]);
    expect(entries().map((e) => [e.name, !!e.cancelledAt])).toEqual([
      ['钱峰云数据科技有限公司', true],
      ['钱峰云数据科技有限公司', true],
    ]);
  });
});

describe('provider accounts act for a filed 服务商', () => {
  it('an admin links a provider account to a filed 服务商 only; the workspace reads the link', async () => {
    const a = await applicantWith('服务商', '孙立');
    const pending = submitNewFiling(a.user.id, a.subjectId, '服务商', await serviceProviderInput(a.user.id, { name: '孙立网络有限公司' }));
    const { id: providerUser } = await createUser({ role: 'provider', name: '孙立服务商', phone: '13771000012', password: 'Secret#2026' });
    expect(() => linkProviderAccount(a.user.id, a.first.filingId, null)).toThrow('只有服务商账号可以关联服务商');
    expect(() => linkProviderAccount(providerUser, pending.filingId, null)).toThrow('请选择已备案的服务商');
    expect(filedProviderOptions().map((p) => p.id)).toContain(a.first.filingId);
    expect(filedProviderOptions().map((p) => p.id)).not.toContain(pending.filingId);
    expect(providerOfAccount(providerUser)).toBeNull();
    linkProviderAccount(providerUser, a.first.filingId, reviewer.id);
    expect(providerOfAccount(providerUser)).toMatchObject({ filingId: a.first.filingId, name: '北京云帆数据科技有限公司', status: '已备案', filed: true });
    expect(providersOfAccounts([providerUser]).get(providerUser)).toBe('北京云帆数据科技有限公司');
  });
});

describe('注销应用市场 checks that its 网址 no longer answer, as 注销网站', () => {
  it('stores the probe of each 网址 for the reviewer: alive while a server still answers', async () => {
    const live = http.createServer((_req, res) => res.end('还在运行'));
    const port = await new Promise<number>((r) => live.listen(0, '127.0.0.1', () => r((live.address() as AddressInfo).port)));
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    try {
      const user = await makeApplicant('周鹏');
      const subj = submitNewSubject(user.id, { data: await personSubjectInput(user.id, { principalName: '周鹏', principalPhone: '13933330002' }) });
      const store = submitNewFiling(user.id, subj.subjectId, '应用市场', await appStoreInput(user.id, { domain: 'zhoupeng-store.cn' }));
      decideApplication(reviewer, subj.applicationId, { decision: '通过' });
      decideApplication(reviewer, store.applicationId, { decision: '通过' });
      expect(latestFilingLiveness(store.filingId)).toBeNull();
      await sendFilingCancelCode(user.id, '应用市场', store.filingId);
      const r = submitFilingCancel(
        user.id,
        '应用市场',
        store.filingId,
        { principalName: '周鹏', middleFour: '3333', code: lastSmsCode('13933330002'), reason: '停止运营' },
        Date.now(),
        { liveness: { lookup: async () => [{ address: '127.0.0.1', family: 4 }], ports: { http: port, https: port + 1 } } },
      );
      expect(r.liveness).not.toBeNull();
      await r.liveness;
      expect(latestFilingLiveness(store.filingId)).toMatchObject({ ok: false, results: [{ host: 'www.zhoupeng-store.cn', alive: true, http: { ok: true, status: 200 } }] });
      expect(handlerOf('注销应用市场').describe.reviewChecks).toEqual(['liveness']);
      expect(handlerOf('注销服务商').describe.reviewChecks).toEqual([]);
    } finally {
      delete process.env.WLBA_ALLOW_PRIVATE_FETCH;
      live.closeAllConnections();
      await new Promise((r) => live.close(r));
    }
  });
});

describe('注销 drafts of a filed object', () => {
  it('keeps 负责人姓名, 注销原因 and 附件说明 per object, and goes with the submission', async () => {
    const a = await applicantWith('服务商', '吕琦');
    // applicantWith gave the principal the phone 1393333 + the latest sequence number.
    const principalPhone = `1393333${String(phoneSeq).padStart(4, '0')}`;
    const id = saveFilingCancelDraft(a.user.id, '服务商', a.first.filingId, { principalName: '吕琦', reason: '停止经营', attachmentFileId: null }, null);
    // Saving again updates the same draft; another object's draft id starts a new one.
    expect(saveFilingCancelDraft(a.user.id, '服务商', a.first.filingId, { principalName: '吕琦', reason: '停止经营，机房已关闭', attachmentFileId: null }, id)).toBe(id);
    expect(latestFilingCancelDrafts(a.user.id, '服务商').get(a.first.filingId)).toMatchObject({ id, data: { principalName: '吕琦', reason: '停止经营，机房已关闭', attachmentFileId: null } });
    expect(latestFilingCancelDrafts(a.user.id, 'APP').size).toBe(0);
    expect(handlerOf('注销服务商').describe.draftHref(id, null, a.first.filingId)).toBe(`/my/providers/cancel?draft=${id}`);
    await sendFilingCancelCode(a.user.id, '服务商', a.first.filingId);
    submitFilingCancel(a.user.id, '服务商', a.first.filingId, { principalName: '吕琦', middleFour: '3333', code: lastSmsCode(principalPhone), reason: '停止经营', draftId: id });
    expect(latestFilingCancelDrafts(a.user.id, '服务商').size).toBe(0);
  });
});
