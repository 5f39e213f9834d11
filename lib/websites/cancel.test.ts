import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { getDb } from '@/db/client';
import { applications, drafts, files, subjects, websiteChecks, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, lastSmsCode } from '@/lib/test/fixtures';
import { submitNewSubject } from '@/lib/subjects/service';
import { storeUpload } from '@/lib/files/service';
import { revokeApplication } from '@/lib/applications/service';
import { submitNewWebsite } from './service';
import { sendWebsiteCancelCode, submitWebsiteCancel, listCancellableWebsites, websiteCancelTemplatePdf, saveWebsiteCancelDraft, latestCancelDrafts } from './cancel';
import { listDrafts } from '@/lib/drafts/service';
import { draftHref } from '@/lib/applications/links';

let closedPort: number;
let livePort: number;
let live: http.Server;

beforeAll(async () => {
  seedUnits();
  const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
  live = http.createServer((_req, res) => res.end('还在运行'));
  livePort = await listen(live);
  const tmp = http.createServer();
  closedPort = await listen(tmp);
  await new Promise((r) => tmp.close(r));
});

afterAll(async () => {
  live.closeAllConnections();
  await new Promise((r) => live.close(r));
});

afterEach(() => {
  delete process.env.WLBA_ALLOW_PRIVATE_FETCH;
});

const db = () => getDb();
const site = (id: number) => db().select().from(websites).where(eq(websites.id, id)).get()!;
const appRow = (id: number) => db().select().from(applications).where(eq(applications.id, id)).get()!;
const checks = (websiteId: number) => db().select().from(websiteChecks).where(eq(websiteChecks.websiteId, websiteId)).all();
// Every domain is pointed at 127.0.0.1: no real network.
const toLocal = async () => [{ address: '127.0.0.1', family: 4 }];
const closedSite = () => ({ lookup: toLocal, ports: { http: closedPort, https: closedPort } });


let seq = 0;
/** A website through the real 新办网站 submission, then approved and numbered the way review will. */
async function filedWebsite() {
  const n = ++seq;
  const phone = `1372222${String(n).padStart(4, '0')}`;
  const u = await makeApplicant();
  const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: phone }) });
  const r = submitNewWebsite(u.id, subj.subjectId, await websiteInput(u.id, { domain: `cancel-test${n}.cn` }));
  const digits = `11010502${String(800000 + n).padStart(6, '0')}`;
  db().update(subjects).set({ status: '有效' }).where(eq(subjects.id, subj.subjectId)).run();
  db().update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.subjectId, subj.subjectId)).run();
  db()
    .update(websites)
    .set({ status: '已备案', filingDigits: digits, filingNumber: `京公网安备${digits}号`, filedAt: Date.now() })
    .where(eq(websites.id, r.websiteId))
    .run();
  return { user: u, phone, middleFour: phone.slice(3, 7), subjectId: subj.subjectId, websiteId: r.websiteId, domain: `www.cancel-test${n}.cn`, filingNumber: `京公网安备${digits}号` };
}

async function uploadPdf(ownerId: number) {
  const doc = await PDFDocument.create();
  doc.addPage();
  return storeUpload({ ownerId, kind: 'pdf', originalName: '网站注销说明.pdf', bytes: Buffer.from(await doc.save()) });
}

