import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, adminCli, idWithCheck, fileSubjectAndWebsite, verifyPhone } from './helpers';
import { addWorkingDays } from '@/lib/workdays';
import { beijingDate as beijingDateString } from '@/lib/time';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const APPLICANT = { name: '孙悦', phone: '13533336666', password: 'Secret#2026', id: idWithCheck('11010519870612224') };
const REVIEWER = { name: '周平', phone: '13733336666', password: 'Police#2026' };
const SITE = { name: '孙悦手工坊', domain: 'www.sunyue-craft.cn', registrable: 'sunyue-craft.cn', ip: '39.96.10.30', interactive: true };
const SITUATION = '评估范围：网站前台、用户留言与后台管理系统。\n生僻字龘䶮鿏〇均应显示；使用Nginx 1.24与MySQL 8.0，WAF规则v2。';

async function pdf(text: string): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(text);
  return Buffer.from(await doc.save());
}

async function openFromQueue(page: Page, type: string) {
  await page.goto('/review');
  await page.getByLabel('关键词').fill(APPLICANT.name);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/q=/);
  await page.getByTestId('queue-row').filter({ hasText: type }).getByRole('link', { name: '办理' }).click();
  await page.getByRole('heading', { name: '申请审核' }).waitFor();
}

async function decide(page: Page, legend: '审核结果' | '结果') {
  await page.getByRole('group', { name: legend }).getByLabel('通过', { exact: true }).check();
  await page.getByRole('button', { name: '提交审核结果' }).click();
  await page.getByRole('dialog', { name: '确认通过该申请？' }).getByRole('button', { name: '确定' }).click();
  await page.getByTestId('decision-result').getByText('审核完成：已通过').waitFor();
}

