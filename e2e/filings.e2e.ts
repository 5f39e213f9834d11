import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, adminCli, idWithCheck, fileSubject, verifyPhone, openForm, samplePng, readSmsCode, openFromQueue as openRow, approveOpen } from './helpers';

let browser: Browser;
let applicant: Page;
let reviewer: Page;
let png: Buffer;
// Set by the filing tests, used by the change / cancel test.
let appNumber = '';
let miniNumber = '';

const APPLICANT = { name: '周敏', phone: '13577771111', password: 'Secret#2026', id: idWithCheck('11010519850612123') };
const REVIEWER = { name: '孙强', phone: '13777771111', password: 'Police#2026' };
const APP = { name: '周敏茶馆点单', pkg: 'cn.zhoumin.teahouse' };
const MINI = { name: '周敏茶馆预约', appId: 'wx5f3c2a1b0e9d8c7b' };

beforeAll(async () => {
  browser = await launchBrowser();
  expect(adminCli(['create-user', '--role', 'applicant', '--name', APPLICANT.name, '--phone', APPLICANT.phone, '--password', APPLICANT.password]).status).toBe(0);
  expect(adminCli(['create-user', '--role', 'reviewer', '--name', REVIEWER.name, '--phone', REVIEWER.phone, '--password', REVIEWER.password, '--unit', '110105']).stderr).toBe('');
  png = await samplePng();
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

const openFromQueue = (page: Page, type: string) => openRow(page, APPLICANT.name, type);
const approve = (page: Page) => approveOpen(page);

async function upload(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: label }).waitFor();
}

/** 服务与语种 as a non-interactive object without 管制物品 or 前置许可, in 中文简体. */
async function plainService(page: Page) {
  await page.getByRole('group', { name: '是否提供互联网交互服务' }).getByLabel('否').check();
  await page.getByRole('group', { name: '是否提供涉及管制物品信息发布服务' }).getByLabel('否').check();
  await page.getByRole('group', { name: '相关前置许可' }).getByLabel('否').check();
  await page.getByLabel('中文简体').check();
}

/** 03 负责人 as the subject's principal, 04 提示说明 read, 提交 after the countdown; screenshots of both steps. */
async function contactsAndSubmit(page: Page, object: string, shot: string) {
  await page.getByRole('radiogroup', { name: `${object}安全负责人` }).getByLabel('同主体负责人信息').check();
  await page.getByRole('radiogroup', { name: `${object}应急联络人` }).getByLabel('同主体负责人信息').check();
  await screenshotBoth(page, `${shot}-contacts`, { axe: true });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('在' + object + '的“关于”页面或其他显著位置展示公安机关核发的联网备案编号', { exact: false }).waitFor();
  await screenshotBoth(page, `${shot}-notice`, { axe: true });
  await page.getByLabel('我已阅读').check();
  await page.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
  await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
}

