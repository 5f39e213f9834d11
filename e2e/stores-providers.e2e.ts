import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, adminCli, idWithCheck, fileSubject, verifyPhone, openForm, samplePng, openFromQueue, approveOpen } from './helpers';

let browser: Browser;
let company: Page;
let reviewer: Page;
let png: Buffer;

const OWNER = { name: '韩冰', phone: '13577772222', password: 'Secret#2026', id: idWithCheck('11010519800101123') };
const OTHER = { name: '冯雪', phone: '13577773333', password: 'Secret#2026', id: idWithCheck('11010519900202123') };
const REVIEWER = { name: '蒋涛', phone: '13777772222', password: 'Police#2026' };
const STORE = { name: '韩冰应用商店', domain: 'www.hanbing-apps.cn', registrable: 'hanbing-apps.cn' };
const PROVIDER = { name: '北京韩冰云数据有限公司', licence: '京B1-20210088' };

beforeAll(async () => {
  browser = await launchBrowser();
  for (const a of [OWNER, OTHER]) expect(adminCli(['create-user', '--role', 'applicant', '--name', a.name, '--phone', a.phone, '--password', a.password]).status).toBe(0);
  expect(adminCli(['create-user', '--role', 'reviewer', '--name', REVIEWER.name, '--phone', REVIEWER.phone, '--password', REVIEWER.password, '--unit', '110105']).stderr).toBe('');
  png = await samplePng();
  company = await newPage(browser);
  await login(company, OWNER.phone, OWNER.password);
  await company.waitForURL(/\/my$/);
  reviewer = await newPage(browser);
  await login(reviewer, REVIEWER.phone, REVIEWER.password);
  await reviewer.waitForURL(/\/review$/);
  await verifyPhone(reviewer, REVIEWER.phone);
});
afterAll(async () => {
  await browser?.close();
});

async function upload(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: label }).waitFor();
}

/** 03 负责人 as the subject's principal, 04 read, 提交 after the countdown. */
async function contactsAndSubmit(page: Page, titles: [string, string], shot: string) {
  for (const t of titles) await page.getByRole('radiogroup', { name: t }).getByLabel('同主体负责人信息').check();
  await screenshotBoth(page, `${shot}-contacts`, { axe: true });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('我已阅读').check();
  await page.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
  await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
}

/** The reviewer approves the company's application of `type`; its 公安备案号. */
async function approveFromQueue(type: string) {
  await openFromQueue(reviewer, OWNER.name, type);
  return (await approveOpen(reviewer)) ?? '';
}

