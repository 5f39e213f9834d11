/**
 * 数据码 for applicants (SPEC §8.1), as a new user meets it: the demo provider issues a code for
 * the applicant's phone through 签发数据码; the applicant's home pops up 绑定数据码 with the code
 * filled in, 确认 binds it, 创建主体 opens a pre-filled 新增主体 draft saying what is missing,
 * 批量创建网站 leaves two drafts in 我的草稿, and one of them is completed and submitted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, adminCli, idWithCheck, fileSubject, openForm, samplePng } from './helpers';

let browser: Browser;
let applicant: Page;
let png: Buffer;

const APPLICANT = { name: '吴晓岚', phone: '13555550001', password: 'Secret#2026', id: idWithCheck('11010519870303123') };
const SITES = [
  { name: '吴晓岚的茶艺课堂', domain: 'www.wuxiaolan-tea.cn', ip: '120.92.40.8' },
  { name: '吴晓岚茶艺相册', domain: 'photo.wuxiaolan-tea.cn', ip: '120.92.40.9' },
];

beforeAll(async () => {
  browser = await launchBrowser();
  expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
  png = await samplePng();
  applicant = await newPage(browser);
  await login(applicant, APPLICANT.phone, APPLICANT.password);
  await applicant.waitForURL(/\/my$/);
});
afterAll(async () => {
  await browser?.close();
});

/** The demo provider 刘洋 (linked to a directory 接入服务商) issues a code through the form; returns it as shown once. */
async function issueCode(page: Page): Promise<string> {
  await login(page, '13800000004', 'Demo@2026');
  await page.waitForURL(/\/provider$/);
  await openForm(page, '/provider');
  const form = page.getByRole('form', { name: '签发数据码' });
  await form.getByLabel('个人', { exact: true }).check();
  await form.getByLabel('主体名称').fill(APPLICANT.name);
  await form.getByLabel('证件号码').fill(APPLICANT.id);
  await form.getByLabel('负责人姓名').fill(APPLICANT.name);
  await form.getByLabel('负责人手机号码').fill(APPLICANT.phone);
  await form.getByLabel('网站名称').fill(SITES[0].name);
  await form.getByLabel('域名').fill(SITES[0].domain);
  await form.getByLabel('服务器IP地址').fill(SITES[0].ip);
  await form.getByRole('button', { name: '添加网站' }).click();
  await form.getByLabel('网站名称').nth(1).fill(SITES[1].name);
  await form.getByLabel('域名').nth(1).fill(SITES[1].domain);
  await form.getByLabel('服务器IP地址').nth(1).fill(SITES[1].ip);
  await form.getByRole('button', { name: '签发' }).click();
  const shown = page.getByRole('dialog', { name: '数据码已签发' });
  return (await shown.getByTestId('shown-once-value').textContent())!.trim();
}

