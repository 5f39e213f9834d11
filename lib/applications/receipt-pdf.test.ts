import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { getDb } from '@/db/client';
import { applications, assessments, BUSINESS_TYPES, type BusinessType } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, lastSmsCode, idWithCheck, appInput, miniProgramInput, appStoreInput, serviceProviderInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject, submitSubjectChange, sendPrincipalCode, submitSubjectCancel } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitWebsiteChange } from '@/lib/websites/change';
import { submitNewFiling } from '@/lib/filings/service';
import { submitFilingChange } from '@/lib/filings/change';
import { decideApplication } from '@/lib/review/service';
import { nextApplicationCode } from '@/lib/applications/service';
import { maskIdNumber } from '@/lib/pii/mask';
import { formatDateTime } from '@/lib/utils';
import { pdftotext, rasterizePage, pixelDiff, squashPdfText } from '@/lib/pdf/poppler';
import { buildReceipt, loadReceiptView, RECEIPT_NOTE } from './receipt-pdf';
import type { AssessmentData } from '@/lib/assessments/types';

const PRINCIPAL_ID = idWithCheck('11010519850312003');
const RARE_NAME = '龘䶮鿏摄影作品集';

let owner: Actor;
let admin: Actor;
let chaoyangReviewer: Actor;
let subjectId: number;
let websiteId: number;
let filingNumber: string;
/** One application of every business type, all the owner's. */
const appOf = {} as Record<BusinessType, { id: number; code: string }>;

const applicant = (id: number): Actor => ({ id, role: 'applicant', unitId: null, phoneVerified: false });

/** Business types without a service yet (or with a network check): inserted the way their services would. */
function insertApplication(type: BusinessType, payload: Record<string, unknown>) {
  const db = getDb();
  return db.transaction((tx) => {
    const now = Date.now();
    const app = tx
      .insert(applications)
      .values({ code: nextApplicationCode(tx, now), type, status: '待审核', applicantId: owner.id, subjectId, websiteId, unitId: chaoyangReviewer.unitId, queued: true, payload, submittedAt: now, queuedAt: now })
      .returning({ id: applications.id, code: applications.code })
      .get();
    return app;
  });
}

