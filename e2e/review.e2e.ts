import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, logout, screenshotBoth, adminCli, idWithCheck, fileSubjectAndWebsite, verifyPhone, openForm } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const APPLICANT = { name: '郑华', phone: '13522225555', password: 'Secret#2026', id: idWithCheck('11010519830415123') };
const REVIEWER = { name: '钱进', phone: '13722223333', password: 'Police#2026' };
const SITE = { name: '郑华茶艺分享', domain: 'www.zhenghua-tea.cn', registrable: 'zhenghua-tea.cn', ip: '39.96.10.20' };


/** Opens the reviewer's queue row of `type` for the applicant and returns to its decision page. */
async function openFromQueue(page: Page, type: string) {
  await page.goto('/review');
  await page.getByLabel('关键词').fill(APPLICANT.name);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/q=/);
  const row = page.getByTestId('queue-row').filter({ hasText: type });
  await row.getByRole('link', { name: '办理' }).click();
  await page.getByRole('heading', { name: '申请审核' }).waitFor();
}

/** 审核结果 → 提交审核结果 → 确定. */
async function decide(page: Page, decision: '通过' | '退回', fill?: () => Promise<void>) {
  await page.getByRole('group', { name: '审核结果' }).getByLabel(decision, { exact: true }).check();
  if (fill) await fill();
  await page.getByRole('button', { name: '提交审核结果' }).click();
  await page.getByRole('dialog', { name: decision === '通过' ? '确认通过该申请？' : '确认退回该申请？' }).getByRole('button', { name: '确定' }).click();
  await page.getByTestId('decision-result').getByText(`审核完成：已${decision === '通过' ? '通过' : '退回'}`).waitFor();
}

