/**
 * 法人注册 (seed 003) as a new organisation would: the 法人注册 tab of 注册, the 证件有效期 buttons,
 * a login by 统一社会信用代码, and 新增主体 with 主办单位信息 同当前账号信息 (seed 004); then a
 * 事业单位 filling 主办单位信息 通过机关事业单位网络身份认证凭证 (seed 004 §5.1.1, the demo's sandbox).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fileWebsite, fillOrgOffice, fillPrincipal, idWithCheck, launchBrowser, login, newPage, openForm, openFromQueue, registerUser, requestSmsCode, samplePng, screenshotBoth, uploadImage } from './helpers';

/** GB 32100: the 17 characters and their check character. */
function withUsccCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = first17.split('').reduce((acc, c, i) => acc + alphabet.indexOf(c) * w[i]!, 0);
  return first17 + alphabet.charAt((31 - (sum % 31)) % 31);
}

const ORG = {
  name: '北京长河软件有限公司',
  creditCode: withUsccCheck('91110108MA01CH0R5'),
  repName: '何长河',
  repId: idWithCheck('11010819750412231'),
  phone: '13533330303',
  password: 'Legal#2026',
};

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('法人注册', () => {
  it('an organisation registers on the 法人注册 tab and logs in by its 统一社会信用代码', async () => {
    await page.goto('/register');
    await page.getByRole('navigation', { name: '注册类型' }).getByRole('link', { name: '法人注册' }).click();
    await page.waitForURL(/\/register\?type=legal$/);
    const form = page.getByRole('form', { name: '法人注册' });
    await form.getByLabel('法人类型').selectOption('企业法人');
    await form.getByLabel('企业名称').fill(ORG.name);
    await form.getByLabel('统一社会信用代码').fill(ORG.creditCode.slice(0, -1) + (ORG.creditCode.endsWith('1') ? '2' : '1'));
    await form.getByLabel('法定代表人证件类型').selectOption('居民身份证');
    await form.getByLabel('法定代表人姓名').fill(ORG.repName);
    await form.getByLabel('法定代表人证件号码').fill(ORG.repId);
    await form.getByLabel('证件有效期开始时间').fill('2021-06-01');
    // 10年: the end date the same day ten years on.
    await form.getByRole('group', { name: '证件有效期限' }).getByRole('button', { name: '10年' }).click();
    await expect(form.getByLabel('证件有效期结束时间').inputValue()).resolves.toBe('2031-06-01');
    await form.getByLabel('法人代表手机号码').fill(ORG.phone);
    const code = await requestSmsCode(page, ORG.phone);
    await form.getByLabel('手机验证码').fill(code);
    await form.getByLabel('设置密码').fill(ORG.password);
    await form.getByLabel('确认密码').fill(ORG.password);
    await form.getByLabel(/我已阅读并同意/).check();
    await form.getByRole('button', { name: '注册' }).click();
    // A wrong check character is refused on its field before anything is created.
    await page.locator('#legal-creditCode-error').getByText('统一社会信用代码校验位不正确').waitFor();
    await form.getByLabel('统一社会信用代码').fill(ORG.creditCode);
    await screenshotBoth(page, 'register-legal', { axe: true });
    await form.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(/\/login\?registered=1/);

    await login(page, ORG.creditCode, ORG.password);
    await page.waitForURL(/\/my$/);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain(ORG.name);
  });

  it('files its subject with 主办单位信息 同当前账号信息', async () => {
    const png = await samplePng();
    await openForm(page, '/my/subject/new');
    await page.getByLabel('单位', { exact: true }).check();
    // A 法人 account copies itself into 主办单位信息, not into 负责人信息.
    await expect(page.getByRole('checkbox', { name: '同当前账号信息' }).count()).resolves.toBe(0);
    await page.getByRole('radiogroup', { name: '主办单位信息' }).getByLabel('同当前账号信息').check();
    await expect(page.getByLabel('主办单位名称').inputValue()).resolves.toBe(ORG.name);
    await expect(page.getByLabel('主办单位证件号').inputValue()).resolves.toBe(ORG.creditCode);
    await expect(page.getByLabel('法定代表人姓名').inputValue()).resolves.toBe(ORG.repName);
    await expect(page.getByLabel('单位性质').inputValue()).resolves.toBe('企业单位');
    await expect(page.getByLabel('主办单位名称').getAttribute('readonly')).resolves.not.toBeNull();

    await page.getByRole('group', { name: '是否中央/国家级单位' }).getByLabel('否').check();
    await uploadImage(page, '主办单位有效证件', png);
    await fillOrgOffice(page, { county: '110108', address: '海淀大街38号楼6层601室', officePhone: '010-62751234' });
    await fillPrincipal(page, { name: ORG.repName, id: ORG.repId, county: '110108', address: '海淀大街38号院2号楼301室', phone: ORG.phone }, png);
    await screenshotBoth(page, 'subject-new-legal', { axe: true });
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);
    await page.getByText('提交成功').waitFor();
    await page.goto('/my/subject');
    await page.getByText(ORG.name).first().waitFor();
  });
});

