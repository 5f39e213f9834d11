import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, adminCli, idWithCheck, fileSubject, verifyPhone, openForm, samplePng, readSmsCode, openFromQueue, approveOpen, dataDir } from './helpers';

let browser: Browser;
let applicant: Page;
let reviewer: Page;

const APPLICANT = { name: '吴昊', phone: '13588880001', password: 'Secret#2026', id: idWithCheck('11010519860315123') };
const REVIEWER = { name: '钱峰', phone: '13588880002', password: 'Police#2026' };
/** The phones on record of the old system (nobody's account here). */
const OLD_PHONE = '13588880101';
const OLD_ACCOUNT_PHONE = '13588880102';

type Inserted = { id: number; oldDigits: string; oldNumber: string };
let claimed: Inserted;
let linked: Inserted[];

/** Legacy filings in the server's database (the import itself is another module's). */
function insertLegacy(rows: object[]): Inserted[] {
  const root = path.resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'e2e/legacy-rows.ts', JSON.stringify(rows)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir() },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Inserted[];
}

beforeAll(async () => {
  browser = await launchBrowser();
  [claimed, ...linked] = insertLegacy([
    { unitCode: '110105', seq: 880001, name: '吴昊摄影作品集', domain: 'www.wuhao-old-photo.cn', subjectName: '吴昊', certType: '居民身份证', certNumber: idWithCheck('11010519700101881'), phone: OLD_PHONE },
    { unitCode: '110105', seq: 880002, name: '吴昊旅行日记', domain: 'www.wuhao-old-travel.cn', subjectName: '吴昊', certType: '居民身份证', certNumber: idWithCheck('11010519700101882'), phone: OLD_ACCOUNT_PHONE },
    { unitCode: '110105', seq: 880003, name: '吴昊读书笔记', domain: 'www.wuhao-old-books.cn', subjectName: '吴昊', certType: '居民身份证', certNumber: idWithCheck('11010519700101882'), phone: OLD_ACCOUNT_PHONE },
  ]);
  expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
  expect(adminCli(['create-user', '--role', 'reviewer', '--name', REVIEWER.name, '--phone', REVIEWER.phone, '--password', REVIEWER.password, '--unit', '110105']).stderr).toBe('');
  applicant = await newPage(browser);
  await login(applicant, APPLICANT.phone, APPLICANT.password);
  await applicant.waitForURL(/\/my$/);
  reviewer = await newPage(browser);
  await login(reviewer, REVIEWER.phone, REVIEWER.password);
  await reviewer.waitForURL(/\/review$/);
  await verifyPhone(reviewer, REVIEWER.phone);
});
afterAll(async () => {
  await browser?.close();
});