describe('注销网站', () => {
  it('checks 负责人姓名, the middle four digits and the SMS code, then files a 注销网站 application; website 注销中', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const f = await filedWebsite();
    const now = Date.now();
    expect(await sendWebsiteCancelCode(f.user.id, f.websiteId, now)).toEqual({ phoneMasked: `137****${f.phone.slice(-4)}` });
    const code = lastSmsCode(f.phone);
    const pdf = await uploadPdf(f.user.id);
    const input = { principalName: '张伟', middleFour: f.middleFour, code, reason: '网站停止运营', attachmentFileId: pdf.id };

    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, { ...input, principalName: '李四' }, { now })).toThrow('负责人姓名与主体信息不一致');
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, { ...input, middleFour: '0000' }, { now })).toThrow('手机号码中间四位不正确');
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, { ...input, reason: '  ' }, { now })).toThrow('请填写注销原因');
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, { ...input, code: '000000' }, { now })).toThrow(/验证码错误/);
    expect(site(f.websiteId).status).toBe('已备案');

    const r = submitWebsiteCancel(f.user.id, f.websiteId, input, { now, liveness: closedSite() });
    expect(r.code).toMatch(/^SQ\d{14}$/);
    expect(site(f.websiteId).status).toBe('注销中');
    const subjectUnit = db().select({ unitId: subjects.unitId }).from(subjects).where(eq(subjects.id, f.subjectId)).get()!.unitId;
    expect(appRow(r.applicationId)).toMatchObject({
      type: '注销网站',
      status: '待审核',
      applicantId: f.user.id,
      subjectId: f.subjectId,
      websiteId: f.websiteId,
      unitId: subjectUnit,
      queued: true,
      payload: { reason: '网站停止运营', attachmentFileId: pdf.id, websiteName: '张伟摄影作品集', domains: [f.domain], filingNumber: f.filingNumber },
    });
    // The 附件说明 is attached to the subject, so the unit's reviewers may read it.
    expect(db().select({ s: files.subjectId }).from(files).where(eq(files.id, pdf.id)).get()!.s).toBe(f.subjectId);

    // The liveness check runs after the transaction and can be awaited.
    const record = await r.liveness;
    expect(record).toMatchObject({ websiteId: f.websiteId, ok: true });
    expect(record!.results).toEqual([expect.objectContaining({ host: f.domain, alive: false })]);
    expect(checks(f.websiteId)).toEqual([expect.objectContaining({ kind: 'liveness', ok: true })]);

    // A second 注销 of the same website is refused while this one is pending.
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, input, { now })).toThrow('存在审核中的单据');
  });

  it('stores "still answering" when a domain still serves pages', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const f = await filedWebsite();
    await sendWebsiteCancelCode(f.user.id, f.websiteId);
    const r = submitWebsiteCancel(
      f.user.id,
      f.websiteId,
      { principalName: '张伟', middleFour: f.middleFour, code: lastSmsCode(f.phone), reason: '不再运营' },
      { liveness: { lookup: toLocal, ports: { http: livePort, https: closedPort } } },
    );
    const record = await r.liveness;
    expect(record).toMatchObject({ ok: false, results: [{ alive: true, http: { ok: true, status: 200 } }] });
    expect(appRow(r.applicationId).payload).toMatchObject({ attachmentFileId: null });
  });

  it('撤销申请 within 30 minutes puts the website back to 已备案', async () => {
    const f = await filedWebsite();
    await sendWebsiteCancelCode(f.user.id, f.websiteId);
    const r = submitWebsiteCancel(
      f.user.id,
      f.websiteId,
      { principalName: '张伟', middleFour: f.middleFour, code: lastSmsCode(f.phone), reason: '不再运营' },
      { liveness: closedSite() },
    );
    await r.liveness;
    revokeApplication(f.user.id, r.applicationId);
    expect(appRow(r.applicationId).status).toBe('已撤销');
    expect(site(f.websiteId).status).toBe('已备案');
    expect(listCancellableWebsites(f.user.id, f.subjectId)).toEqual([expect.objectContaining({ id: f.websiteId, pending: false })]);
  });

  it('a failing liveness check does not fail the submission; the failure is stored', async () => {
    const f = await filedWebsite();
    await sendWebsiteCancelCode(f.user.id, f.websiteId);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    // An impossible port makes the check itself throw.
    const r = submitWebsiteCancel(
      f.user.id,
      f.websiteId,
      { principalName: '张伟', middleFour: f.middleFour, code: lastSmsCode(f.phone), reason: '不再运营' },
      { liveness: { lookup: toLocal, ports: { http: 70_000 } } },
    );
    expect(site(f.websiteId).status).toBe('注销中');
    await expect(r.liveness).resolves.toBeNull();
    spy.mockRestore();
    const [row] = checks(f.websiteId);
    expect(row).toMatchObject({ kind: 'liveness', ok: false, detail: { error: '网站关闭状态检测失败，请人工核实' } });
  });

  it('存在审核中的单据: nothing is sent or submitted while an application of the website is pending', async () => {
    const f = await filedWebsite();
    const now = Date.now();
    db()
      .insert(applications)
      .values({ code: `SQPENDING${now}`, type: '变更网站', status: '审核中', applicantId: f.user.id, subjectId: f.subjectId, websiteId: f.websiteId, payload: {}, submittedAt: now })
      .run();
    await expect(sendWebsiteCancelCode(f.user.id, f.websiteId)).rejects.toThrow('存在审核中的单据');
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, { principalName: '张伟', middleFour: f.middleFour, code: '123456', reason: '停办' })).toThrow('存在审核中的单据');
    expect(site(f.websiteId).status).toBe('已备案');
    expect(listCancellableWebsites(f.user.id, f.subjectId)).toEqual([expect.objectContaining({ id: f.websiteId, pending: true })]);
  });

  it('only a 已备案 website of the user’s 有效 subject; a PDF attachment of the user', async () => {
    const f = await filedWebsite();
    const other = await makeApplicant('陈静');
    await expect(sendWebsiteCancelCode(other.id, f.websiteId)).rejects.toThrow('网站不存在');
    expect(() => submitWebsiteCancel(other.id, f.websiteId, { principalName: '张伟', middleFour: f.middleFour, code: '123456', reason: '停办' })).toThrow('网站不存在');

    db().update(websites).set({ status: '变更中' }).where(eq(websites.id, f.websiteId)).run();
    await expect(sendWebsiteCancelCode(f.user.id, f.websiteId)).rejects.toThrow('网站当前状态为“变更中”，不能注销网站');
    db().update(websites).set({ status: '已备案' }).where(eq(websites.id, f.websiteId)).run();

    db().update(subjects).set({ status: '注销中' }).where(eq(subjects.id, f.subjectId)).run();
    await expect(sendWebsiteCancelCode(f.user.id, f.websiteId)).rejects.toThrow('主体当前状态为“注销中”，不能办理注销网站');
    db().update(subjects).set({ status: '有效' }).where(eq(subjects.id, f.subjectId)).run();

    const theirs = await uploadPdf(other.id);
    await sendWebsiteCancelCode(f.user.id, f.websiteId);
    const input = { principalName: '张伟', middleFour: f.middleFour, code: lastSmsCode(f.phone), reason: '停办', attachmentFileId: theirs.id };
    expect(() => submitWebsiteCancel(f.user.id, f.websiteId, input)).toThrow('附件说明须为PDF文件');
    expect(site(f.websiteId).status).toBe('已备案');
  });

  it('lists the subject’s 已备案 websites with all domains, filterable by 网站名称 and 域名', async () => {
    const f = await filedWebsite();
    const rows = listCancellableWebsites(f.user.id, f.subjectId);
    expect(rows).toEqual([
      { id: f.websiteId, name: '张伟摄影作品集', domains: [f.domain], filedAt: expect.any(Number), icpNumber: '京ICP备12345678号-1', filingNumber: f.filingNumber, pending: false },
    ]);
    expect(listCancellableWebsites(f.user.id, f.subjectId, { name: '摄影' })).toHaveLength(1);
    expect(listCancellableWebsites(f.user.id, f.subjectId, { name: '旅行' })).toHaveLength(0);
    expect(listCancellableWebsites(f.user.id, f.subjectId, { domain: f.domain.slice(4).toUpperCase() })).toHaveLength(1);
    const other = await makeApplicant('陈静');
    expect(listCancellableWebsites(other.id, f.subjectId)).toEqual([]);
    db().update(websites).set({ status: '注销中' }).where(eq(websites.id, f.websiteId)).run();
    expect(listCancellableWebsites(f.user.id, f.subjectId)).toEqual([]);
  });
});

