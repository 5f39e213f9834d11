/**
 * /admin/imports and /my/unfiled (SPEC §8.2, §8.3): the admin previews and imports a 未备案网站 CSV
 * matching 张伟's company (北京云帆网络科技有限公司), a file with one bad line imports nothing, 张伟
 * finds the row under 未备案网站申请 and 备案 opens 新办网站申请 pre-filled; a 旧备案 CSV of two rows
 * is listed as 待认领.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, screenshotBoth, openForm } from './helpers';

const PASSWORD = 'Demo@2026';
/** 北京云帆网络科技有限公司 of the demo seed (scripts/seed/index.ts). */
const YUNFAN_USCC = (() => {
  const body = '91110105MA01C8K2X';
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body + A[(31 - (sum % 31)) % 31];
})();
const HEAD = '网站名称,域名,证件类型,证件号码,发现日期';
const LHEAD = '旧备案号,网站名称,域名,开办主体名称,证件类型,证件号码,负责人手机号码,备案时间';

let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser);
  await login(admin, '13800000001', PASSWORD);
  await admin.waitForURL(/\/admin$/);
});
afterAll(async () => {
  await browser?.close();
});

async function chooseFile(page: Page, kind: string, name: string, csv: string) {
  await page.getByRole('group', { name: '导入类型' }).getByLabel(kind).check();
  await page.getByLabel('导入文件').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
}

describe('admin imports', () => {
  it('a file with one bad line shows the line error and imports nothing', async () => {
    await openForm(admin, '/admin/imports');
    const csv = [HEAD, `云帆会员中心,member.yunfan-tech.cn,统一社会信用代码证,${YUNFAN_USCC},2026-01-05`, '坏行网站,bad.yunfan-tech.cn,居民身份证,110105198001019999,2026-01-05'].join('\r\n');
    await chooseFile(admin, '未备案网站', 'bad.csv', csv);
    await admin.getByRole('button', { name: '预览' }).click();
    await expect(admin.getByRole('list', { name: '导入错误' }).textContent()).resolves.toContain('第3行：证件号码格式不正确');
    await expect(admin.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await admin.reload();
    await expect(admin.getByText('云帆会员中心').count()).resolves.toBe(0);
  });

  it('previews and imports a 未备案网站 CSV matching 张伟’s company; the row is pushed', async () => {
    await openForm(admin, '/admin/imports');
    const csv = [HEAD, `云帆会员中心,member.yunfan-tech.cn,统一社会信用代码证,${YUNFAN_USCC},2026-01-05`].join('\r\n');
    await chooseFile(admin, '未备案网站', 'unfiled.csv', csv);
    await admin.getByRole('button', { name: '预览' }).click();
    const preview = admin.getByRole('table', { name: '导入预览' });
    await preview.getByText('member.yunfan-tech.cn').waitFor();
    await expect(preview.textContent()).resolves.toContain('911*');
    await screenshotBoth(admin, 'admin-imports-preview', { axe: true });
    await admin.getByRole('button', { name: '导入', exact: true }).click();
    await admin.getByText('已导入1条').waitFor();
    const row = admin.getByTestId('unfiled-row').filter({ hasText: '云帆会员中心' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已推送');
    await screenshotBoth(admin, 'admin-imports', { axe: true });
  });

  it('imports a 旧备案 CSV of two rows, listed as 待认领', async () => {
    await openForm(admin, '/admin/imports');
    const csv = [
      LHEAD,
      `京公网安备11010502900011号,老字号点心铺,www.laozihao-dianxin.cn,北京老字号点心铺,统一社会信用代码证,${YUNFAN_USCC},13566660001,2014-05-06`,
      `11010502900012,胡同故事,www.hutong-story.cn,胡同故事工作室,统一社会信用代码证,${YUNFAN_USCC},13566660002,2015-07-08`,
    ].join('\r\n');
    await chooseFile(admin, '旧备案', 'legacy.csv', csv);
    await admin.getByRole('button', { name: '预览' }).click();
    await admin.getByRole('table', { name: '导入预览' }).getByText('京公网安备11010502900012号').waitFor();
    await admin.getByRole('button', { name: '导入', exact: true }).click();
    await admin.getByText('已导入2条').waitFor();
    await admin.getByRole('link', { name: '旧备案', exact: true }).click();
    for (const name of ['老字号点心铺', '胡同故事']) {
      const row = admin.getByTestId('legacy-row').filter({ hasText: name });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('待认领');
    }
  });
});

describe('未备案网站申请', () => {
  it('张伟 sees the pushed row with its 办理期限 and 备案 opens 新办网站申请 pre-filled', async () => {
    const page = await newPage(browser);
    await login(page, '13800000003', PASSWORD);
    await page.waitForURL(/\/my$/);
    await page.goto('/my/unfiled');
    await page.getByRole('heading', { name: '未备案网站申请' }).waitFor();
    const row = page.getByTestId('unfiled-row').filter({ hasText: '云帆会员中心' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect(row.textContent()).resolves.toContain('已推送');
    await screenshotBoth(page, 'my-unfiled', { axe: true });
    await row.getByRole('link', { name: '备案' }).click();
    await page.waitForURL(/\/my\/websites\/new\?unfiled=\d+/);
    await page.locator('form[data-hydrated]').first().waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByLabel('网站名称').inputValue()).resolves.toBe('云帆会员中心');
    await expect(page.getByLabel('网站域名', { exact: true }).inputValue()).resolves.toBe('member.yunfan-tech.cn');
    await page.context().close();
  });
});
