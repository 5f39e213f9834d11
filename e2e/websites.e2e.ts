import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('我的网站', () => {
  it('lists the filed websites and shows a filed website with its number and display deadline', async () => {
    const page = await newPage(browser);
    await login(page, '13800000003', 'Demo@2026');
    await page.waitForURL(/\/my$/);
    await page.goto('/my/websites');
    const row = page.getByTestId('website-row').filter({ hasText: '云帆科技官网' });
    await row.getByText('京公网安备11010502000001号').waitFor();
    await row.getByRole('link', { name: '详情' }).click();
    await page.getByRole('heading', { name: '云帆科技官网', level: 1 }).waitFor();
    await expect(page.getByTestId('filing-number').textContent()).resolves.toContain('京公网安备11010502000001号');
    await page.getByTestId('display-deadline').getByText(/请于 \d{4}-\d{2}-\d{2} 前在网站首页底部显著位置放置备案编号及图标/).waitFor();
    await page.getByText('yunfan-tech.cn').first().waitFor();
    await page.getByText('同主体负责人信息').first().waitFor();
    expect(await page.content()).not.toContain('13800000003');
    await screenshot(page, 'desktop-website-detail');
  });
});

describe('新办网站申请 wizard', () => {
  it('files a website for a held-back subject, which releases both as one bundle', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 200, height: 120, channels: 3, background: '#7a5' } }).png().toBuffer();
    const { adminCli, idWithCheck } = await import('./helpers');
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '何明远', '--phone', '13566667777', '--password', 'Secret#2026']).status).toBe(0);
    const page = await newPage(browser);
    await login(page, '13566667777', 'Secret#2026');
    await page.waitForURL(/\/my$/);

    // A 个人 subject first (it waits for a business application).
    await page.goto('/my/subject/new');
    await page.getByLabel('个人', { exact: true }).check();
    await page.getByLabel('负责人姓名', { exact: true }).fill('何明远');
    await page.getByLabel('负责人证件号码', { exact: true }).fill(idWithCheck('11010519870707123'));
    await page.getByLabel('长期有效').check();
    await page.getByLabel('负责人常住地址省份').selectOption('110000');
    await page.getByLabel('负责人常住地址区县').selectOption('110108');
    await page.getByLabel('负责人常住详细地址').fill('中关村大街1号院2号楼301室');
    await page.getByLabel('负责人手机号码').fill('13566667777');
    await page.getByLabel('文件认证').check();
    for (const l of ['身份证人像面', '身份证国徽面', '身份证手持']) {
      await page.getByLabel(l, { exact: true }).setInputFiles({ name: `${l}.png`, mimeType: 'image/png', buffer: png });
      await page.getByRole('img', { name: l }).waitFor();
    }
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);

    await page.goto('/my/websites/new');
    await page.getByText('主体将与本网站一并审核').waitFor();
    await screenshot(page, 'desktop-website-new-step1');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('网站名称').fill('何明远旅行摄影');
    await page.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
    await page.getByLabel('网站开通日期').fill('2026-10-01');
    await page.getByLabel('网站域名', { exact: true }).fill('www.hemingyuan-travel.cn');
    await page.getByLabel('主域名').first().check();
    // 域名证书 may be a PDF scan.
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('domain certificate');
    await page.getByLabel('域名证书（hemingyuan-travel.cn）').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) });
    await page.getByText('cert.pdf').waitFor();
    await page.getByLabel('起始IP', { exact: true }).fill('10.0.0.1');
    await page.getByLabel('结束IP', { exact: true }).fill('10.0.0.1');

    // Provider look-up back-fills the name.
    await page.getByRole('button', { name: '查询网络接入服务商' }).click();
    const lookup = page.getByRole('dialog', { name: '查询网络接入服务商' });
    await lookup.getByLabel('所属省').selectOption('330000');
    await lookup.getByRole('button', { name: '查询' }).click();
    await lookup.getByRole('button', { name: '选择阿里云计算有限公司' }).click();
    await expect(page.getByLabel('网络接入服务商名称').inputValue()).resolves.toBe('阿里云计算有限公司');
    await page.getByLabel('网站接入方式').selectOption('云服务器');
    await page.getByLabel('注册商所属地区省份').selectOption('110000');
    await page.getByLabel('注册商所属地区区县').selectOption('110108');
    await page.getByLabel('域名注册服务商名称').fill('北京新网数码信息技术有限公司');
    await page.getByRole('group', { name: '是否提供互联网交互服务' }).getByLabel('否').check();
    await page.getByRole('group', { name: '是否提供涉及管制物品信息发布服务' }).getByLabel('否').check();
    await page.getByRole('group', { name: '相关前置许可' }).getByLabel('否').check();
    await page.getByLabel('中文简体').check();
    await page.getByRole('button', { name: '下一步' }).click();
    // A private address is refused on its field; the step does not advance.
    await page.getByText('请填写公网IP').first().waitFor();
    await page.getByLabel('起始IP', { exact: true }).fill('47.93.12.10');
    await page.getByLabel('结束IP', { exact: true }).fill('47.93.12.10');
    await screenshot(page, 'desktop-website-new-step2');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('radiogroup', { name: '网站安全负责人' }).getByLabel('同主体负责人信息').check();
    await page.getByRole('radiogroup', { name: '网站应急联络人' }).getByLabel('同主体负责人信息').check();
    await page.getByText('为保障您的信息安全，平台未完整存储您的个人信息，请您逐项核实').first().waitFor();
    await screenshot(page, 'desktop-website-new-step3');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('互联网信息服务单位网络安全责任告知书').first().waitFor();
    await page.getByRole('button', { name: /提交 \(\d+\)s/ }).waitFor();
    await page.getByLabel('我已阅读').check();
    await screenshot(page, 'desktop-website-new-step4');
    await page.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
    await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
    await page.getByText('新办网站').first().waitFor();
    await page.goto('/my');
    await expect(page.getByTestId('file-website-reminder').count()).resolves.toBe(0);
    await page.goto('/my/websites');
    await page.getByTestId('website-row').filter({ hasText: '何明远旅行摄影' }).getByText('待审核').waitFor();
  });
});