describe('注销网站 drafts', () => {
  it('keeps 负责人姓名, 注销原因 and the PDF (never the phone digits or code), shows in 我的草稿 and goes with the submission', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const f = await filedWebsite();
    const pdf = await uploadPdf(f.user.id);
    const typed = { principalName: '张伟', reason: '网站停止运营', attachmentFileId: pdf.id, middleFour: f.middleFour, code: '123456' };
    const id = saveWebsiteCancelDraft(f.user.id, f.websiteId, typed, null);
    const row = db().select().from(drafts).where(eq(drafts.id, id)).get()!;
    expect(row).toMatchObject({ type: '注销网站', websiteId: f.websiteId, subjectId: f.subjectId });
    expect(row.data).toEqual({ principalName: '张伟', reason: '网站停止运营', attachmentFileId: pdf.id });

    // Saving again updates the same draft; the dialog of the website finds the newest one.
    expect(saveWebsiteCancelDraft(f.user.id, f.websiteId, { ...typed, reason: '域名到期不再续费' }, id)).toBe(id);
    expect(latestCancelDrafts(f.user.id).get(f.websiteId)).toMatchObject({ id, data: { reason: '域名到期不再续费' } });
    const listed = listDrafts(f.user.id, { type: '注销网站' }).rows;
    expect(listed).toEqual([expect.objectContaining({ id, type: '注销网站', websiteId: f.websiteId })]);
    expect(draftHref('注销网站', id, f.websiteId)).toBe(`/my/websites/cancel?draft=${id}`);

    // Somebody else cannot save a draft for this website.
    const other = await makeApplicant('陈静');
    expect(() => saveWebsiteCancelDraft(other.id, f.websiteId, typed, null)).toThrow();

    await sendWebsiteCancelCode(f.user.id, f.websiteId);
    submitWebsiteCancel(f.user.id, f.websiteId, { ...typed, code: lastSmsCode(f.phone), draftId: id }, { liveness: closedSite() });
    expect(db().select().from(drafts).where(eq(drafts.id, id)).get()).toBeUndefined();
    // While the 注销网站 application is pending no draft can be saved for it.
    expect(() => saveWebsiteCancelDraft(f.user.id, f.websiteId, typed, null)).toThrow('存在审核中的单据');
  });
});

describe('网站注销说明模板', () => {
  it('is a small A4 PDF with every blank and the signature boxes, rendered in Chinese', async () => {
    const bytes = await websiteCancelTemplatePdf();
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-tpl-')), 't.pdf');
    fs.writeFileSync(file, bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext 不存在：请安装 poppler-utils（apt-get install -y poppler-utils）');
      throw e;
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    for (const s of ['网站注销说明', '网站名称：', '网站域名：', '公安备案号：', '注销原因：', '域名不再受控的情况说明：', '负责人签字：', '单位盖章：', '日期：年月日'])
      expect(text).toContain(s);
  });
});