describe('安全评估 of an interactive website, from the wizard to the filing number', () => {
  it('is started, its report downloaded, the signed PDF uploaded, the third-party report skipped; the reviewer approves it, holds 面审 and files the website', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
    expect(adminCli(['create-user', '--role', 'reviewer', '--name', REVIEWER.name, '--phone', REVIEWER.phone, '--password', REVIEWER.password, '--unit', '110105']).stderr).toBe('');

    const page = await newPage(browser);
    await login(page, APPLICANT.phone, APPLICANT.password);
    await page.waitForURL(/\/my$/);
    await fileSubjectAndWebsite(page, APPLICANT, SITE);

    // 发起评估 from the navigation: 安全评估 in the header's 我的 menu.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '我的' }).click();
    await nav.getByRole('link', { name: '安全评估', exact: true }).click();
    await page.getByRole('heading', { name: '安全评估', level: 1 }).waitFor();
    await page.getByRole('link', { name: '发起评估' }).first().click();
    await page.getByRole('heading', { name: '发起安全评估', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '填写自评估报告' }).waitFor();
    await page.getByLabel('类型', { exact: true }).selectOption('网站');
    const site = page.getByLabel('评估对象', { exact: true });
    const option = await site.locator('option', { hasText: SITE.name }).getAttribute('value');
    await site.selectOption(option!);
    // 下一步 without the required text: the error is on the field.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请填写开展评估情况').first().waitFor();
    await page.getByLabel('开展评估情况').fill(SITUATION);
    await page.getByLabel('自行评估', { exact: true }).check();
    await page.getByLabel('渗透测试', { exact: true }).check();
    await screenshotBoth(page, 'assessment-step1', { axe: true });

    // 下载自评估报告: every typed line is in the PDF's text; its first page is kept as a screenshot.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自评估报告' }).click()]);
    expect(download.suggestedFilename()).toBe('自评估报告.pdf');
    const file = (await download.path())!;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
    for (const line of SITUATION.split('\n')) expect(text).toContain(line.replace(/\s+/gu, ''));
    expect(text).toContain(SITE.name);
    expect(text).toContain('自行评估、渗透测试');
    const shotDir = path.resolve(import.meta.dirname, 'screenshots');
    fs.mkdirSync(shotDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(shotDir, 'assessment-report-page1')]);
    await page.getByText('自评估报告已下载').waitFor();

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '自评估报告盖章件' }).first().waitFor();
    // 下一步 without the required scan is refused.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请上传自评估报告盖章件').first().waitFor();
    // The file goes in as a buffer: nothing left behind in /tmp.
    await page.getByLabel('自评估报告盖章件', { exact: true }).setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: await pdf('signed and sealed report') });
    await page.getByText('signed.pdf').waitFor();
    await screenshotBoth(page, 'assessment-step2', { axe: true });

    // 保存草稿 shows in 我的草稿.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '上传第三方检测报告' }).first().waitFor();
    await screenshotBoth(page, 'assessment-step3', { axe: true });
    await page.getByRole('button', { name: '跳过' }).click();
    await page.getByRole('heading', { name: '网络安全责任告知书' }).first().waitFor();
    await screenshotBoth(page, 'assessment-step4', { axe: true });
    await page.getByLabel('我已阅读并同意').check();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL(/\/my\/assessments\/\d+\?submitted=1/);
    await page.getByText('提交成功').first().waitFor();
    await page.getByRole('heading', { name: '安全评估详情', level: 1 }).waitFor();
    await screenshotBoth(page, 'assessment-submitted');

    // The draft went with the submission; 我的申请 has the row and its 申请回执.
    await page.goto('/my/drafts');
    await page.getByRole('heading', { name: '我的草稿', level: 1 }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '安全评估' }).count()).toBe(0);
    await page.goto('/my/applications');
    const row = page.getByRole('row').filter({ hasText: '安全评估' });
    const [receipt] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: '下载申请回执' }).click()]);
    expect(receipt.suggestedFilename()).toMatch(/^申请回执-SQ\d+\.pdf$/);
    const receiptText = execFileSync('pdftotext', ['-enc', 'UTF-8', (await receipt.path())!, '-'], { encoding: 'utf8' });
    expect(receiptText).toContain('安全评估');
    expect(receiptText).toContain('朝阳分局网安大队');

    // The reviewer: verifies the phone, approves the subject and the assessment, holds 面审, files the website.
    const reviewer = await newPage(browser);
    await login(reviewer, REVIEWER.phone, REVIEWER.password);
    await reviewer.waitForURL(/\/review$/);
    await verifyPhone(reviewer, REVIEWER.phone);

    await openFromQueue(reviewer, '新增主体');
    await decide(reviewer, '审核结果');

    await openFromQueue(reviewer, '安全评估');
    await reviewer.getByText('开展评估情况').first().waitFor();
    await reviewer.getByText('生僻字龘䶮鿏〇均应显示', { exact: false }).first().waitFor();
    await reviewer.getByTestId('attachments').locator('iframe[title="自评估报告盖章件"]').waitFor();
    await screenshotBoth(reviewer, 'assessment-review');
    await decide(reviewer, '审核结果');

    await openFromQueue(reviewer, '新办网站');
    const schedule = reviewer.getByRole('form', { name: '安排面审或实地检查' });
    await schedule.getByLabel('面审', { exact: true }).check();
    // The next working day at 10:00 Beijing time: always in the future, whatever today is.
    await schedule.getByLabel('时间').fill(`${beijingDateString(addWorkingDays(Date.now(), 1))}T10:00`);
    await schedule.getByLabel('地点').fill('朝阳分局网安大队（朝阳区工体北路1号）');
    await schedule.getByLabel('需携带材料').fill('负责人身份证原件、网站安全管理制度');
    await schedule.getByRole('button', { name: '安排面审' }).click();
    await reviewer.getByRole('dialog', { name: '确认安排面审？' }).getByRole('button', { name: '确定' }).click();
    await reviewer.getByRole('group', { name: '结果' }).waitFor({ timeout: 20_000 });
    await decide(reviewer, '结果');
    const number = await reviewer.getByTestId('filing-number').textContent();
    expect(number).toMatch(/^京公网安备110105\d{8}号$/);

    // The applicant's website is filed with that number.
    await page.goto('/my/websites');
    await page.getByRole('row').filter({ hasText: SITE.name }).getByText(number!).waitFor();
  });
});