beforeAll(async () => {
  const { chaoyang } = seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770008888', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  const r1 = await createUser({ role: 'reviewer', name: '赵磊', phone: '13770008887', password: 'Secret#2026', unitId: chaoyang.id, phoneVerified: true });
  chaoyangReviewer = { id: r1.id, role: 'reviewer', unitId: chaoyang.id, phoneVerified: true };

  const u = await makeApplicant();
  owner = applicant(u.id);

  // 新增主体 + 新办网站, approved through review: the website gets its 公安备案号.
  const subjectInput = await personSubjectInput(u.id, { principalIdNumber: PRINCIPAL_ID });
  const s = submitNewSubject(u.id, { data: subjectInput });
  subjectId = s.subjectId;
  const siteInput = await websiteInput(u.id, { name: '张伟摄影作品集', domain: 'zhangwei-receipt.com.cn' });
  const w = submitNewWebsite(u.id, s.subjectId, siteInput);
  websiteId = w.websiteId;
  Object.assign(appOf, { 新增主体: { id: s.applicationId, code: s.code }, 新办网站: { id: w.applicationId, code: w.code } });
  decideApplication(admin, s.applicationId, { decision: '通过' });
  filingNumber = decideApplication(admin, w.applicationId, { decision: '通过' }).filingNumber!;

  // 变更网站 (rare characters in the new name), then returned so the subject can change next.
  const change = submitWebsiteChange(u.id, websiteId, { data: { ...siteInput, basic: { ...siteInput.basic, name: RARE_NAME } } });
  appOf['变更网站'] = { id: change.applicationId, code: change.code };
  decideApplication(admin, change.applicationId, { decision: '退回', reason: '网站名称与内容不符' });

  const subjectChange = submitSubjectChange(u.id, subjectId, { data: { ...subjectInput, principalIdNumber: '', principalPhone: '', principalAddress: '建国路89号院1号楼502室' } });
  appOf['变更主体'] = { id: subjectChange.applicationId, code: subjectChange.code };
  decideApplication(admin, subjectChange.applicationId, { decision: '退回', reason: '请补充材料' });

  // The rest as their services store them (注销网站 runs a network check; 安全评估 and 网站认领 are other modules).
  appOf['注销网站'] = insertApplication('注销网站', { reason: '网站停止运营', attachmentFileId: null, websiteName: '张伟摄影作品集', domains: ['www.zhangwei-receipt.com.cn'], filingNumber });
  const assessment = insertApplication('安全评估', {
    report: { targetType: '网站', websiteId, situation: '已完成自评估。', methods: ['自行评估', '其他'], methodOther: '安全基线核查' },
    files: { sealedReportFileId: 1, thirdPartyReportFileId: null },
  });
  getDb().insert(assessments).values({ subjectId, websiteId, applicationId: assessment.id, status: '待审核', data: {} as AssessmentData, createdAt: Date.now() }).run();
  appOf['安全评估'] = assessment;
  appOf['网站认领'] = insertApplication('网站认领', { websiteName: '张伟摄影作品集', domain: 'www.zhangwei-receipt.com.cn' });
  getDb().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, appOf['注销网站'].id)).run();
  getDb().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, appOf['网站认领'].id)).run();
  getDb().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, assessment.id)).run();

  // 新增APP / 新增小程序 approved; a change of each, returned; their 注销 as the service stores it.
  const appForm = await appInput(u.id, { name: '张伟摄影助手', packageName: 'cn.zhangwei.receipt' });
  const app = submitNewFiling(u.id, subjectId, 'APP', appForm);
  const miniForm = await miniProgramInput(u.id, { appId: 'wx00000000000000aa' });
  const mini = submitNewFiling(u.id, subjectId, '小程序', miniForm);
  Object.assign(appOf, { 新增APP: { id: app.applicationId, code: app.code }, 新增小程序: { id: mini.applicationId, code: mini.code } });
  decideApplication(admin, app.applicationId, { decision: '通过' });
  decideApplication(admin, mini.applicationId, { decision: '通过' });
  const appChange = submitFilingChange(u.id, 'APP', app.filingId, { data: { ...appForm, basic: { ...appForm.basic, name: '张伟摄影工具' } } });
  const miniChange = submitFilingChange(u.id, '小程序', mini.filingId, { data: { ...miniForm, basic: { ...miniForm.basic, category: '摄影服务' } } });
  Object.assign(appOf, { 变更APP: { id: appChange.applicationId, code: appChange.code }, 变更小程序: { id: miniChange.applicationId, code: miniChange.code } });
  for (const c of [appChange, miniChange]) decideApplication(admin, c.applicationId, { decision: '退回', reason: '请补充材料' });
  appOf['注销APP'] = insertApplication('注销APP', { reason: 'APP停止运营', attachmentFileId: null, name: '张伟摄影助手', idents: ['运行平台“安卓”的包名 cn.zhangwei.receipt'], filingNumber: null });
  appOf['注销小程序'] = insertApplication('注销小程序', { reason: '小程序停止运营', attachmentFileId: null, name: '张伟摄影预约', idents: ['微信小程序ID wx00000000000000aa'], filingNumber: null });
  for (const t of ['注销APP', '注销小程序'] as const) getDb().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, appOf[t].id)).run();

  // 新增应用市场 / 新增服务商 approved; a change of each, returned; their 注销 as the service stores it.
  const storeForm = await appStoreInput(u.id, { domain: 'zhangwei-store.cn' });
  const store = submitNewFiling(u.id, subjectId, '应用市场', storeForm);
  const providerForm = await serviceProviderInput(u.id, { licenceNumber: '京B2-20201234' });
  const provider = submitNewFiling(u.id, subjectId, '服务商', providerForm);
  Object.assign(appOf, { 新增应用市场: { id: store.applicationId, code: store.code }, 新增服务商: { id: provider.applicationId, code: provider.code } });
  decideApplication(admin, store.applicationId, { decision: '通过' });
  decideApplication(admin, provider.applicationId, { decision: '通过' });
  const storeChange = submitFilingChange(u.id, '应用市场', store.filingId, { data: { ...storeForm, basic: { ...storeForm.basic, appCount: '150' } } });
  const providerChange = submitFilingChange(u.id, '服务商', provider.filingId, { data: { ...providerForm, basic: { ...providerForm.basic, regions: ['110000', '120000'] } } });
  Object.assign(appOf, { 变更应用市场: { id: storeChange.applicationId, code: storeChange.code }, 变更服务商: { id: providerChange.applicationId, code: providerChange.code } });
  for (const c of [storeChange, providerChange]) decideApplication(admin, c.applicationId, { decision: '退回', reason: '请补充材料' });
  appOf['注销应用市场'] = insertApplication('注销应用市场', { reason: '应用市场停止运营', attachmentFileId: null, name: '张伟应用商店', idents: ['网址 www.zhangwei-store.cn'], filingNumber: null });
  appOf['注销服务商'] = insertApplication('注销服务商', { reason: '停止经营', attachmentFileId: null, name: '北京云帆数据科技有限公司', idents: ['增值电信业务经营许可证编号 京B2-20201234'], filingNumber: null });
  for (const t of ['注销应用市场', '注销服务商'] as const) getDb().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, appOf[t].id)).run();

  // 注销主体 through its service: SMS code to the principal's phone.
  await sendPrincipalCode(u.id, subjectId, 'subject_cancel');
  const cancel = submitSubjectCancel(u.id, subjectId, { principalName: '张伟', middleFour: '1234', code: lastSmsCode('13912345678'), reason: '不再运营网站' });
  appOf['注销主体'] = { id: cancel.applicationId, code: cancel.code };
});