describe('通过机关事业单位网络身份认证凭证填报', () => {
  const CLERK = { name: '周文博', idNumber: idWithCheck('11010519860305123'), phone: '13533330404', email: 'zhouwb@example.com' };
  const MUSEUM = { name: '北京市朝阳区文化馆', creditCode: withUsccCheck('12110105MB0C0W6G2'), repName: '孙立平' };

  it('a 事业单位 fills 主办单位信息 from the credential, files without the 有效证件 scan, and the reviewer sees the pass', async () => {
    const clerk = await newPage(browser);
    await registerUser(clerk, CLERK);
    await login(clerk, CLERK.phone, 'Secret#2026');
    await clerk.waitForURL(/\/my$/);
    const png = await samplePng();
    await openForm(clerk, '/my/subject/new');
    await clerk.getByLabel('单位', { exact: true }).check();
    const source = clerk.getByRole('radiogroup', { name: '主办单位信息' });
    // Offered to 大中院校 / 事业单位 / 政府机构 only.
    await clerk.getByLabel('单位性质').selectOption('企业单位');
    await expect(source.getByLabel('通过机关事业单位网络身份认证凭证填报').count()).resolves.toBe(0);
    await clerk.getByLabel('单位性质').selectOption('事业单位');
    // Choosing it opens the scan; it is checked once the credential has passed.
    await source.getByLabel('通过机关事业单位网络身份认证凭证填报').click();

    const dialog = clerk.getByRole('dialog', { name: '机关事业单位网络身份认证凭证' });
    await dialog.getByText('当前为沙箱环境').waitFor();
    await dialog.getByLabel('单位名称').fill(MUSEUM.name);
    await dialog.getByLabel('统一社会信用代码').fill(MUSEUM.creditCode.slice(0, -1) + (MUSEUM.creditCode.endsWith('1') ? '2' : '1'));
    await dialog.getByLabel('法定代表人姓名').fill(MUSEUM.repName);
    await dialog.getByRole('button', { name: '模拟扫码认证' }).click();
    await dialog.getByRole('alert').getByText(/认证未通过：统一社会信用代码校验位不正确/).waitFor();
    await dialog.getByLabel('统一社会信用代码').fill(MUSEUM.creditCode);
    await screenshotBoth(clerk, 'subject-org-credential-dialog', { axe: true });
    await dialog.getByRole('button', { name: '模拟扫码认证' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The credential filled the four fields, read-only; the 有效证件 scan is no longer required.
    await clerk.getByText('机关事业单位网络身份认证凭证认证通过（沙箱环境）').waitFor();
    await expect(source.getByLabel('通过机关事业单位网络身份认证凭证填报').isChecked()).resolves.toBe(true);
    await expect(clerk.getByLabel('主办单位名称').inputValue()).resolves.toBe(MUSEUM.name);
    await expect(clerk.getByLabel('主办单位证件号').inputValue()).resolves.toBe(MUSEUM.creditCode);
    await expect(clerk.getByLabel('法定代表人姓名').inputValue()).resolves.toBe(MUSEUM.repName);
    await expect(clerk.getByLabel('主办单位证件类型').inputValue()).resolves.toBe('统一社会信用代码证');
    await expect(clerk.getByLabel('主办单位名称').getAttribute('readonly')).resolves.not.toBeNull();

    await clerk.getByRole('group', { name: '是否中央/国家级单位' }).getByLabel('否').check();
    await fillOrgOffice(clerk, { county: '110105', address: '朝阳北路100号文化馆2层', officePhone: '010-65001234' });
    await fillPrincipal(clerk, { name: CLERK.name, id: CLERK.idNumber, county: '110105', address: '朝阳路88号院3号楼502室', phone: CLERK.phone }, png);
    await screenshotBoth(clerk, 'subject-new-org-credential', { axe: true });
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.waitForURL(/\/my\/applications\/\d+/);
    await clerk.getByText('提交成功').waitFor();
    // The subject is reviewed with its first website.
    await fileWebsite(clerk, { name: '朝阳区馆务公开平台', domain: 'www.cy-culture-hall.cn', registrable: 'cy-culture-hall.cn', ip: '47.93.12.88' }, png);
    await clerk.close();

    // 李明 (朝阳分局) sees the pass where the scan would be.
    const reviewer = await newPage(browser);
    await login(reviewer, '13800000002', 'Demo@2026');
    await reviewer.waitForURL(/\/review/);
    await openFromQueue(reviewer, MUSEUM.name, '新增主体');
    const row = reviewer.getByText('机关事业单位网络身份认证凭证', { exact: true }).locator('..');
    await row.getByText('已认证（沙箱环境）').waitFor();
    await reviewer.getByText(MUSEUM.name).first().waitFor();
    await screenshotBoth(reviewer, 'review-org-credential', { axe: true });
    await reviewer.close();
  });
});
