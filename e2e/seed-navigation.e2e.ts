/**
 * The applicant's navigation and labels as the operator manuals give them (seed 004 §3.2, §5; seed 003;
 * seed 002): 首页 / 我的 / 业务办理 / 系统通知, the home's 我的网站 详情 and 安全评估 cards, 保存草稿 on
 * 新增主体 leading to 我的草稿, the 特别声明 on 新增主体, the 域名注册服务商 and 评估对象 labels.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminCli, launchBrowser, login, newPage, openForm, screenshotBoth } from './helpers';

// 张伟 of the demo: a 有效 subject with a filed website. Only read here.
const DEMO = { phone: '13800000003', password: 'Demo@2026' };
// An account of this file's own, for the draft.
const NEWCOMER = { name: '沈一鸣', phone: '13533330202', password: 'Secret#2026' };

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await login(page, DEMO.phone, DEMO.password);
  await page.waitForURL(/\/my$/);
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    /** Set on a page to tell whether a later page is the same document (no reload). */
    kept?: boolean;
  }
}

const nav = () => page.getByRole('navigation', { name: '主导航' });
const myButton = () => nav().getByRole('button', { name: '我的' });

describe('the applicant header (seed 004)', () => {
  it('reads 首页, 我的, 业务办理, 系统通知; 我的 opens the list of 我的草稿, 我的申请, 我的主体, 我的网站 …', async () => {
    await expect(nav().getByRole('link').allInnerTexts()).resolves.toEqual(['首页', '业务办理', '系统通知']);
    await expect(myButton().getAttribute('aria-expanded')).resolves.toBe('false');

    await myButton().click();
    await expect(myButton().getAttribute('aria-expanded')).resolves.toBe('true');
    const items = await nav().getByRole('link').allInnerTexts();
    expect(items.slice(0, 6)).toEqual(['首页', '我的草稿', '我的申请', '我的主体', '我的网站', '安全评估']);
    expect(items).toContain('个人中心');
    await screenshotBoth(page, 'nav-my-menu', { axe: true });

    // Escape closes it; a link in it goes there and the menu is closed on the new page.
    await page.keyboard.press('Escape');
    await expect(myButton().getAttribute('aria-expanded')).resolves.toBe('false');
    await myButton().click();
    await nav().getByRole('link', { name: '我的网站', exact: true }).click();
    await page.getByRole('heading', { name: '我的网站', level: 1 }).waitFor();
    await expect(myButton().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(nav().getByRole('link', { name: '我的网站', exact: true }).count()).resolves.toBe(0);

    await nav().getByRole('link', { name: '业务办理' }).click();
    await page.getByRole('heading', { name: '业务办理', level: 1 }).waitFor();
    for (const region of ['开办主体', '网站业务', '安全评估']) await page.getByRole('region', { name: region }).waitFor();
    await nav().getByRole('link', { name: '系统通知' }).click();
    await page.getByRole('heading', { name: '系统通知', level: 1 }).waitFor();
    await nav().getByRole('link', { name: '首页' }).click();
    await page.waitForURL(/\/my$/);
  });

  it('links drawn as plain <a> on the server take over in the browser: they prefetch and open pages without reloading, and hydration reports nothing', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const prefetched = page.waitForRequest((r) => new URL(r.url()).pathname === '/my/applications' && r.headers()['next-router-prefetch'] === '1');
    await page.goto('/my');
    await page.getByRole('heading', { name: '您好，张伟' }).waitFor();
    // 我的申请's 更多 is in view: next/link prefetches it once React owns the page.
    await prefetched;
    await page.evaluate(() => (window.kept = true));
    const kept = () => page.evaluate(() => window.kept === true);

    await page.getByRole('region', { name: '我的申请' }).getByRole('link', { name: '更多' }).click();
    await page.getByRole('heading', { name: '我的申请', level: 1 }).waitFor();
    await expect(kept()).resolves.toBe(true);
    await nav().getByRole('link', { name: '系统通知' }).click();
    await page.getByRole('heading', { name: '系统通知', level: 1 }).waitFor();
    await expect(kept()).resolves.toBe(true);
    await nav().getByRole('link', { name: '首页' }).click();
    await page.getByRole('heading', { name: '您好，张伟' }).waitFor();
    await expect(kept()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('the home has 我的网站 with 详情 and an 安全评估 card (seed 004 首页)', async () => {
    await page.goto('/my');
    const sites = page.getByRole('region', { name: '我的网站' });
    await sites.getByText('京公网安备11010502000001号').waitFor();
    const assessments = page.getByRole('region', { name: '安全评估' });
    await assessments.getByRole('link', { name: '发起评估' }).waitFor();
    await screenshotBoth(page, 'home-cards', { axe: true });
    await sites.getByRole('listitem').filter({ hasText: '京公网安备11010502000001号' }).getByRole('link', { name: /^详情/ }).click();
    await page.waitForURL(/\/my\/websites\/\d+$/);
    await page.getByText('京公网安备11010502000001号').first().waitFor();
  });
});

describe('labels from the seeds', () => {
  it('新办网站申请 step 02: 域名注册服务商 reads 域名商所属地区管辖, 域名服务商所属地区, 名称 (seed 004)', async () => {
    await openForm(page, '/my/websites/new');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(/step=2/);
    const registrar = page.getByRole('group', { name: '域名注册服务商', exact: true });
    await registrar.getByRole('group', { name: '域名商所属地区管辖' }).getByLabel('境内').check();
    await registrar.getByLabel('域名服务商所属地区省份').selectOption('110000');
    await registrar.getByLabel('名称', { exact: true }).fill('北京新网数码信息技术有限公司');
    const access = page.getByRole('group', { name: '网络接入服务商', exact: true });
    await access.getByRole('group', { name: '接入商所属地区管辖' }).waitFor();
    await access.getByLabel('接入商所属地区省份').waitFor();
    await access.getByLabel('名称', { exact: true }).waitFor();
    await screenshotBoth(page, 'website-providers', { axe: true });
  });

  it('发起安全评估 step 01: 类型 first, then 评估对象 (seed 002)', async () => {
    await openForm(page, '/my/assessments/new');
    const type = page.getByLabel('类型', { exact: true });
    const object = page.getByLabel('评估对象', { exact: true });
    await type.selectOption('网站');
    await object.waitFor();
    const [typeTop, objectBox] = await Promise.all([type.boundingBox(), object.boundingBox()]);
    // Side by side on a desktop, 类型 to the left: it comes first.
    expect(typeTop!.x).toBeLessThan(objectBox!.x);
    await expect(object.locator('option').first().innerText()).resolves.toBe('请选择网站');
  });
});

describe('新增主体 (seed 003, seed 004 §5.1.1)', () => {
  it('shows the 特别声明 on jurisdiction, and 保存草稿 goes on to 我的草稿 with the new row', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', NEWCOMER.name, '--phone', NEWCOMER.phone, '--password', NEWCOMER.password]).status).toBe(0);
    const own = await newPage(browser);
    await login(own, NEWCOMER.phone, NEWCOMER.password);
    await own.waitForURL(/\/my$/);
    await openForm(own, '/my/subject/new');
    const declaration = own.getByRole('region', { name: '特别声明：' });
    await declaration.getByText('单位类主体，以单位办公地址判定管辖地；个人类主体，以负责人常住地址判定管辖地。').waitFor();
    await declaration.getByText('所有业务的审核，均由管辖地网安民警负责审核。').waitFor();

    await own.getByLabel('个人', { exact: true }).check();
    await own.getByLabel('负责人姓名', { exact: true }).fill(NEWCOMER.name);
    await own.getByLabel('负责人常住详细地址').fill('望京西路48号');
    await own.getByRole('button', { name: '保存草稿' }).click();
    await own.waitForURL(/\/my\/drafts\?saved=new-subject$/);
    await own.getByRole('status').getByText('草稿已保存').waitFor();
    await own.getByRole('table', { name: '草稿列表' }).getByRole('cell', { name: '新增主体' }).waitFor();
    await screenshotBoth(own, 'drafts-after-save', { axe: true });
    await own.close();
  });
});