const receiptText = async (id: number, actor: Actor = owner) => squashPdfText(pdftotext((await buildReceipt(loadReceiptView(actor, id))).bytes));

describe('buildReceipt', () => {
  it('renders 申请编号 and 业务类型 for every business type', async () => {
    expect(Object.keys(appOf).sort()).toEqual([...BUSINESS_TYPES].sort());
    for (const type of BUSINESS_TYPES) {
      const { id, code } = appOf[type];
      const view = loadReceiptView(owner, id);
      const pdf = await buildReceipt(view);
      expect(pdf.missing, type).toEqual([]);
      expect((await PDFDocument.load(pdf.bytes)).getPageCount(), type).toBe(1);
      const text = squashPdfText(pdftotext(pdf.bytes));
      expect(text, type).toContain(`申请回执`);
      expect(text, type).toContain(`申请编号：${code}`);
      expect(text, type).toContain(`业务类型：${type}`);
      expect(text, type).toContain(squashPdfText(`提交时间：${formatDateTime(view.submittedAt)}`));
      expect(text, type).toContain('审核单位：朝阳分局网安大队');
      expect(text, type).toContain(squashPdfText(RECEIPT_NOTE));
      expect(text, type).toContain('可登录联网备案平台，在“我的申请”中查看办理进度');
      // PII only masked.
      expect(text, type).not.toContain(PRINCIPAL_ID);
      expect(text, type).not.toContain('13912345678');
    }
  });

  it('shows the main data of each type, 证件号码 masked', async () => {
    const subject = await receiptText(appOf['新增主体'].id);
    for (const s of ['开办主体名称：张伟', '主体性质：个人', '证件类型：居民身份证', `证件号码：${maskIdNumber(PRINCIPAL_ID)}`, '负责人姓名：张伟']) expect(subject).toContain(s);

    const site = await receiptText(appOf['新办网站'].id);
    for (const s of ['网站名称：张伟摄影作品集', '网站域名：www.zhangwei-receipt.com.cn', '交互类型：非交互式']) expect(site).toContain(s);

    const change = await receiptText(appOf['变更网站'].id);
    for (const s of [`网站名称：${RARE_NAME}`, `公安备案号：${filingNumber}`, '变更事项：网站名称']) expect(change).toContain(s);

    expect(await receiptText(appOf['变更主体'].id)).toContain('变更事项：负责人常住详细地址');
    expect(await receiptText(appOf['注销主体'].id)).toContain('注销原因：不再运营网站');
    const cancel = await receiptText(appOf['注销网站'].id);
    for (const s of ['网站名称：张伟摄影作品集', `公安备案号：${filingNumber}`, '注销原因：网站停止运营']) expect(cancel).toContain(s);

    const assessment = await receiptText(appOf['安全评估'].id);
    for (const s of ['评估对象类型：网站', '网站名称：张伟摄影作品集', '网站域名：www.zhangwei-receipt.com.cn', '评估方法：自行评估、其他：安全基线核查']) expect(assessment).toContain(s);
    expect(await receiptText(appOf['网站认领'].id)).toContain('网站名称：张伟摄影作品集');

    const app = await receiptText(appOf['新增APP'].id);
    for (const s of ['APP名称：张伟摄影助手', '运行平台：安卓、iOS', '包名：cn.zhangwei.receipt', '是否提供互联网交互服务：否']) expect(app).toContain(s);
    const appChange = await receiptText(appOf['变更APP'].id);
    for (const s of ['APP名称：张伟摄影工具', '公安备案号：京公网安备', '变更事项：APP名称']) expect(appChange).toContain(s);
    const mini = await receiptText(appOf['新增小程序'].id);
    for (const s of ['小程序名称：张伟摄影预约', '所属平台：微信', '小程序ID：wx00000000000000aa']) expect(mini).toContain(s);
    expect(await receiptText(appOf['变更小程序'].id)).toContain('变更事项：服务类目');
    for (const s of ['小程序名称：张伟摄影预约', '标识：微信小程序ID wx00000000000000aa', '注销原因：小程序停止运营']) expect(await receiptText(appOf['注销小程序'].id)).toContain(squashPdfText(s));
  });

  it('gives the 办理时限 of an application in the queue', async () => {
    const open = loadReceiptView(owner, appOf['注销主体'].id);
    expect(open.dueAt).toBeGreaterThan(open.submittedAt);
    expect(await receiptText(appOf['注销主体'].id)).toContain(squashPdfText(`办理时限：${formatDateTime(open.dueAt).slice(0, 10)} 前`));
  });

  it('draws every glyph: page 1 equals the rendering with the full font', async () => {
    const view = loadReceiptView(owner, appOf['变更网站'].id);
    const subset = await buildReceipt(view);
    const full = await buildReceipt(view, { font: { embed: 'full' } });
    const d = pixelDiff(rasterizePage(subset.bytes), rasterizePage(full.bytes));
    expect(d.differing / d.total).toBeLessThanOrEqual(0.0001);
    const broken = await buildReceipt(view, { font: { omit: '鿏' } });
    expect(broken.missing).toEqual(['鿏']);
    expect(pixelDiff(rasterizePage(broken.bytes), rasterizePage(full.bytes)).differing).toBeGreaterThan(20);
  }, 60_000);

  it('names characters the font lacks (𠮷) instead of dropping them', async () => {
    const view = { ...loadReceiptView(owner, appOf['注销主体'].id), details: [['注销原因', '吉祥的𠮷字'] as [string, string]] };
    const pdf = await buildReceipt(view);
    expect(pdf.missing).toEqual(['𠮷']);
    expect(pdf.lines).toContain('吉祥的𠮷字');
  });
});
