import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, openForm, screenshot, adminCli, idWithCheck, fileSubjectAndWebsite } from './helpers';

// An applicant of this file's own: a 个人 subject and an interactive website (for 安全评估) are filed below.
const APPLICANT = { name: '钱晓岚', phone: '13544448888', password: 'Secret#2026', id: idWithCheck('11010519890304226') };
const SITE = { name: '钱晓岚摄影', domain: 'www.qianxiaolan-photo.cn', registrable: 'qianxiaolan-photo.cn', ip: '39.96.10.41', interactive: true };

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
  page = await newPage(browser);
  await login(page, APPLICANT.phone, APPLICANT.password);
  await page.waitForURL(/\/my$/);
});
afterAll(async () => {
  await browser?.close();
});

const shownStep = () => page.locator('form[data-hydrated] [data-step]').getAttribute('data-step');
/** A link of the header's 我的 menu (seed 004), the menu opened first. */
async function menuLink(label: string) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const my = nav.getByRole('button', { name: '我的' });
  if ((await my.getAttribute('aria-expanded')) !== 'true') await my.click();
  return nav.getByRole('link', { name: label, exact: true });
}
const leaveDialog = () => page.getByRole('alertdialog', { name: '离开此页面？' });

describe('leaving a form with unsaved input', () => {
  it('asks before a menu link leaves /my/subject/new: 留在此页 keeps the input, 离开 goes', async () => {
    await openForm(page, '/my/subject/new');
    await page.getByLabel('个人', { exact: true }).check();
    await page.getByLabel('负责人姓名', { exact: true }).fill(APPLICANT.name);

    await (await menuLink('我的网站')).click();
    await leaveDialog().getByText('您填写的内容尚未保存，离开后将丢失。').waitFor();
    await screenshot(page, 'desktop-leave-dialog');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'phone-leave-dialog');
    await page.setViewportSize({ width: 1280, height: 900 });

    await leaveDialog().getByRole('button', { name: '留在此页' }).click();
    await leaveDialog().waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/my/subject/new');
    await expect(page.getByLabel('负责人姓名', { exact: true }).inputValue()).resolves.toBe(APPLICANT.name);

    await (await menuLink('我的网站')).click();
    await leaveDialog().getByRole('button', { name: '离开' }).click();
    await page.waitForURL(/\/my\/websites$/);
  });
});

describe('steps in the URL', () => {
  it('新办网站申请: Back from step 02 shows step 01, Forward step 02 with everything typed; Back out of the form asks', async () => {
    await fileSubjectAndWebsite(page, APPLICANT, SITE);

    // Into the wizard through the app's own link, so Back out of it is an in-app navigation.
    await page.goto('/my/websites');
    await page.getByRole('link', { name: '新办网站申请' }).first().click();
    await page.waitForURL(/\/my\/websites\/new/);
    await page.locator('form[data-hydrated]').waitFor();
    await expect(shownStep()).resolves.toBe('1');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(/step=2/);
    await page.getByLabel('网站名称').fill('钱晓岚旅行随笔');
    await page.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
    await page.getByLabel('网站开通日期').fill('2026-09-01');
    await page.getByLabel('网站域名', { exact: true }).fill('www.qianxiaolan-travel.cn');

    await page.goBack();
    await expect.poll(shownStep).toBe('1');
    expect(page.url()).not.toContain('step=2');
    await page.goForward();
    await expect.poll(shownStep).toBe('2');
    expect(page.url()).toContain('step=2');
    await expect(page.getByLabel('网站名称').inputValue()).resolves.toBe('钱晓岚旅行随笔');
    await expect(page.getByLabel('网站开通日期').inputValue()).resolves.toBe('2026-09-01');
    await expect(page.getByLabel('网站域名', { exact: true }).inputValue()).resolves.toBe('www.qianxiaolan-travel.cn');
    await expect(page.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').isChecked()).resolves.toBe(true);

    // Back twice: step 01, then out of the form — that asks; 留在此页 stays, and Forward still has step 02.
    await page.goBack();
    await expect.poll(shownStep).toBe('1');
    // The browser's Back is cancelled while the dialog asks, so goBack's own wait for a navigation ends unmet.
    const back = page.goBack({ timeout: 5_000 }).catch(() => null);
    await leaveDialog().waitFor();
    await leaveDialog().getByRole('button', { name: '留在此页' }).click();
    await back;
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my/websites/new');
    await expect(shownStep()).resolves.toBe('1');
    await page.goForward();
    await expect.poll(shownStep).toBe('2');
    await expect(page.getByLabel('网站名称').inputValue()).resolves.toBe('钱晓岚旅行随笔');

    // Reloading (or closing) asks through the browser's own prompt.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.type();
      void d.accept();
    });
    // A step not reached yet (?step=3 on a fresh form) shows the first step still to fill.
    await openForm(page, '/my/websites/new?step=3');
    expect(asked).toBe('beforeunload');
    await expect(shownStep()).resolves.toBe('1');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('1');
  });

  it('安全评估: Back from step 02 shows step 01 with everything typed, Forward step 02', async () => {
    await openForm(page, '/my/assessments/new');
    await page.getByLabel('类型', { exact: true }).selectOption('网站');
    const site = page.getByLabel('评估对象', { exact: true });
    await site.selectOption((await site.locator('option', { hasText: SITE.name }).getAttribute('value'))!);
    await page.getByLabel('开展评估情况').fill('评估范围：网站前台与后台管理系统。');
    await page.getByLabel('自行评估', { exact: true }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(/step=2/);
    await expect.poll(shownStep).toBe('2'); // pushState changes the URL before React shows the step

    await page.goBack();
    await expect.poll(shownStep).toBe('1');
    await expect(page.getByLabel('开展评估情况').inputValue()).resolves.toBe('评估范围：网站前台与后台管理系统。');
    await expect(page.getByLabel('自行评估', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('类型', { exact: true }).inputValue()).resolves.toBe('网站');
    await page.goForward();
    await expect.poll(shownStep).toBe('2');
    expect(page.url()).toContain('step=2');
    await page.goBack();
    await expect.poll(shownStep).toBe('1');
    await expect(page.getByLabel('开展评估情况').inputValue()).resolves.toBe('评估范围：网站前台与后台管理系统。');
  });
});
