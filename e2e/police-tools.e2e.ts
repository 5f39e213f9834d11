/**
 * The police tools of the review page (SPEC §6.3), as a new applicant, the 朝阳 reviewer, the admin
 * and the 总队 reviewer: 查看完整信息 (and the audit log showing it), 审核备注 (unseen by the
 * applicant), the subject's key data on a website's review, 注销备案 with a reason (the public record
 * says 已注销), and 转办 to the other unit, whose reviewer finds it in the queue.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { approveOpen, fileSubjectAndWebsite, fileWebsite, idWithCheck, launchBrowser, login, newPage, openFromQueue, registerUser, samplePng, screenshotBoth } from './helpers';

const APPLICANT = { name: '郑晓东', idNumber: idWithCheck('11010519790823157'), phone: '13533330101', email: 'zhengxd@example.com' };
const NOTE = '人像面照片与证件号码核对一致';

let browser: Browser;
let applicant: Page;
let reviewer: Page;
let websiteReviewUrl = '';
let filingNumber = '';

beforeAll(async () => {
  browser = await launchBrowser();
  applicant = await newPage(browser);
  reviewer = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('police tools on the review page', () => {
  it('a new applicant files a subject and a website', async () => {
    await registerUser(applicant, APPLICANT);
    await login(applicant, APPLICANT.phone, 'Secret#2026');
    await applicant.waitForURL(/\/my$/);
    await fileSubjectAndWebsite(applicant, { name: APPLICANT.name, phone: APPLICANT.phone, id: APPLICANT.idNumber }, { name: '郑晓东书法作品展', domain: 'www.zxd-shufa.cn', registrable: 'zxd-shufa.cn', ip: '47.93.12.71' });
  });

  it('the reviewer reveals the full ID number, leaves a note, and approves', async () => {
    await login(reviewer, '13800000002', 'Demo@2026');
    await reviewer.waitForURL(/\/review/);
    await openFromQueue(reviewer, APPLICANT.name, '新增主体');
    // Masked until asked.
    await expect(reviewer.getByText(APPLICANT.idNumber).count()).resolves.toBe(0);
    await reviewer.getByRole('button', { name: '查看完整信息' }).click();
    const full = reviewer.getByRole('definition').filter({ hasText: APPLICANT.idNumber });
    await full.first().waitFor();
    await expect(reviewer.getByTestId('reveal-pii').textContent()).resolves.toContain(APPLICANT.phone);
    await screenshotBoth(reviewer, 'review-reveal', { axe: true });
    await reviewer.getByRole('button', { name: '隐藏完整信息' }).click();
    await expect(reviewer.getByText(APPLICANT.idNumber).count()).resolves.toBe(0);

    // 审核备注: an empty one is refused on its field; a real one shows in the 办理记录.
    await reviewer.getByRole('button', { name: '添加备注' }).click();
    await reviewer.getByText('请填写备注内容').waitFor();
    await reviewer.getByLabel('审核备注').fill(NOTE);
    await reviewer.getByRole('button', { name: '添加备注' }).click();
    await reviewer.getByTestId('review-note').filter({ hasText: NOTE }).waitFor();
    await expect(reviewer.getByTestId('record').textContent()).resolves.toContain('查看完整信息');
    await screenshotBoth(reviewer, 'review-record', { axe: true });
    await approveOpen(reviewer);

    // The website's review shows who runs it, masked.
    await openFromQueue(reviewer, APPLICANT.name, '新办网站');
    websiteReviewUrl = reviewer.url();
    const subject = reviewer.getByTestId('subject-info');
    await expect(subject.textContent()).resolves.toContain(APPLICANT.name);
    await expect(subject.textContent()).resolves.toContain('朝阳分局网安大队');
    await expect(subject.textContent()).resolves.toContain(`${APPLICANT.idNumber.slice(0, 3)}*`);
    await expect(subject.textContent()).resolves.not.toContain(APPLICANT.idNumber);
    filingNumber = (await approveOpen(reviewer))!;
    expect(filingNumber).toMatch(/^京公网安备\d{14}号$/);
  });

  it('the applicant never sees the note', async () => {
    await applicant.goto('/my/applications');
    await applicant.getByTestId('application-row').filter({ hasText: '新增主体' }).getByRole('link', { name: '详情' }).click();
    await applicant.getByRole('heading', { name: '申请详情' }).waitFor();
    await expect(applicant.locator('main').textContent()).resolves.not.toContain(NOTE);
  });

  it('the admin finds the reveal in the audit log by 操作', async () => {
    const admin = await newPage(browser);
    await login(admin, '13800000001', 'Demo@2026');
    await admin.waitForURL(/\/admin/);
    await admin.goto('/admin/audit');
    await admin.getByLabel('操作', { exact: true }).selectOption({ label: '查看完整信息' });
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.waitForURL(/action=application\.pii\.reveal/);
    const row = admin.getByTestId('audit-row').first();
    await expect(row.textContent()).resolves.toContain('李明');
    await expect(row.textContent()).resolves.toContain('查看完整信息');
    await admin.context().close();
  });

  it('the reviewer cancels the filing with a reason and the public record says 已注销', async () => {
    // A visitor has the public record open: rendered once, then from the shared page cache (a
    // notice still being delivered also writes to app.db, so it may take another visit or two).
    const digits = filingNumber.replace(/\D/g, '');
    const visitor = await newPage(browser);
    const sources: (string | undefined)[] = [];
    while (sources.length < 5 && sources.at(-1) !== 'hit') {
      const res = await visitor.goto(`/query/${digits}`);
      sources.push(res!.headers()['x-page-cache']);
      await visitor.getByText('已备案').first().waitFor();
      await expect(visitor.getByText('已注销').count()).resolves.toBe(0);
    }
    expect(sources[0]).toBeUndefined();
    expect(sources.at(-1)).toBe('hit');

    await reviewer.goto(websiteReviewUrl);
    const section = reviewer.getByTestId('police-cancel');
    await section.getByRole('button', { name: '注销备案' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '注销备案' });
    await dialog.getByRole('button', { name: '确认注销' }).click();
    await dialog.getByText('请选择注销原因').waitFor();
    await dialog.getByLabel('注销原因').selectOption('其他');
    await dialog.getByRole('button', { name: '确认注销' }).click();
    await dialog.getByText('请填写注销说明').waitFor();
    await dialog.getByLabel('注销原因').selectOption('违法违规');
    await dialog.getByText('请填写注销说明').waitFor({ state: 'detached' });
    await dialog.getByLabel('注销说明').fill('网站发布违法信息，经核查属实');
    await screenshotBoth(reviewer, 'review-police-cancel', { axe: true });
    await dialog.getByRole('button', { name: '确认注销' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Refreshed: the filing is no longer offered for 注销备案.
    await section.waitFor({ state: 'detached' });

    // The same visitor's next visit: the cancellation changed app.db, so the page is rendered anew.
    const after = await visitor.goto(`/query/${digits}`);
    expect(after!.headers()['x-page-cache']).toBeUndefined();
    await visitor.getByText('已注销').first().waitFor();
    await visitor.context().close();

    await applicant.goto('/my/notifications');
    await applicant.getByText('网站备案已被注销').first().waitFor();
  });

  it('the admin 转办s a new application to the 总队, whose reviewer finds it in the queue', async () => {
    const png = await samplePng();
    await fileWebsite(applicant, { name: '郑晓东篆刻作品展', domain: 'www.zxd-zhuanke.cn', registrable: 'zxd-zhuanke.cn', ip: '47.93.12.72' }, png);
    const admin = await newPage(browser);
    await login(admin, '13800000001', 'Demo@2026');
    await admin.waitForURL(/\/admin/);
    await openFromQueue(admin, APPLICANT.name, '新办网站');
    await admin.getByTestId('review-unit').getByRole('button', { name: '转办' }).click();
    const dialog = admin.getByRole('dialog', { name: '转办申请' });
    await dialog.getByRole('button', { name: '确认转办' }).click();
    await dialog.getByText('请选择转办单位').waitFor();
    await dialog.getByLabel('转办单位').selectOption({ label: '北京市公安局网安总队' });
    await dialog.getByText('请选择转办单位').waitFor({ state: 'detached' });
    await dialog.getByLabel('转办原因').fill('网站服务器由总队直接管辖');
    await screenshotBoth(admin, 'review-transfer', { axe: true });
    await dialog.getByRole('button', { name: '确认转办' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByTestId('review-unit').getByText('北京市公安局网安总队').waitFor();
    await expect(admin.getByTestId('record').textContent()).resolves.toContain('转至北京市公安局网安总队；转办原因：网站服务器由总队直接管辖');
    await admin.context().close();

    // 朝阳's queue no longer has it; the 总队's has it.
    await reviewer.goto(`/review?q=${encodeURIComponent(APPLICANT.name)}`);
    await reviewer.getByRole('heading', { name: '审核工作台' }).waitFor();
    await expect(reviewer.getByTestId('queue-row').filter({ hasText: '新办网站' }).count()).resolves.toBe(0);
    const office = await newPage(browser);
    await login(office, '13800000005', 'Demo@2026');
    await office.waitForURL(/\/review/);
    await openFromQueue(office, APPLICANT.name, '新办网站');
    await office.getByTestId('review-unit').getByText('北京市公安局网安总队').waitFor();
    await office.context().close();
  });
});