describe('APP and 小程序 filed through their wizards', () => {
  it('a person files an APP on 安卓 and iOS with its subject; the reviewer approves; the APP gets a 03 number and its 关于 line', async () => {
    await fileSubject(applicant, APPLICANT);

    await applicant.goto('/my/business');
    await applicant.getByRole('region', { name: 'APP业务' }).getByRole('link', { name: '新增APP' }).click();
    await applicant.waitForURL(/\/my\/apps\/new/);
    await applicant.locator('form[data-hydrated]').first().waitFor();
    await applicant.getByText('主体将与本APP一并审核').waitFor();
    await screenshotBoth(applicant, 'app-new-subject', { axe: true });
    await applicant.getByRole('button', { name: '下一步' }).click();

    // 02 APP基本信息: what is missing is said on its field.
    await applicant.getByRole('heading', { name: 'APP基本信息' }).waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByText('请上传APP图标').waitFor();
    await applicant.getByText('请选择运行平台').first().waitFor();
    await applicant.getByText('请上传3～5张APP运行截图').waitFor();

    await applicant.getByLabel('APP名称').fill(APP.name);
    await upload(applicant, 'APP图标');
    await applicant.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('是').check();
    await applicant.getByLabel('工信部备案号').fill('京ICP备12345678号-1');
    await applicant.getByLabel('安卓', { exact: true }).check();
    await applicant.getByLabel('iOS', { exact: true }).check();
    await applicant.getByLabel('安卓包名').fill(APP.pkg);
    await applicant.getByLabel('安卓签名MD5').fill('A4:0D:A8:0A:59:D1:70:CA:A9:50:CF:15:C1:8C:45:4D');
    await applicant.getByLabel('iOS包名').fill(APP.pkg);
    await applicant.getByLabel('iOS签名SHA-1').fill('5e8f16062ea3cd2c4a0d547876baa6f38cabf62');
    await applicant.getByLabel('应用市场名称').fill('华为应用市场');
    await applicant.getByLabel('下载链接').fill('https://appgallery.huawei.com/app/C100000123');
    await applicant.getByRole('button', { name: '添加域名' }).click();
    await applicant.getByLabel('APP使用的域名').fill('api.zhoumin-tea.cn');
    await applicant.getByRole('button', { name: '添加IP' }).click();
    await applicant.getByLabel('起始IP', { exact: true }).fill('39.96.10.21');
    await applicant.getByLabel('结束IP', { exact: true }).fill('39.96.10.21');
    await applicant.getByLabel('接入商所属地区省份').selectOption('110000');
    await applicant.getByLabel('接入商所属地区区县').selectOption('110108');
    await applicant.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).fill('阿里云计算有限公司');
    await applicant.getByLabel('APP功能介绍').fill('茶馆菜单浏览、在线点单与会员积分。');
    for (const n of [1, 2, 3]) await upload(applicant, `APP运行截图${n}`);
    await applicant.getByLabel('当前用户量').selectOption('一万以下');
    await applicant.getByRole('button', { name: '添加SDK' }).click();
    await applicant.getByLabel('SDK名称').fill('微信支付SDK');
    await applicant.getByLabel('SDK服务商').fill('财付通支付科技有限公司');
    await applicant.getByLabel('功能类型').fill('支付');
    await plainService(applicant);
    await applicant.getByRole('button', { name: '下一步' }).click();

    // The APP form of 工信部备案号 and a 39-digit SHA-1 are refused on their fields.
    await applicant.getByText('APP的工信部备案号格式应为 京ICP备12345678号-1A（以 A 结尾）').waitFor();
    await applicant.getByText('签名SHA-1应为40位十六进制字符（可带冒号分隔）').waitFor();
    await screenshotBoth(applicant, 'app-new-basic', { axe: true });
    await applicant.getByLabel('工信部备案号').fill('京ICP备12345678号-1A');
    await applicant.getByLabel('iOS签名SHA-1').fill('5e8f16062ea3cd2c4a0d547876baa6f38cabf625');
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByRole('heading', { name: 'APP安全负责人' }).waitFor();
    await contactsAndSubmit(applicant, 'APP', 'app-new');

    await openFromQueue(reviewer, '新增主体');
    await approve(reviewer);
    await openFromQueue(reviewer, '新增APP');
    await reviewer.getByText(APP.pkg).first().waitFor();
    await reviewer.getByText('微信支付SDK').waitFor();
    await screenshotBoth(reviewer, 'app-review', { axe: true });
    await approve(reviewer);
    const number = (await reviewer.getByTestId('filing-number').textContent())!.match(/京公网安备11010503\d{6}号/)![0];
    appNumber = number;

    await applicant.goto('/my/apps');
    const row = applicant.getByTestId('filing-row').filter({ hasText: APP.name });
    await row.getByText('已备案').waitFor();
    await row.getByText(number).waitFor();
    await row.getByText('安卓、iOS').waitFor();
    await screenshotBoth(applicant, 'my-apps', { axe: true });
    await row.getByRole('link', { name: '详情' }).click();
    await applicant.getByRole('heading', { name: APP.name }).waitFor();
    expect(await applicant.getByLabel('关于页面展示文字').inputValue()).toBe(number);
    await applicant.getByText('财付通支付科技有限公司').waitFor();
    await screenshotBoth(applicant, 'app-detail', { axe: true });

    // The home shows 我的APP; the public record shows the APP.
    await applicant.goto('/my');
    await applicant.getByRole('region', { name: '我的APP' }).getByText(APP.name).waitFor();
    const digits = number.match(/\d{14}/)![0];
    const anon = await newPage(browser);
    await anon.goto(`/query/${digits}`);
    await anon.getByText(APP.name).first().waitFor();
    await anon.getByText('安卓、iOS').first().waitFor();
    // 公共查询: 查询类型 APP, by 包名 (any case) and by name, as a visitor types them.
    await anon.goto('/query');
    await anon.getByRole('navigation', { name: '查询类型' }).getByRole('link', { name: 'APP' }).click();
    await anon.waitForURL(/kind=app/);
    await anon.getByLabel('包名').check();
    await anon.getByLabel('查询内容').fill(APP.pkg.toUpperCase());
    await anon.getByRole('button', { name: '查询' }).click();
    await anon.getByRole('link', { name: number }).waitFor();
    await screenshotBoth(anon, 'query-app-by-package', { axe: true });
    await anon.goto(`/query?kind=app&type=name&q=${encodeURIComponent('茶馆点单')}`);
    await anon.getByRole('link', { name: number }).waitFor();
    await anon.close();
  });

  it('the same person files a 微信小程序 (a wrong 小程序ID refused on its field); the reviewer approves; it gets a 04 number', async () => {
    await openForm(applicant, '/my/mini-programs/new');
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByLabel('小程序名称').fill(MINI.name);
    await upload(applicant, '小程序图标');
    await applicant.getByLabel('所属平台').selectOption('微信');
    await applicant.getByLabel('小程序ID').fill('wx123');
    await applicant.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
    await applicant.getByLabel('服务类目').fill('餐饮服务');
    await applicant.getByLabel('功能介绍').fill('茶馆包间预约。');
    for (const n of [1, 2, 3]) await upload(applicant, `运行截图${n}`);
    await applicant.getByLabel('当前用户量').selectOption('一万以下');
    await plainService(applicant);
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByText('小程序ID格式不正确：微信小程序ID应为wx 加 16 位十六进制字符，如 wx1234567890abcdef').waitFor();
    await screenshotBoth(applicant, 'mini-program-new-basic', { axe: true });
    await applicant.getByLabel('小程序ID').fill(MINI.appId);
    await applicant.getByRole('button', { name: '下一步' }).click();
    await contactsAndSubmit(applicant, '小程序', 'mini-program-new');

    await openFromQueue(reviewer, '新增小程序');
    await reviewer.getByText(MINI.appId).first().waitFor();
    await approve(reviewer);
    const number = (await reviewer.getByTestId('filing-number').textContent())!.match(/京公网安备11010504\d{6}号/)![0];
    miniNumber = number;

    await applicant.goto('/my/mini-programs');
    await applicant.getByTestId('filing-row').filter({ hasText: MINI.name }).getByText(number).waitFor();
    const anon = await newPage(browser);
    await anon.goto(`/query?kind=mini-program&type=appid&q=${MINI.appId.toUpperCase()}`);
    await anon.getByRole('link', { name: number }).waitFor();
    await anon.goto(`/query?kind=mini-program&type=name&q=${encodeURIComponent('茶馆预约')}`);
    await anon.getByRole('link', { name: number }).waitFor();
    await anon.close();
    await applicant.goto('/my/business');
    await screenshotBoth(applicant, 'my-business', { axe: true });
  });
});

