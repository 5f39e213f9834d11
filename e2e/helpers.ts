import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** This worker's own server (e2e/global-setup.ts starts one per worker). */
function server() {
  const servers = inject('servers');
  return servers[(Number(process.env.VITEST_POOL_ID) - 1 || 0) % servers.length];
}
export const baseURL = () => server().baseURL;
export const dataDir = () => server().dataDir;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--lang=zh-CN', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width, height }, locale: 'zh-CN' });
  return context.newPage();
}

/**
 * A page whose requests come from a client address of its own (the test server trusts
 * X-Forwarded-For like one behind a proxy). For tests that fail logins, registrations or resets on
 * purpose: after two failures from an address its forms ask for a 验证码, and every other test
 * shares 127.0.0.1.
 */
export async function newPageAt(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 }, locale: 'zh-CN', extraHTTPHeaders: { 'X-Forwarded-For': address } });
  return context.newPage();
}

export async function login(page: Page, identifier: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('登录账号').fill(identifier);
  await page.getByLabel('登录密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Ticks 我不是机器人 of the form's 验证码 (asked after two failed attempts) and waits for 验证通过. */
export async function solveCaptcha(page: Page) {
  const group = page.getByRole('group', { name: '验证码', exact: true });
  await page.locator('[data-testid="captcha"][data-hydrated]').waitFor();
  await group.getByLabel('我不是机器人').check();
  await group.getByText('验证通过').waitFor();
}

/** Opens a form page and waits until React owns the form, so typed values are not reset by hydration. */
export async function openForm(page: Page, url: string) {
  await page.goto(url);
  await page.locator('form[data-hydrated]').first().waitFor();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

function smsLines(phone: string): string[] {
  const file = path.join(dataDir(), 'outbox', 'sms.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.split('\t')[1] === phone);
}

/** The newest SMS code sent to `phone`, read from DATA_DIR/outbox/sms.log. */
export function readSmsCode(phone: string): string {
  const m = smsLines(phone).at(-1)?.match(/验证码为 (\d{6})/);
  if (!m) throw new Error(`no SMS code for ${phone}`);
  return m[1];
}

/** How many SMS `phone` has received so far (see waitForSms). */
export const smsCount = (phone: string) => smsLines(phone).length;

/** The text of the first SMS to `phone` after the first `since` ones, waiting up to 10 s for it. */
export async function waitForSms(phone: string, since: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = smsLines(phone)[since];
    if (line) return line.split('\t').slice(2).join('\t');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no new SMS for ${phone}`);
}

/** Clicks 获取验证码 and returns the code of the SMS it sent (read from the outbox). */
export async function requestSmsCode(page: Page, phone: string): Promise<string> {
  const before = smsCount(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByRole('status').filter({ hasText: '验证码已发送' }).waitFor();
  const m = (await waitForSms(phone, before)).match(/验证码为 (\d{6})/);
  if (!m) throw new Error(`the SMS to ${phone} has no code`);
  return m[1];
}

export type NewAccount = { name: string; idNumber: string; phone: string; email: string; password?: string; idType?: string };

/** 注册 through the form: 获取验证码, the code from the outbox, the rest of the fields; ends on /login?registered=1. */
export async function registerUser(page: Page, a: NewAccount) {
  await page.goto('/register');
  await page.getByLabel('真实姓名').fill(a.name);
  if (a.idType) await page.getByLabel('证件类型').selectOption(a.idType);
  await page.getByLabel('证件号码').fill(a.idNumber);
  await page.getByLabel('手机号码').fill(a.phone);
  const code = await requestSmsCode(page, a.phone);
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('电子邮件地址').fill(a.email);
  await page.getByLabel('登录密码').fill(a.password ?? 'Secret#2026');
  await page.getByLabel('确认密码').fill(a.password ?? 'Secret#2026');
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole('button', { name: '注册' }).click();
  await page.waitForURL(/\/login\?registered=1/);
}

/** Text of the newest .eml in the outbox sent to `to`, quoted-printable decoded. */
export function readLatestMail(to: string): string {
  const dir = path.join(dataDir(), 'outbox');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const f of files.reverse()) {
    const raw = fs.readFileSync(path.join(dir, f), 'utf8');
    if (!raw.includes(`To: ${to}`)) continue;
    const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => `%${h}`);
    try {
      return decodeURIComponent(bytes);
    } catch {
      return body;
    }
  }
  throw new Error(`no mail to ${to}`);
}

export function uploadsFiles(): string[] {
  const dir = path.join(dataDir(), 'uploads');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

/** Runs the admin CLI against the test server's DATA_DIR. */
export function adminCli(args: string[]) {
  const root = path.resolve(import.meta.dirname, '..');
  return spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir() },
    encoding: 'utf8',
  });
}

export async function screenshot(page: Page, name: string) {
  const dir = path.resolve(import.meta.dirname, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations of the page, with the offending elements' selectors. */
export async function seriousViolations(page: Page) {
  // AxeBuilder injects axe through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  const r = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return r.violations
    .map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page is wider than the viewport (≤ 0: no sideways scrolling). */
export async function overflowX(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Desktop and phone (390 px) screenshots; the page must not scroll sideways on a phone. With
 * `axe`, the page must also have no serious or critical axe-core violation.
 */
export async function screenshotBoth(page: Page, name: string, opts: { axe?: boolean } = {}) {
  if (opts.axe) {
    // After a server action the page re-renders; its <title> streams in with the new payload.
    await page.waitForFunction(() => document.title !== '');
    expect(await seriousViolations(page), name).toEqual([]);
  }
  await screenshot(page, `desktop-${name}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `phone-${name}`);
  expect(await overflowX(page), `${name} overflows at 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A valid 居民身份证 number for a 17-digit body. */
export function idWithCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

export type FilingApplicant = { name: string; phone: string; id: string };
export type FilingSite = { name: string; domain: string; registrable: string; ip: string; interactive?: boolean };

/**
 * A 个人 subject in 朝阳 and its first website, through the real forms: 新增主体 (held back), then
 * the 新办网站 wizard; an interactive website gets 网站类型 社交文娱类D. Ends on the submitted application.
 */
export async function fileSubjectAndWebsite(page: Page, applicant: FilingApplicant, site: FilingSite) {
  const png = await fileSubject(page, applicant);
  await fileWebsite(page, site, png);
}

export async function samplePng() {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 200, height: 120, channels: 3, background: '#5a7' } }).png().toBuffer();
}

/** 新增主体 of a 个人 in 朝阳 through the real form (held back until its first website). Returns the image it uploaded. */
export async function fileSubject(page: Page, applicant: FilingApplicant): Promise<Buffer> {
  const png = await samplePng();
  await openForm(page, '/my/subject/new');
  await page.getByLabel('个人', { exact: true }).check();
  await fillPrincipal(page, { name: applicant.name, id: applicant.id, county: '110105', address: '朝阳门外大街18号院6号楼', phone: applicant.phone }, png);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.waitForURL(/\/my\/applications\/\d+/);
  return png;
}

/** An image upload field of the subject form, filled and shown. */
export async function uploadImage(page: Page, label: string, png: Buffer) {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: label }).waitFor();
}

/** 单位办公地址 in Beijing county `county` and the rest of 主办单位信息 after the organisation's own fields (both 否, 办公室电话). */
export async function fillOrgOffice(page: Page, o: { county: string; address: string; officePhone: string }) {
  await page.getByLabel('单位办公地址省份').selectOption('110000');
  await page.getByLabel('单位办公地址区县').selectOption(o.county);
  await page.getByLabel('单位办公详细地址').fill(o.address);
  await page.getByRole('group', { name: '本企业在境内应用人脸识别技术处理人脸信息' }).getByLabel('否').check();
  await page.getByRole('group', { name: '本企业是否利用生成式人工智能技术向境内公众提供服务' }).getByLabel('否').check();
  await page.getByLabel('办公室电话').fill(o.officePhone);
}

/** 负责人信息 of a person with a 居民身份证 (长期有效) living in Beijing county `county`, 文件认证 with the three photos. */
export async function fillPrincipal(page: Page, p: { name: string; id: string; county: string; address: string; phone: string }, png: Buffer) {
  await page.getByLabel('负责人姓名', { exact: true }).fill(p.name);
  await page.getByLabel('负责人证件号码', { exact: true }).fill(p.id);
  await page.getByLabel('长期有效').check();
  await page.getByLabel('负责人常住地址省份').selectOption('110000');
  await page.getByLabel('负责人常住地址区县').selectOption(p.county);
  await page.getByLabel('负责人常住详细地址').fill(p.address);
  await page.getByLabel('负责人手机号码').fill(p.phone);
  await page.getByLabel('文件认证').check();
  for (const l of ['身份证人像面', '身份证国徽面', '身份证手持']) await uploadImage(page, l, png);
}

/** The 新办网站 wizard for the current subject, through to the submitted application. */
export async function fileWebsite(page: Page, site: FilingSite, png: Buffer) {
  await openForm(page, '/my/websites/new');
  await page.getByRole('button', { name: '下一步' }).click();
  await fillWebsiteBasic(page, site, png);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('radiogroup', { name: '网站安全负责人' }).getByLabel('同主体负责人信息').check();
  await page.getByRole('radiogroup', { name: '网站应急联络人' }).getByLabel('同主体负责人信息').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('我已阅读').check();
  await page.getByRole('button', { name: '提交', exact: true }).click({ timeout: 40_000 });
  await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
}

/** Step 02 网站基本信息 of the wizard, every field filled for `site` (no 前置许可, not interactive unless said). */
export async function fillWebsiteBasic(page: Page, site: FilingSite, png: Buffer) {
  await page.getByLabel('网站名称').fill(site.name);
  await page.getByRole('group', { name: '是否有工信部备案号' }).getByLabel('否').check();
  await page.getByLabel('网站开通日期').fill('2026-09-01');
  await page.getByLabel('网站域名', { exact: true }).fill(site.domain);
  await page.getByLabel('主域名').first().check();
  await page.getByLabel(`域名证书（${site.registrable}）`).setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: `域名证书（${site.registrable}）` }).waitFor();
  await page.getByLabel('起始IP', { exact: true }).fill(site.ip);
  await page.getByLabel('结束IP', { exact: true }).fill(site.ip);
  await page.getByRole('group', { name: '网络接入服务商', exact: true }).getByLabel('名称', { exact: true }).fill('阿里云计算有限公司');
  await page.getByLabel('接入商所属地区省份').selectOption('110000');
  await page.getByLabel('接入商所属地区区县').selectOption('110108');
  await page.getByLabel('网站接入方式').selectOption('云服务器');
  await page.getByLabel('域名服务商所属地区省份').selectOption('110000');
  await page.getByLabel('域名服务商所属地区区县').selectOption('110108');
  await page.getByRole('group', { name: '域名注册服务商', exact: true }).getByLabel('名称', { exact: true }).fill('北京新网数码信息技术有限公司');
  await page.getByRole('group', { name: '是否提供互联网交互服务' }).getByLabel(site.interactive ? '是' : '否').check();
  if (site.interactive) await page.getByLabel('社交文娱类D').check();
  await page.getByRole('group', { name: '是否提供涉及管制物品信息发布服务' }).getByLabel('否').check();
  await page.getByRole('group', { name: '相关前置许可' }).getByLabel('否').check();
  await page.getByLabel('中文简体').check();
}

/** A reviewer's 手机验证 (SPEC §1: required before deciding), through 个人中心. */
export async function verifyPhone(page: Page, phone: string) {
  await page.goto('/my/account');
  await page.getByRole('listitem').filter({ hasText: '手机验证' }).getByRole('button', { name: '立即验证' }).click();
  await page.getByRole('button', { name: '获取短信验证码' }).click();
  await page.getByText('验证码已发送至').waitFor();
  await page.getByLabel('短信验证码').fill(readSmsCode(phone));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await page.getByTestId('phone-status').getByText('已验证').waitFor();
}

/** The reviewer finds the applicant's queue row of `type` (关键词 = the applicant's name) and opens it for decision. */
export async function openFromQueue(reviewer: Page, applicantName: string, type: string) {
  await reviewer.goto('/review');
  await reviewer.getByLabel('关键词').fill(applicantName);
  await reviewer.getByRole('button', { name: '查询' }).click();
  await reviewer.waitForURL(/q=/);
  await reviewer.getByTestId('queue-row').filter({ hasText: type }).getByRole('link', { name: '办理' }).click();
  await reviewer.getByRole('heading', { name: '申请审核' }).waitFor();
  // Opening claims it and refreshes the page: act once the page says so, not during the refresh.
  await reviewer.getByTestId('handler').getByText('（本人）').waitFor();
}

/** 审核结果 通过 → 提交审核结果 → 确定; the 公安备案号 given, if any. */
export async function approveOpen(reviewer: Page): Promise<string | null> {
  await reviewer.getByRole('group', { name: '审核结果' }).getByLabel('通过', { exact: true }).check();
  await reviewer.getByRole('button', { name: '提交审核结果' }).click();
  await reviewer.getByRole('dialog', { name: '确认通过该申请？' }).getByRole('button', { name: '确定' }).click();
  await reviewer.getByTestId('decision-result').getByText('审核完成：已通过').waitFor();
  const number = reviewer.getByTestId('filing-number');
  return (await number.count()) ? ((await number.textContent())!.match(/京公网安备\d{14}号/)?.[0] ?? null) : null;
}
