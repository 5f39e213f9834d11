import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, screenshot, seriousViolations, overflowX } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('key pages at desktop and phone width', () => {
  for (const [width, tag] of [
    [1280, 'desktop'],
    [390, 'phone'],
  ] as const) {
    it(`public pages render in Chinese without layout breakage (${tag})`, async () => {
      const page = await newPage(browser, width, 844);
      // Scripts run under a nonce CSP (SPEC §13): the browser reports anything it blocks.
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      for (const [path, heading] of [
        ['/', '互联网站公安联网备案'],
        ['/login', '用户登录'],
        ['/register', '用户注册'],
        ['/forgot-password', '忘记密码'],
        ['/notices', '公告信息'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading }).waitFor();
        expect(await overflowX(page), path).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), path).toEqual([]);
        await screenshot(page, `${tag}${path === '/' ? '-home' : path.replace(/\//g, '-')}`);
      }
      const res = await page.goto('/login');
      const csp = res!.headers()['content-security-policy'];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      // The login form works, so its scripts ran.
      await page.getByLabel('登录账号').fill('13800000003');
      await page.getByLabel('登录密码').fill('Demo@2026');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(/\/my$/);
      expect(blocked).toEqual([]);
    });

    it(`applicant pages render (${tag})`, async () => {
      const page = await newPage(browser, width, 844);
      await login(page, '13800000003', 'Demo@2026');
      await page.waitForURL(/\/my$/);
      for (const [path, heading] of [
        ['/my', '您好，张伟'],
        ['/my/account', '个人中心'],
        ['/my/notifications', '系统通知'],
        ['/my/subject', '我的主体'],
        ['/my/subject/new', '新增主体'],
        ['/my/subject/change', '变更主体'],
        ['/my/subject/cancel', '注销主体'],
        ['/my/subject/transfer', '移交主体'],
        ['/my/subject/receive', '接收主体'],
        ['/my/applications', '我的申请'],
        ['/my/drafts', '我的草稿'],
        ['/my/websites', '我的网站'],
        ['/my/websites/new', '新办网站申请'],
        ['/my/websites/cancel', '注销网站'],
        ['/my/assessments', '安全评估'],
        ['/my/assessments/new', '发起安全评估'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        if (path === '/my') await page.getByTestId('home-websites').getByText('京公网安备11010502000001号').waitFor();
        expect(await overflowX(page), path).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), path).toEqual([]);
        await screenshot(page, `${tag}${path.replace(/\//g, '-')}`);
      }
    });

    it(`reviewer and admin pages render (${tag})`, async () => {
      const page = await newPage(browser, width, 844);
      await login(page, '13800000001', 'Demo@2026');
      await page.waitForURL(/\/admin$/);
      await page.goto('/review');
      const decision = await page.getByTestId('queue-row').filter({ hasText: '王芳的烘焙日记' }).getByRole('link', { name: '办理' }).getAttribute('href');
      for (const [path, heading] of [
        ['/review', '审核工作台'],
        [decision!, '申请审核'],
        ['/review/dashboard', '审核统计'],
        ['/admin', '管理后台'],
        ['/admin/units', '审核单位'],
        ['/admin/users', '账号管理'],
        ['/admin/audit', '审计日志'],
        ['/admin/deliveries', '发送记录'],
        ['/admin/providers', '服务商名录'],
        ['/admin/notices', '公告管理'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        expect(await overflowX(page), path).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), path).toEqual([]);
        await screenshot(page, `${tag}${path.replace(/\/\d+$/, '-decision').replace(/\//g, '-')}`);
      }
    });
  }

  it('health answers 200 with the database reachable', async () => {
    const page = await newPage(browser);
    const res = await page.request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', uploads: 'ok' });
  });
});
