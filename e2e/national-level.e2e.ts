/**
 * 是否中央/国家级单位 (SPEC §11.3), as a new applicant and the reviewer: a 企业单位 declares 是 on 新增主体,
 * the reviewer sees the declaration highlighted and approves, and only then may the subject file
 * 中华书局官网 (a name with 中华). On the way, a domain already filed is refused when leaving step 02.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { approveOpen, fileWebsite, fillOrgOffice, fillPrincipal, fillWebsiteBasic, idWithCheck, launchBrowser, login, newPage, openForm, openFromQueue, registerUser, samplePng, screenshotBoth, uploadImage } from './helpers';

const APPLICANT = { name: '周文华', idNumber: idWithCheck('11010519760315123'), phone: '13522220919', email: 'zhouwh@example.com' };
/** A 统一社会信用代码 of 北京 with its check character. */
const USCC = (() => {
  const body = '91110105MA02HB8R1';
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body + A[(31 - (sum % 31)) % 31];
})();

let browser: Browser;
let page: Page;
let png: Buffer;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  png = await samplePng();
});
afterAll(async () => {
  await browser?.close();
});

describe('a national-level 单位 and 中华书局官网', () => {
  it('declares 是 on 新增主体 and files a first website without national words', async () => {
    await registerUser(page, APPLICANT);
    await login(page, APPLICANT.phone, 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await openForm(page, '/my/subject/new');
    await page.getByLabel('单位', { exact: true }).check();
    await page.getByLabel('单位性质').selectOption('企业单位');
    await page.getByRole('group', { name: '是否中央/国家级单位' }).getByLabel('是').check();
    await page.getByLabel('主办单位名称').fill('中华书局有限公司');
    await page.getByLabel('主办单位证件号').fill(USCC);
    await uploadImage(page, '主办单位有效证件', png);
    await page.getByLabel('法定代表人姓名').fill('周文华');
    await fillOrgOffice(page, { county: '110105', address: '朝阳门内大街137号院1号楼', officePhone: '010-63456789' });
    await fillPrincipal(page, { name: APPLICANT.name, id: APPLICANT.idNumber, county: '110105', address: '朝阳门外大街18号院6号楼', phone: APPLICANT.phone }, png);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);
    await fileWebsite(page, { name: '古籍阅读服务平台', domain: 'www.guji-reader.cn', registrable: 'guji-reader.cn', ip: '47.93.12.61' }, png);
  });

  it('the reviewer sees 是否中央/国家级单位：是 highlighted and approves the subject and its website', async () => {
    const reviewer = await newPage(browser);
    await login(reviewer, '13800000002', 'Demo@2026');
    await reviewer.waitForURL(/\/review/);
    await openFromQueue(reviewer, '中华书局有限公司', '新增主体');
    const notice = reviewer.getByTestId('national-level');
    await expect(notice.textContent()).resolves.toContain('是否中央/国家级单位：是');
    await notice.getByRole('button', { name: '更正为“否”' }).waitFor();
    await screenshotBoth(reviewer, 'review-national-level', { axe: true });
    await approveOpen(reviewer);
    await openFromQueue(reviewer, '中华书局有限公司', '新办网站');
    expect(await approveOpen(reviewer)).toMatch(/^京公网安备\d{14}号$/);
    await reviewer.context().close();
  });

  it('a domain already filed is refused when leaving step 02, on its own row', async () => {
    await openForm(page, '/my/websites/new');
    await page.getByRole('button', { name: '下一步' }).click();
    await fillWebsiteBasic(page, { name: '书局资讯站', domain: 'docs.yunfan-tech.cn', registrable: 'yunfan-tech.cn', ip: '47.93.12.63' }, png);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('域名 docs.yunfan-tech.cn 已备案或正在办理，请勿重复申请').waitFor();
    await expect(page.getByLabel('网站域名', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('radiogroup', { name: '网站安全负责人' }).count()).resolves.toBe(0);
  });

  it('once the subject is 有效, files 中华书局官网', async () => {
    await fileWebsite(page, { name: '中华书局官网', domain: 'www.zhbj-books.cn', registrable: 'zhbj-books.cn', ip: '47.93.12.62' }, png);
    await page.getByText('中华书局官网').first().waitFor();
  });
});