describe('数据码 for an applicant whose phone matches', () => {
  it('pops up on the home page, binds, and 批量创建网站 gives one draft per website; one is completed and submitted', async () => {
    // The applicant first files the subject the website drafts will belong to.
    await fileSubject(applicant, { name: APPLICANT.name, phone: APPLICANT.phone, id: APPLICANT.id });
    const provider = await newPage(browser);
    const code = await issueCode(provider);

    // A wrong code on the 绑定数据码 tab is refused on its field.
    await openForm(applicant, '/my/data-codes');
    await applicant.getByLabel('数据码', { exact: true }).fill('ABCD-EFGH-JKMN-PQRS');
    await applicant.getByRole('button', { name: '确认' }).click();
    await applicant.getByText('数据码不正确，请核对后重新输入').waitFor();

    // The home page pops up 绑定数据码 with the code filled in.
    await applicant.goto('/my');
    const prompt = applicant.getByRole('dialog', { name: '绑定数据码' });
    await prompt.waitFor();
    await expect(prompt.getByLabel('数据码', { exact: true }).inputValue()).resolves.toBe(code);
    await prompt.getByText('北京世纪互联宽带数据中心有限公司').waitFor();
    await screenshotBoth(applicant, 'data-code-prompt', { axe: true });
    await prompt.getByRole('button', { name: '确认' }).click();

    // 详情: the subject's key data masked, the two websites, and the three ways to use them.
    await applicant.waitForURL(/\/my\/data-codes\/\d+$/);
    const detail = applicant.url();
    await applicant.getByRole('heading', { name: '数据码详情' }).waitFor();
    await applicant.getByText('135****0001').waitFor();
    for (const s of SITES) await applicant.getByRole('cell', { name: s.domain }).waitFor();
    await screenshotBoth(applicant, 'data-code-detail', { axe: true });

    // 创建主体: 新增主体 opens pre-filled, with the fields still missing listed.
    await applicant.getByRole('button', { name: '创建主体' }).click();
    await applicant.waitForURL(/\/my\/subject\/new\?draft=\d+/);
    await applicant.getByText(/本草稿由数据码生成，以下信息仍需补充：.*负责人证件号码.*负责人手机号码/).waitFor();
    await expect(applicant.getByLabel('负责人姓名', { exact: true }).inputValue()).resolves.toBe(APPLICANT.name);

    // 批量创建网站: two 新办网站 drafts in 我的草稿.
    await applicant.goto(detail);
    await applicant.getByRole('button', { name: '批量创建网站' }).click();
    await applicant.waitForURL(/\/my\/drafts\?/);
    await applicant.getByText('已根据数据码创建2条新办网站草稿').waitFor();
    const rows = applicant.getByRole('table', { name: '草稿列表' }).getByRole('row').filter({ hasText: '新办网站' });
    expect(await rows.count()).toBe(2);

    // The first draft opens on step 02 with the website's data; the rest is filled and it is submitted.
    await rows.first().getByRole('link', { name: '详情' }).click();
    await applicant.waitForURL(/\/my\/websites\/new\?draft=\d+/);
    await applicant.locator('form[data-hydrated]').first().waitFor();
    await applicant.getByText(/本草稿由数据码生成，以下信息仍需补充：.*网站开通日期.*域名证书/).waitFor();
    const name = await applicant.getByLabel('网站名称').inputValue();
    const site = SITES.find((s) => s.name === name)!;
    expect(site).toBeTruthy();
    await expect(applicant.getByLabel('网站域名', { exact: true }).inputValue()).resolves.toBe(site.domain);
    await expect(applicant.getByLabel('起始IP', { exact: true }).inputValue()).resolves.toBe(site.ip);
    await expect(applicant.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).inputValue()).resolves.toBe('北京世纪互联宽带数据中心有限公司');
    await applicant.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
    await applicant.getByLabel('网站开通日期').fill('2026-09-01');
    await applicant.getByLabel('域名证书（wuxiaolan-tea.cn）').setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: png });
    await applicant.getByRole('img', { name: '域名证书（wuxiaolan-tea.cn）' }).waitFor();
    await applicant.getByLabel('域名服务商所属地区省份').selectOption('110000');
    await applicant.getByLabel('域名服务商所属地区区县').selectOption('110108');
    await applicant.getByRole('group', { name: '域名注册服务商', exact: true }).getByLabel('名称', { exact: true }).fill('北京新网数码信息技术有限公司');
    await applicant.getByRole('group', { name: '是否提供互联网交互服务' }).getByLabel('否').check();
    await applicant.getByRole('group', { name: '是否提供涉及管制物品信息发布服务' }).getByLabel('否').check();
    await applicant.getByRole('group', { name: '相关前置许可' }).getByLabel('否').check();
    await applicant.getByLabel('中文简体').check();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByRole('radiogroup', { name: '网站安全负责人' }).getByLabel('同主体负责人信息').check();
    await applicant.getByRole('radiogroup', { name: '网站应急联络人' }).getByLabel('同主体负责人信息').check();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByLabel('我已阅读').check();
    await applicant.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
    await applicant.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
    await applicant.getByText(site.name).first().waitFor();

    // The submitted draft is gone; the other one waits in 我的草稿. The code is listed as bound.
    await applicant.goto('/my/drafts?type=新办网站');
    expect(await applicant.getByRole('table', { name: '草稿列表' }).getByRole('row').filter({ hasText: '新办网站' }).count()).toBe(1);
    await applicant.goto('/my/data-codes?tab=bound');
    await applicant.getByRole('table', { name: '已绑定数据码' }).getByRole('cell', { name: APPLICANT.name }).waitFor();
    await screenshotBoth(applicant, 'data-codes-bound', { axe: true });

    // The provider sees it 已绑定.
    await provider.goto('/provider');
    await provider.getByTestId('code-row').filter({ hasText: APPLICANT.name }).getByText('已绑定').waitFor();
  });
});