describe('应用市场 and 服务商 filed through their wizards', () => {
  it('a company files an 应用市场 and a 服务商; the reviewer approves both with 05 / 06 numbers', async () => {
    await fileSubject(company, OWNER);

    // 新增应用市场 from 业务办理.
    await company.goto('/my/business');
    await company.getByRole('region', { name: '应用市场业务' }).getByRole('link', { name: '新增应用市场' }).click();
    await company.locator('form[data-hydrated]').first().waitFor();
    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByLabel('应用市场名称').fill(STORE.name);
    await company.getByLabel('上架应用数量').fill('3.5');
    await company.getByLabel('应用上架审核机制').fill('上架前核验APP的公安联网备案编号与工信部备案号。');
    await company.getByLabel('网址', { exact: true }).fill(STORE.domain);
    await company.getByLabel('主域名').first().check();
    await upload(company, `域名证书（${STORE.registrable}）`);
    await company.getByLabel('起始IP', { exact: true }).fill('39.96.10.40');
    await company.getByLabel('结束IP', { exact: true }).fill('39.96.10.40');
    await company.getByLabel('接入商所属地区省份').selectOption('110000');
    await company.getByLabel('接入商所属地区区县').selectOption('110108');
    await company.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).fill('阿里云计算有限公司');
    await company.getByRole('group', { name: '是否提供互联网交互服务' }).getByLabel('否').check();
    await company.getByRole('group', { name: '是否提供涉及管制物品信息发布服务' }).getByLabel('否').check();
    await company.getByRole('group', { name: '相关前置许可' }).getByLabel('否').check();
    await company.getByLabel('中文简体').check();
    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByText('上架应用数量须为整数').waitFor();
    await screenshotBoth(company, 'app-store-new-basic', { axe: true });
    await company.getByLabel('上架应用数量').fill('1200');
    await company.getByRole('button', { name: '下一步' }).click();
    await contactsAndSubmit(company, ['应用市场安全负责人', '应用市场应急联络人'], 'app-store-new');

    // 新增服务商: a malformed 许可证编号 is refused on its field.
    await openForm(company, '/my/providers/new');
    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByLabel('服务商名称').fill(PROVIDER.name);
    await company.getByLabel('网络接入服务', { exact: true }).check();
    await company.getByLabel('云服务', { exact: true }).check();
    await company.getByLabel('增值电信业务经营许可证编号').fill('B1-2021008');
    await upload(company, '许可证扫描件');
    await company.getByLabel('北京市', { exact: true }).check();
    await company.getByRole('button', { name: '添加机房' }).click();
    await company.getByLabel('机房名称').fill('亦庄机房');
    await company.getByLabel('机房地址').fill('北京市大兴区经海路1号');
    await company.getByLabel('起始IP').fill('101.201.0.0');
    await company.getByLabel('结束IP').fill('101.201.255.255');
    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByText('增值电信业务经营许可证编号格式不正确，如 B1-20180001 或 京B2-20201234').waitFor();
    await screenshotBoth(company, 'provider-new-basic', { axe: true });
    await company.getByLabel('增值电信业务经营许可证编号').fill(PROVIDER.licence);
    await company.getByRole('button', { name: '下一步' }).click();
    await contactsAndSubmit(company, ['网络安全负责人', '应急联络人'], 'provider-new');

    await approveFromQueue('新增主体');
    const storeNumber = await approveFromQueue('新增应用市场');
    expect(storeNumber).toMatch(/^京公网安备11010505\d{6}号$/);
    const providerNumber = await approveFromQueue('新增服务商');
    expect(providerNumber).toMatch(/^京公网安备11010506\d{6}号$/);

    await company.goto('/my/providers');
    await company.getByTestId('filing-row').filter({ hasText: PROVIDER.name }).getByText(providerNumber).waitFor();
    await company.getByTestId('filing-row').filter({ hasText: PROVIDER.name }).getByRole('link', { name: '详情' }).click();
    await company.getByTestId('filing-snippet').waitFor();
    await screenshotBoth(company, 'provider-detail', { axe: true });

    // The public finds both by name.
    const anon = await newPage(browser);
    await anon.goto(`/query?kind=app-store&type=name&q=${encodeURIComponent('应用商店')}`);
    await anon.getByRole('link', { name: storeNumber }).waitFor();
    await anon.goto(`/query?kind=provider&type=name&q=${encodeURIComponent('韩冰云数据')}`);
    await anon.getByRole('link', { name: providerNumber }).waitFor();
    await screenshotBoth(anon, 'query-provider', { axe: true });
    await anon.close();
  });

  it('a second applicant finds the new 服务商 in 查询网络接入服务商 of 新办网站申请', async () => {
    const other = await newPage(browser);
    await login(other, OTHER.phone, OTHER.password);
    await other.waitForURL(/\/my$/);
    await fileSubject(other, OTHER);
    await openForm(other, '/my/websites/new');
    await other.getByRole('button', { name: '下一步' }).click();
    await other.getByRole('button', { name: '查询网络接入服务商' }).click();
    const lookup = other.getByRole('dialog', { name: '查询网络接入服务商' });
    await lookup.getByLabel('所属省').selectOption('110000');
    await lookup.getByLabel('名称', { exact: true }).fill('韩冰');
    await lookup.getByRole('button', { name: '查询' }).click();
    await lookup.getByRole('button', { name: `选择${PROVIDER.name}` }).click();
    await expect(other.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).inputValue()).resolves.toBe(PROVIDER.name);
    await other.close();
  });
});