describe('变更APP and 注销小程序', () => {
  it('changes the filed APP (pre-filled, comparison, number kept) and cancels the 小程序 with the principal’s SMS code', async () => {
    expect(appNumber && miniNumber, 'the filing tests file both first').toBeTruthy();

    // 变更APP: every field comes back from the record; one more platform; the comparison; 变更中, same number.
    await applicant.goto('/my/apps');
    await applicant.getByTestId('filing-row').filter({ hasText: APP.name }).getByRole('link', { name: '变更' }).click();
    await applicant.waitForURL(/\/my\/apps\/\d+\/change/);
    await applicant.locator('form[data-hydrated]').first().waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await expect(applicant.getByLabel('APP名称').inputValue()).resolves.toBe(APP.name);
    await expect(applicant.getByLabel('安卓包名').inputValue()).resolves.toBe(APP.pkg);
    await expect(applicant.getByLabel('SDK名称').inputValue()).resolves.toBe('微信支付SDK');
    await applicant.getByLabel('鸿蒙', { exact: true }).check();
    await applicant.getByLabel('鸿蒙包名').fill(APP.pkg);
    await applicant.getByLabel('鸿蒙签名MD5').fill('b1946ac92492d2347c6235b4d2611184');
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByRole('radiogroup', { name: 'APP安全负责人' }).waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByLabel('我已阅读').check();
    await applicant.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
    const compare = applicant.getByRole('dialog', { name: '变更信息确认' });
    await compare.getByRole('cell', { name: '运行平台' }).waitFor();
    await compare.getByText('鸿蒙：cn.zhoumin.teahouse', { exact: false }).waitFor();
    await screenshotBoth(applicant, 'app-change-compare', { axe: true });
    await compare.getByRole('button', { name: '确认' }).click();
    await applicant.waitForURL(/\/my\/applications\/\d+\?submitted=1/);

    await openFromQueue(reviewer, '变更APP');
    await reviewer.getByRole('table', { name: '变更对比' }).waitFor();
    await approve(reviewer);
    await applicant.goto('/my/apps');
    const row = applicant.getByTestId('filing-row').filter({ hasText: APP.name });
    await row.getByText('安卓、iOS、鸿蒙').waitFor();
    await row.getByText(appNumber).waitFor();

    // 注销小程序: wrong middle digits refused on their field, then the SMS code; 注销中, and 已注销 once approved.
    await applicant.goto('/my/mini-programs/cancel');
    const cancelRow = applicant.getByTestId('cancel-filing-row').filter({ hasText: MINI.name });
    await cancelRow.getByText(miniNumber).waitFor();
    await cancelRow.getByRole('button', { name: '注销' }).click();
    let dialog = applicant.getByRole('dialog', { name: '注销小程序' });
    await dialog.getByText('135****1111').first().waitFor();
    await dialog.getByLabel('负责人姓名').fill(APPLICANT.name);
    await dialog.getByLabel('注销原因').fill('茶馆停止线上预约');
    // 保存草稿, close, open again: the draft prompt brings it back.
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await dialog.getByText('草稿已保存').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await cancelRow.getByRole('button', { name: '注销' }).click();
    dialog = applicant.getByRole('dialog', { name: '注销小程序' });
    await dialog.getByText('您有一条草稿，是否使用').waitFor();
    await dialog.getByRole('button', { name: '是' }).click();
    await expect(dialog.getByLabel('注销原因').inputValue()).resolves.toBe('茶馆停止线上预约');
    await dialog.getByLabel('手机号码中间四位').fill('0000');
    await dialog.getByRole('button', { name: '获取短信验证码' }).click();
    await dialog.getByRole('button', { name: /秒后重新获取/ }).waitFor();
    await dialog.getByLabel('短信验证码').fill(readSmsCode(APPLICANT.phone));
    await screenshotBoth(applicant, 'mini-program-cancel-dialog', { axe: true });
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByText('手机号码中间四位不正确').waitFor();
    await dialog.getByLabel('手机号码中间四位').fill('7777');
    await dialog.getByRole('button', { name: '确认' }).click();
    await applicant.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
    await applicant.goto('/my/mini-programs');
    await applicant.getByTestId('filing-row').filter({ hasText: MINI.name }).getByText('注销中').waitFor();

    await openFromQueue(reviewer, '注销小程序');
    await approve(reviewer);
    await applicant.goto('/my/mini-programs');
    await applicant.getByTestId('filing-row').filter({ hasText: MINI.name }).getByText('已注销').waitFor();
    const anon = await newPage(browser);
    await anon.goto(`/query/${miniNumber.match(/\d{14}/)![0]}`);
    await anon.getByText('已注销').first().waitFor();
    await anon.close();
  });
});
