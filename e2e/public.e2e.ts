import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request, type Browser } from 'playwright-core';
import { launchBrowser, newPage, baseURL, login as signIn, screenshot, screenshotBoth } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('公共查询, as a visitor without an account', () => {
  it('from the home page searches a filed website by name and opens its record', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByRole('heading', { name: '互联网站公安联网备案', level: 1 }).waitFor();
    // The home page's columns come from /admin/notices (seeded), the showcase from the filings.
    await page.getByRole('link', { name: '关于开展互联网站公安联网备案工作的通知' }).waitFor();
    await page.getByRole('link', { name: '备案号放在哪里？' }).waitFor();
    await page.getByTestId('home-showcase').getByText('陈静摄影作品集').waitFor();
    await screenshotBoth(page, 'home', { axe: true });

    const search = page.getByRole('search', { name: '公共查询' });
    await expect.poll(() => search.getByLabel('网站名称').isChecked()).toBe(true);
    await search.getByLabel('查询内容').fill('摄影作品');
    await search.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/query\?type=name&q=/);
    await page.getByRole('heading', { name: '公共查询', level: 1 }).waitFor();
    const results = page.getByTestId('query-result');
    await results.first().waitFor();
    const found = results.filter({ hasText: '陈静摄影作品集' });
    await expect.poll(() => found.count()).toBe(1);
    await found.getByText('京公网安备11010802000001号').waitFor();
    await found.getByText('陈*').waitFor(); // a person's name is masked
    await screenshotBoth(page, 'query-results', { axe: true });

    await found.getByRole('link', { name: '陈静摄影作品集' }).click();
    await page.waitForURL(/\/query\/11010802000001$/);
    await page.getByRole('heading', { name: '备案信息', level: 1 }).waitFor();
    await page.getByTestId('public-filing-number').getByText('京公网安备11010802000001号').waitFor();
    await page.getByText('已备案', { exact: true }).waitFor();
    await screenshotBoth(page, 'query-detail', { axe: true });
  });

  it('searches by domain (a subdomain, pasted as a URL) and by number, and says when nothing matches', async () => {
    const page = await newPage(browser);
    await page.goto('/query');
    const search = page.getByRole('search', { name: '公共查询' });

    await search.getByLabel('网站域名').check();
    await search.getByLabel('查询内容').fill('https://WWW.Docs.Yunfan-Tech.cn/guide');
    await search.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/type=domain/);
    // docs.yunfan-tech.cn and its parent yunfan-tech.cn are both filed.
    await page.getByTestId('query-total').getByText('共找到 2 条备案信息').waitFor();
    await page.getByRole('link', { name: '云帆开发者文档中心' }).waitFor();
    await page.getByRole('link', { name: '云帆科技官网' }).waitFor();

    await search.getByLabel('联网备案号').check();
    await search.getByLabel('查询内容').fill('京公网安备 11010502000001 号');
    await search.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/type=code/);
    await page.getByTestId('query-total').getByText('共找到 1 条备案信息').waitFor();
    await page.getByRole('link', { name: '云帆科技官网' }).waitFor();
    await page.getByText('北京云帆网络科技有限公司').waitFor();

    await search.getByLabel('联网备案号').check();
    await search.getByLabel('查询内容').fill('12345');
    await search.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('请输入正确的联网备案号：14位数字，可带“公网安备”前缀和“号”').waitFor();

    await search.getByLabel('网站名称').check();
    await search.getByLabel('查询内容').fill('并不存在的网站');
    await search.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '未查询到备案信息' }).waitFor();
    await screenshot(page, 'desktop-query-none');

    // A NUL in the address (forged or pasted) is dropped: the normal page, never an error page.
    expect((await page.goto('/query?type=name&q=a%00b'))?.status()).toBe(200);
    await page.getByRole('heading', { name: '未查询到备案信息' }).waitFor();
    await expect.poll(() => search.getByLabel('查询内容').inputValue()).toBe('ab');
    expect((await page.goto(`/query?type=name&q=${encodeURIComponent('云帆\u0000科技')}`))?.status()).toBe(200);
    await page.getByRole('link', { name: '云帆科技官网' }).waitFor();
  });

  it('answers JSON at /api/public/filings, and 429 with Retry-After once an address asks too often', async () => {
    // One address of its own (the server trusts the last X-Forwarded-For hop), so other tests keep their quota.
    const api = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.77' } });
    const first = await api.get(`/api/public/filings?name=${encodeURIComponent('云帆')}`);
    expect(first.status()).toBe(200);
    expect(first.headers()['access-control-allow-origin']).toBe('*');
    const body = await first.json();
    // The demo's imported 旧备案 of the same company is public too, as 待认领 under its old number.
    expect(body.items.map((i: { websiteName: string; status: string }) => `${i.websiteName}:${i.status}`).sort()).toEqual(['云帆开发者文档中心:已备案', '云帆旧版官网:待认领', '云帆科技官网:已备案']);

    let refused = null;
    let cached = 0;
    for (let i = 0; i < 100 && !refused; i++) {
      const r = await api.get('/api/public/filings?code=11010502000001');
      if (r.status() === 429) refused = r;
      else expect(r.status()).toBe(200);
      if (r.headers()['x-page-cache'] === 'hit') cached++;
    }
    expect(refused, 'the 60-a-minute limit was never reached').not.toBeNull();
    // Answers from the shared cache (lib/public/page-cache.mjs) count against the limit all the same.
    expect(cached).toBeGreaterThan(0);
    expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused!.json()).error).toBe('查询过于频繁，请稍后再试');
    await api.dispose();

    // The page as a person sees it, from the same address.
    const context = await browser.newContext({ baseURL: baseURL(), locale: 'zh-CN', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.77' } });
    const page = await context.newPage();
    // The bucket refills one look-up a second, so setting up the browser may have earned one back.
    let status = 0;
    for (let i = 0; i < 5 && status !== 429; i++) status = (await page.goto(`/query?type=name&q=${encodeURIComponent('云帆')}`))?.status() ?? 0;
    expect(status).toBe(429);
    await page.getByRole('heading', { name: '查询过于频繁' }).waitFor();
    await page.getByText(/请在 \d+ 秒后重试/).waitFor();
    await screenshot(page, 'desktop-query-429');
    await context.close();
  });

  it('gives each page a nonce CSP of its own, route handlers and the badge a CSP without scripts, and sends a signed-out visitor of 我的网站 to 用户登录', async () => {
    const api = await request.newContext({ baseURL: baseURL(), maxRedirects: 0, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.78' } });
    const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    const login = await api.get('/login');
    const nonce = nonceOf(login.headers()['content-security-policy']);
    expect(nonce).toBeTruthy();
    // Next.js put this response's nonce on its scripts; the next response has another.
    expect(await login.text()).toContain(`nonce="${nonce}"`);
    expect(nonceOf((await api.get('/login')).headers()['content-security-policy'])).not.toBe(nonce);
    // A nonce the client offers is never used.
    const forged = await api.get('/register', { headers: { 'Content-Security-Policy': "script-src 'nonce-forged'" } });
    expect(await forged.text()).not.toContain('nonce="forged"');
    // Route handlers and the badge run no script (next.config.mjs), and uploads may be framed by the platform's own pages.
    for (const path of ['/api/health', '/api/public/filings?code=11010502000001', '/badge.png'])
      expect((await api.get(path)).headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect((await api.get('/api/files/1')).headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    const away = await api.get('/my/websites?x=1');
    expect(away.status()).toBe(307);
    const to = new URL(away.headers()['location'], baseURL());
    expect(to.pathname + to.search).toBe('/login?callbackUrl=%2Fmy%2Fwebsites%3Fx%3D1');
    // The mark scripts/server.mjs gives a signed-in page it has set the CSP of, sent by a client, is dropped: proxy.ts still runs.
    const marked = await api.get('/my/websites?x=1', { headers: { 'X-Wlba-Page-Headers': '1' } });
    expect(marked.headers()['location']).toBe(away.headers()['location']);
    await api.dispose();

    // A signed-in user's page gets its CSP from scripts/server.mjs: its nonce is on the page's scripts, which run (我的 opens).
    const page = await newPage(browser);
    await signIn(page, '13800000003', 'Demo@2026');
    await page.getByRole('heading', { name: '您好，张伟' }).waitFor();
    const mine = (await page.goto('/my/websites'))!;
    const myNonce = nonceOf(mine.headers()['content-security-policy']);
    expect(myNonce).toBeTruthy();
    expect(await mine.text()).toContain(`nonce="${myNonce}"`);
    expect(nonceOf((await page.request.get('/my/websites')).headers()['content-security-policy'])).not.toBe(myNonce);
    await page.getByRole('button', { name: '我的' }).click();
    await page.getByRole('link', { name: '我的草稿' }).waitFor();
    await page.context().close();
  });
});