describe('网站认领 and 关联旧账号', () => {
  it('the public query shows an imported filing as 待认领 under its old number', async () => {
    const page = await newPage(browser);
    await page.goto(`/query/${claimed.oldDigits}`);
    await expect(page.getByTestId('public-filing-number').textContent()).resolves.toBe(claimed.oldNumber);
    await page.getByText('待认领', { exact: true }).waitFor();
    await page.getByText('吴昊摄影作品集').waitFor();
    await page.goto(`/query?type=domain&q=wuhao-old-photo.cn`);
    await page.getByRole('heading', { name: '待认领的原备案' }).waitFor();
    await page.close();
  });

  it('a new applicant claims a filing by old number + SMS code, completes the wizard; the reviewer approves; the old number is 已备案', async () => {
    await fileSubject(applicant, APPLICANT);
    await openForm(applicant, '/my/claims');
    await applicant.getByRole('heading', { name: '网站认领' }).waitFor();
    await applicant.getByText('暂无可认领的网站').waitFor();
    await screenshotBoth(applicant, 'claims-empty', { axe: true });

    await applicant.getByLabel('旧备案号', { exact: true }).fill(claimed.oldNumber);
    await applicant.getByRole('button', { name: '获取验证码' }).click();
    await applicant.getByText('验证码已发送至135****0101').waitFor();
    await applicant.getByLabel('短信验证码').fill('000000');
    await applicant.getByRole('button', { name: '确认' }).click();
    await applicant.getByText(/验证码错误/).first().waitFor();
    await applicant.getByLabel('短信验证码').fill(readSmsCode(OLD_PHONE));
    await applicant.getByRole('button', { name: '确认' }).click();
    const row = applicant.getByTestId('claimable-row').filter({ hasText: claimed.oldNumber });
    await row.waitFor();
    await screenshotBoth(applicant, 'claims-claimable', { axe: true });

    await row.getByRole('link', { name: /认领/ }).click();
    await applicant.waitForURL(/\/my\/websites\/new\?claim=/);
    await applicant.locator('form[data-hydrated]').first().waitFor();
    await applicant.getByRole('heading', { name: '网站认领申请' }).waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await expect(applicant.getByLabel('网站名称').inputValue()).resolves.toBe('吴昊摄影作品集');
    await expect(applicant.getByLabel('网站域名', { exact: true }).inputValue()).resolves.toBe('www.wuhao-old-photo.cn');
    const png = await samplePng();
    await applicant.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
    await applicant.getByLabel('网站开通日期').fill('2015-06-01');
    await applicant.getByLabel('主域名').first().check();
    await applicant.getByLabel('域名证书（wuhao-old-photo.cn）').setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: png });
    await applicant.getByRole('img', { name: '域名证书（wuhao-old-photo.cn）' }).waitFor();
    await applicant.getByLabel('起始IP', { exact: true }).fill('47.95.120.88');
    await applicant.getByLabel('结束IP', { exact: true }).fill('47.95.120.88');
    await applicant.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).fill('阿里云计算有限公司');
    await applicant.getByLabel('接入商所属地区省份').selectOption('110000');
    await applicant.getByLabel('接入商所属地区区县').selectOption('110108');
    await applicant.getByLabel('网站接入方式').selectOption('云服务器');
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

    await applicant.goto('/my/claims');
    await applicant.getByTestId('my-claim-row').filter({ hasText: '认领中' }).waitFor();

    // The subject was held back with its first business application: it is decided first.
    await openFromQueue(reviewer, APPLICANT.name, '新增主体');
    await approveOpen(reviewer);
    await openFromQueue(reviewer, APPLICANT.name, '网站认领');
    await approveOpen(reviewer);

    const pub = await newPage(browser);
    await pub.goto(`/query/${claimed.oldDigits}`);
    await expect(pub.getByTestId('public-filing-number').textContent()).resolves.toBe(claimed.oldNumber);
    await pub.getByText('已备案', { exact: true }).waitFor();
    await pub.close();

    await applicant.goto('/my/claims');
    await applicant.getByTestId('my-claim-row').filter({ hasText: '已认领' }).getByRole('link', { name: '查看网站' }).waitFor();
  });

  it('关联旧账号 with an old phone lists all that account’s filings', async () => {
    await openForm(applicant, '/my/claims/link');
    await applicant.getByRole('heading', { name: '关联旧账号' }).waitFor();
    await screenshotBoth(applicant, 'claims-link', { axe: true });
    await applicant.getByLabel('原系统登录账号').fill('13588880199');
    await applicant.getByRole('button', { name: '获取验证码' }).click();
    await applicant.getByText('未找到该账号的备案信息').waitFor();
    await applicant.getByLabel('原系统登录账号').fill(OLD_ACCOUNT_PHONE);
    await applicant.getByRole('button', { name: '获取验证码' }).click();
    await applicant.getByText('验证码已发送至135****0102').waitFor();
    await applicant.getByLabel('短信验证码').fill(readSmsCode(OLD_ACCOUNT_PHONE));
    await applicant.getByRole('button', { name: '关联' }).click();
    await applicant.waitForURL(/\/my\/claims\?linked=2/);
    await applicant.getByText('已关联2条备案').waitFor();
    for (const l of linked) await applicant.getByTestId('claimable-row').filter({ hasText: l.oldNumber }).waitFor();
    await screenshotBoth(applicant, 'claims-linked', { axe: true });
  });
});