describe('审核 from queue to filing number', () => {
  it('files a website reviewed by the right unit, and returns a change with a field comment the applicant sees', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
    const created = adminCli(['create-user', '--role', 'reviewer', '--name', REVIEWER.name, '--phone', REVIEWER.phone, '--password', REVIEWER.password, '--unit', '110105']);
    expect(created.stderr).toBe('');

    const applicant = await newPage(browser);
    await login(applicant, APPLICANT.phone, APPLICANT.password);
    await applicant.waitForURL(/\/my$/);
    await fileSubjectAndWebsite(applicant, APPLICANT, SITE);

    // The reviewer verifies the phone first (SPEC §1), then works the queue.
    const reviewer = await newPage(browser);
    await login(reviewer, REVIEWER.phone, REVIEWER.password);
    await reviewer.waitForURL(/\/review$/);
    await reviewer.getByText('审核单位：朝阳分局网安大队').waitFor();
    await verifyPhone(reviewer, REVIEWER.phone);

    await reviewer.goto('/review');
    const queue = reviewer.getByRole('table', { name: '待办申请列表' });
    await queue.getByTestId('queue-row').filter({ hasText: SITE.name }).waitFor();
    await queue.getByTestId('queue-row').filter({ hasText: '新增主体' }).filter({ hasText: APPLICANT.name }).waitFor();
    // The demo's overdue application stands out.
    await queue.locator('[data-overdue="true"]').first().getByText('已超期').waitFor();
    await screenshotBoth(reviewer, 'review-queue');

    // The website cannot be approved before its bundled subject.
    await openFromQueue(reviewer, '新办网站');
    await reviewer.getByTestId('approve-blocked').waitFor();
    await openFromQueue(reviewer, '新增主体');
    await reviewer.getByTestId('handler').getByText(REVIEWER.name).waitFor();
    await decide(reviewer, '通过');

    await openFromQueue(reviewer, '新办网站');
    await reviewer.getByTestId('naming-hints').waitFor();
    await reviewer.getByText(SITE.domain).first().waitFor();
    await screenshotBoth(reviewer, 'review-decision');
    await decide(reviewer, '通过');
    const number = (await reviewer.getByTestId('filing-number').textContent())!.match(/京公网安备11010502\d{6}号/)![0];
    await reviewer.goto('/review/dashboard');
    await reviewer.getByRole('heading', { name: '审核统计' }).waitFor();
    await reviewer.getByText('近30日审核量').waitFor();
    await screenshotBoth(reviewer, 'review-dashboard');

    // The applicant sees the website filed with its number, and the notice.
    await applicant.goto('/my/websites');
    const siteRow = applicant.getByTestId('website-row').filter({ hasText: SITE.name });
    await siteRow.getByText('已备案').waitFor();
    await siteRow.getByText(number).waitFor();
    await applicant.goto('/my/notifications');
    await applicant.getByText('新办网站申请已通过').first().waitFor();
    await applicant.getByText(`公安备案号：${number}`).first().waitFor();

    // 变更主体, returned with a comment on one field: the applicant sees it beside that field.
    await openForm(applicant, '/my/subject/change');
    await applicant.getByLabel('负责人常住详细地址').fill('朝阳门外大街18号院');
    await applicant.getByRole('button', { name: '提交审核' }).click();
    await applicant.getByRole('dialog', { name: '变更信息确认' }).getByRole('button', { name: '确认' }).click();
    await applicant.waitForURL(/\/my\/applications\/\d+/);
    const changeUrl = applicant.url().replace(/\?.*$/, '');

    await openFromQueue(reviewer, '变更主体');
    await reviewer.getByRole('table', { name: '变更对比' }).getByText('朝阳门外大街18号院', { exact: true }).waitFor();
    await decide(reviewer, '退回', async () => {
      await reviewer.getByLabel('常用退回原因').selectOption({ label: '负责人常住地址不具体，城镇请填写到街道门牌号，农村请填写到村' });
      await reviewer.getByRole('button', { name: '添加字段意见' }).click();
      await reviewer.getByLabel('字段').selectOption({ label: '负责人常住详细地址' });
      await reviewer.getByLabel('审核意见', { exact: true }).fill('请填写到门牌号');
    });
    await reviewer.getByRole('link', { name: '返回待办' }).click();
    await expect(reviewer.getByTestId('queue-row').filter({ hasText: '变更主体' }).filter({ hasText: APPLICANT.name }).count()).resolves.toBe(0);

    await applicant.goto(changeUrl);
    await applicant.getByTestId('return-reason').getByText('退回原因：负责人常住地址不具体，城镇请填写到街道门牌号，农村请填写到村').waitFor();
    await applicant.getByTestId('field-comment-principalAddress').getByText('审核意见：请填写到门牌号').waitFor();
    await applicant.goto('/my/subject');
    await applicant.getByText('有效').first().waitFor();
    await logout(applicant);
  });

  it('refuses a reviewer of another unit on the decision page and the file', async () => {
    // 李明 (朝阳) may; 赵磊 (the office, 110000) does not review 朝阳's applications.
    const page = await newPage(browser);
    await login(page, '13800000002', 'Demo@2026');
    await page.waitForURL(/\/review$/);
    const href = await page.getByTestId('queue-row').filter({ hasText: '王芳的烘焙日记' }).getByRole('link', { name: '办理' }).getAttribute('href');
    await page.goto(href!);
    const file = await page.getByTestId('attachments').locator('a[href^="/api/files/"]').first().getAttribute('href');
    expect((await page.request.get(file!)).status()).toBe(200);
    // Waiting for its 新增主体, the website was not claimed by opening it: nothing to give back.
    await page.goto('/review');
    // The demo subject passed the 国家网络身份认证 sandbox: the reviewer is told so (SPEC §13).
    const subjectHref = await page.getByTestId('queue-row').filter({ hasText: '新增主体' }).filter({ hasText: '王芳' }).getByRole('link', { name: '办理' }).getAttribute('href');
    await page.goto(subjectHref!);
    await page.getByText('已认证（沙箱环境）').waitFor();
    await page.getByRole('button', { name: '释放' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.waitForURL(/\/review$/);
    await logout(page);
    await login(page, '13800000005', 'Demo@2026');
    await page.waitForURL(/\/review$/);
    const res = await page.goto(href!);
    expect(res?.status()).toBe(404);
    expect((await page.request.get(file!)).status()).toBe(403);
  });
});
