import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const UNIT = '北京市公安局延庆分局网安大队';
const REVIEWER = { name: '韩冬', phone: '13701190001', masked: '137****0001', password: 'Police#2026' };

describe('审核单位, 账号管理 and 审计日志 (admin)', () => {
  it('edits a unit, creates a reviewer in it, disables and re-enables him, and finds it all in the audit log', async () => {
    const page = await newPage(browser);
    await login(page, '13800000001', 'Demo@2026');
    await page.waitForURL(/\/admin$/);

    // 审核单位: all 16 districts are seeded, so 延庆 (110119) is edited rather than created.
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '审核单位', exact: true }).click();
    await page.getByRole('heading', { name: '审核单位', level: 1 }).waitFor();
    const yanqing = page.getByTestId('unit-row').filter({ hasText: '延庆分局网安大队' });
    await yanqing.getByText('北京市延庆区').first().waitFor();
    await yanqing.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑审核单位' });
    await expect(dialog.getByLabel('单位区划代码').inputValue()).resolves.toBe('110119');
    await dialog.getByLabel('单位名称').fill(UNIT);

    // A region another unit covers is refused, with the unit that covers it named.
    await dialog.getByLabel('输入区划代码').fill('110105');
    await dialog.getByRole('button', { name: '添加代码' }).click();
    // Take 延庆 out and put it back through the region selects.
    await dialog.getByRole('button', { name: '移除 110119 北京市延庆区' }).click();
    await dialog.getByLabel('省份', { exact: true }).selectOption('110000');
    await dialog.getByLabel('城市', { exact: true }).selectOption('110100');
    await dialog.getByLabel('区县', { exact: true }).selectOption('110119');
    await dialog.getByRole('button', { name: '添加所选区划' }).click();
    const covered = dialog.getByRole('list', { name: '已添加的管辖区划' });
    await covered.getByText('110119 北京市延庆区').waitFor();
    await covered.getByText('110105 北京市朝阳区').waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('区划已由其他单位管辖：110105 北京市朝阳区（朝阳分局网安大队）').waitFor();

    await dialog.getByRole('button', { name: '移除 110105 北京市朝阳区' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    const unitRow = page.getByTestId('unit-row').filter({ hasText: UNIT });
    await unitRow.getByText('110119', { exact: true }).first().waitFor();
    await screenshotBoth(page, 'admin-units', { axe: true });

    // 账号管理: a 网安民警 in the edited unit.
    await page.goto('/admin');
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '账号管理' }).click();
    await page.getByRole('heading', { name: '账号管理', level: 1 }).waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    const create = page.getByRole('dialog', { name: '新建账号' });
    await create.getByLabel('角色').selectOption({ label: '网安民警' });
    // Submitting empty puts every error on its field.
    await create.getByRole('button', { name: '创建' }).click();
    await create.getByText('网安民警账号须选择审核单位').waitFor();
    await create.getByText('请填写姓名').waitFor();
    await create.getByText('初始密码长度应为8-32位').waitFor();

    await create.getByLabel('审核单位').selectOption({ label: UNIT });
    await create.getByLabel('姓名').fill(REVIEWER.name);
    await create.getByLabel('手机号码').fill(REVIEWER.phone);
    await create.getByLabel('初始密码').fill(REVIEWER.password);
    await create.getByLabel('确认密码').fill(REVIEWER.password);
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'detached' });

    // The phone number is stored encrypted: the whole number finds the account.
    const search = page.getByRole('search', { name: '查询账号' });
    await search.getByLabel('姓名或手机号码').fill(REVIEWER.phone);
    await search.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/q=13701190001/);
    const row = page.getByTestId('user-row').filter({ hasText: REVIEWER.name });
    await row.getByText(REVIEWER.masked).waitFor();
    await row.getByText(UNIT).waitFor();
    await row.getByText('网安民警').waitFor();
    await row.getByText('未验证').waitFor();
    await row.getByText('正常').waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(1);

    await row.getByRole('button', { name: '停用' }).click();
    const disable = page.getByRole('dialog', { name: '停用账号' });
    await disable.getByRole('button', { name: '确定' }).click();
    await disable.waitFor({ state: 'detached' });
    await row.getByText('已停用').waitFor();

    await row.getByRole('button', { name: '启用' }).click();
    const enable = page.getByRole('dialog', { name: '启用账号' });
    await enable.getByRole('button', { name: '确定' }).click();
    await enable.waitFor({ state: 'detached' });
    await row.getByText('正常').waitFor();
    await screenshotBoth(page, 'admin-users', { axe: true });

    // The administrator cannot disable himself: his own row has no 停用.
    await search.getByLabel('姓名或手机号码').fill('13800000001');
    await search.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/q=13800000001/);
    const me = page.getByTestId('user-row').filter({ hasText: '王建国' });
    await me.getByText('（当前账号）').waitFor();
    expect(await me.getByRole('button', { name: '停用' }).count()).toBe(0);

    // A unit with a 民警 cannot be deleted, and says why.
    await page.goto('/admin/units');
    await page.getByTestId('unit-row').filter({ hasText: UNIT }).getByRole('button', { name: '删除' }).click();
    const del = page.getByRole('dialog', { name: '删除审核单位' });
    await del.getByRole('button', { name: '确定' }).click();
    await del.getByText(/不能删除：该单位有 1 个民警账号/).waitFor();
    await del.getByRole('button', { name: '取消' }).click();
    await del.waitFor({ state: 'detached' });
    await page.getByTestId('unit-row').filter({ hasText: UNIT }).waitFor();

    // 审计日志: the account changes, newest first, then the unit edit with its before/after.
    await page.goto('/admin');
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const filter = page.getByRole('search', { name: '查询审计日志' });
    await filter.getByLabel('操作人').fill('王建国');
    await filter.getByLabel('对象类型').selectOption('user');
    await filter.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/type=user/);
    const rows = page.getByTestId('audit-row');
    await rows.first().getByText('user.enable').waitFor();
    await rows.first().getByText('启用账号').waitFor();
    await rows.nth(1).getByText('user.disable').waitFor();
    await rows.nth(1).getByText('停用账号').waitFor();
    await rows.nth(2).getByText('user.create').waitFor();
    await rows.nth(2).getByText('创建账号').waitFor();
    await rows.first().getByText('查看变更后').click();
    await rows.first().getByText('{"status":"active"}').waitFor();

    await filter.getByLabel('对象类型').selectOption('police_unit');
    await filter.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/type=police_unit/);
    await rows.first().getByText('unit.update').waitFor();
    await rows.first().getByText('编辑审核单位').waitFor();
    await rows.first().getByText('查看变更后').click();
    await rows.first().getByText(new RegExp(UNIT)).waitFor();
    await screenshotBoth(page, 'admin-audit', { axe: true });
  });
});
