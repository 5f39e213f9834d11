import { describe, it, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('服务商名录 (admin)', () => {
  it('adds a provider, finds it, and imports a CSV', async () => {
    const page = await newPage(browser);
    await login(page, '13800000001', 'Demo@2026');
    await page.waitForURL(/\/admin$/);
    await page.getByRole('link', { name: '服务商名录' }).click();
    await page.getByRole('heading', { name: '服务商名录', level: 1 }).waitFor();

    await page.getByRole('button', { name: '新增服务商' }).click();
    const dialog = page.getByRole('dialog', { name: '新增服务商' });
    await dialog.getByLabel('名称').fill('北京云道数据科技有限公司');
    await dialog.getByLabel('所属地区省份').selectOption('110000');
    await dialog.getByLabel('所属地区区县').selectOption('110105');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('search', { name: '查询服务商' }).getByLabel('名称').fill('云道');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('provider-row').filter({ hasText: '北京市朝阳区' }).getByText('北京云道数据科技有限公司').waitFor();

    const csv = '\ufeff类型,名称,管辖,地区代码\n接入服务商,"上海星海云计算有限公司",境内,310115\n域名注册服务商,Example Registrar Inc.,境外,\n';
    await page.getByLabel('导入CSV文件').setInputFiles({ name: 'providers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('已导入 2 条，跳过重复 0 条').waitFor();

    const bad = '类型,名称,管辖,地区代码\n接入服务商,好的服务商,境内,110105\n接入服务商,坏的服务商,境内,999999\n';
    await page.getByLabel('导入CSV文件').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('list', { name: '导入错误' }).getByText(/^第3行：/).waitFor();
    await screenshot(page, 'desktop-admin-providers');
  });
});
