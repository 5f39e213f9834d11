import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, openForm, screenshotBoth, baseURL, idWithCheck } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROVIDER = { name: '周航', phone: '13599990001', password: 'Provider#2026' };
const DIRECTORY_ENTRY = '北京金山云网络技术有限公司';

const apiBody = {
  subject: { nature: '单位', name: '北京周航接口测试有限公司', certType: '统一社会信用代码证', certNumber: '91110105MA01C8K2XD', principalName: '周航', principalPhone: '13599990003' },
  websites: [{ name: '周航接口官网', domain: 'www.zhouhang-api.cn', ip: '120.92.30.8', accessMethod: '云服务器' }],
};

const callApi = (key: string, body: unknown = apiBody) =>
  fetch(`${baseURL()}/api/provider/data-codes`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** GB 32100 check character, as the 统一社会信用代码 validator wants it. */
function usccWithCheck(body17: string): string {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body17 + A[(31 - (sum % 31)) % 31];
}
apiBody.subject.certNumber = usccWithCheck('91110105MA01C8K3Y');

describe('the provider workspace and API (数据码)', () => {
  it('an admin links a new provider account to a 服务商名录 entry; the provider creates an API key, issues codes by API and form, 作废 one and 停用 the key', async () => {
    // The admin creates the provider account and links it to a directory 接入服务商.
    const admin = await newPage(browser);
    await login(admin, '13800000001', 'Demo@2026');
    await admin.waitForURL(/\/admin$/);
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: '新建账号' }).click();
    const create = admin.getByRole('dialog', { name: '新建账号' });
    await create.getByLabel('角色').selectOption({ label: '接入服务商' });
    await create.getByLabel('姓名').fill(PROVIDER.name);
    await create.getByLabel('手机号码').fill(PROVIDER.phone);
    await create.getByLabel('初始密码').fill(PROVIDER.password);
    await create.getByLabel('确认密码').fill(PROVIDER.password);
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'detached' });
    const search = admin.getByRole('search', { name: '查询账号' });
    await search.getByLabel('姓名或手机号码').fill(PROVIDER.phone);
    await search.getByRole('button', { name: '查询' }).click();
    await admin.waitForURL(/q=13599990001/);
    const row = admin.getByTestId('user-row').filter({ hasText: PROVIDER.name });
    await row.getByRole('button', { name: '关联服务商' }).click();
    const link = admin.getByRole('dialog', { name: '关联服务商' });
    await link.getByRole('button', { name: '保存' }).click();
    await link.getByText('请选择服务商').waitFor();
    await link.getByLabel('关联服务商').selectOption({ label: DIRECTORY_ENTRY });
    await link.getByRole('button', { name: '保存' }).click();
    await link.waitFor({ state: 'detached' });
    await row.getByText(`${DIRECTORY_ENTRY}（名录）`).waitFor();

    // The provider sees which provider it acts for.
    const page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await login(page, PROVIDER.phone, PROVIDER.password);
    await page.waitForURL(/\/provider$/);
    const linked = page.getByTestId('linked-provider');
    await linked.getByText(DIRECTORY_ENTRY).waitFor();
    await linked.getByText('服务商名录').waitFor();

    // API密钥: created, shown once.
    await page.getByLabel('对接系统').fill('客户管理系统');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    const keyDialog = page.getByRole('dialog', { name: 'API密钥已创建' });
    const key = (await keyDialog.getByTestId('shown-once-value').textContent())!.trim();
    expect(key).toMatch(/^wlba_[A-Za-z0-9_-]{32}$/);
    await keyDialog.getByText('API密钥只显示一次').waitFor();
    await keyDialog.getByRole('button', { name: '我已保存' }).click();
    await keyDialog.waitFor({ state: 'detached' });
    const keyRow = page.getByTestId('key-row').filter({ hasText: '客户管理系统' });
    await keyRow.getByText(`${key.slice(0, 10)}…`).waitFor();
    await keyRow.getByText('启用').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(key);

    // The API with that key: 201 and the code.
    const res = await callApi(key);
    expect(res.status).toBe(201);
    const issued = await res.json();
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    const bad = await callApi(key, { ...apiBody, websites: [{ ...apiBody.websites[0], domain: '' }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '请检查填写的信息', fields: { 'websites.0.domain': '请填写域名' } });

    // 签发数据码 through the form: errors on the fields, then a 个人 subject with two websites.
    await openForm(page, '/provider');
    const form = page.getByRole('form', { name: '签发数据码' });
    await expect(form.getByLabel('网络接入服务商').inputValue()).resolves.toBe(DIRECTORY_ENTRY);
    await form.getByRole('button', { name: '签发' }).click();
    await form.getByText('请填写主体名称').waitFor();
    await form.getByText('请填写网站名称').waitFor();
    await form.getByLabel('个人', { exact: true }).check();
    await expect(form.getByLabel('证件类型').inputValue()).resolves.toBe('居民身份证');
    await form.getByLabel('主体名称').fill('周小明');
    await form.getByLabel('证件号码').fill(idWithCheck('11010519900101123'));
    await form.getByLabel('负责人姓名').fill('周小明');
    await form.getByLabel('负责人手机号码').fill('13599990002');
    await form.getByLabel('网站名称').fill('周小明的博客');
    await form.getByLabel('域名').fill('www.zhouxiaoming-blog.cn');
    await form.getByLabel('服务器IP地址').fill('120.92.30.9');
    await form.getByRole('button', { name: '添加网站' }).click();
    await form.getByLabel('网站名称').nth(1).fill('周小明相册');
    await form.getByLabel('域名').nth(1).fill('photo.zhouxiaoming-blog.cn');
    await form.getByLabel('服务器IP地址').nth(1).fill('120.92.30.10');
    await form.getByLabel('网站接入方式').nth(1).selectOption('虚拟主机');
    await form.getByRole('button', { name: '签发' }).click();
    const shown = page.getByRole('dialog', { name: '数据码已签发' });
    const display = (await shown.getByTestId('shown-once-value').textContent())!.trim();
    expect(display).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    await shown.getByText('数据码只显示一次，请立即复制并交给开办者').waitFor();
    await shown.getByText('有效期至').waitFor();
    await shown.getByRole('button', { name: '复制' }).click();
    await shown.getByText('已复制').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(display);
    await screenshotBoth(page, 'provider-code-issued', { axe: true });
    await shown.getByRole('button', { name: '我已保存' }).click();
    await shown.waitFor({ state: 'detached' });

    // Both codes in the list, newest first, masked, 未绑定.
    const rows = page.getByTestId('code-row');
    await rows.filter({ hasText: '周小明' }).getByText('未绑定').waitFor();
    expect(await rows.count()).toBe(2);
    await expect(rows.first().innerText()).resolves.toContain('周小明');
    await rows.first().getByText(`${display.slice(0, 4)}-****-****-${display.slice(-4)}`).waitFor();
    const apiRow = rows.filter({ hasText: '北京周航接口测试有限公司' });
    await apiRow.getByText(`${issued.code.slice(0, 4)}-****-****-${issued.code.slice(-4)}`).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(display);

    // 作废 the API's code: its state, on the page and through the API.
    await apiRow.getByRole('button', { name: '作废' }).click();
    const revoke = page.getByRole('dialog', { name: '作废数据码' });
    await revoke.getByRole('button', { name: '确定' }).click();
    await revoke.waitFor({ state: 'detached' });
    await apiRow.getByText('已作废').waitFor();
    expect(await apiRow.getByRole('button', { name: '作废' }).count()).toBe(0);
    await rows.filter({ hasText: '周小明' }).getByText('未绑定').waitFor();
    const status = await fetch(`${baseURL()}/api/provider/data-codes/${issued.code}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(await status.json()).toMatchObject({ status: '已作废', subjectName: '北京周航接口测试有限公司', websiteCount: 1 });
    // Another provider's key (the demo 刘洋 has none) never finds it: a wrong key is 401, not 404 or the code.
    expect((await fetch(`${baseURL()}/api/provider/data-codes/${issued.code}`, { headers: { Authorization: `Bearer wlba_${'A'.repeat(32)}` } })).status).toBe(401);

    // 停用 the key: the API answers 401.
    await page.reload();
    await keyRow.getByText('启用').waitFor();
    expect(await keyRow.getByText('从未使用').count()).toBe(0);
    await keyRow.getByRole('button', { name: '停用' }).click();
    const disable = page.getByRole('dialog', { name: '停用API密钥' });
    await disable.getByRole('button', { name: '确定' }).click();
    await disable.waitFor({ state: 'detached' });
    await keyRow.getByText('已停用').waitFor();
    const refused = await callApi(key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'API密钥无效或已停用' });

    await screenshotBoth(page, 'provider', { axe: true });
  });

  it('the demo provider 刘洋 acts for a directory 接入服务商 and lists the code issued for 陈静', async () => {
    const page = await newPage(browser);
    await login(page, '13800000004', 'Demo@2026');
    await page.waitForURL(/\/provider$/);
    await page.getByTestId('linked-provider').getByText('北京世纪互联宽带数据中心有限公司').waitFor();
    // 未绑定 until 陈静 binds it (the applicant's own e2e may have done so by now).
    await page.getByTestId('code-row').filter({ hasText: '陈静' }).getByText(/未绑定|已绑定/).waitFor();
  });
});
