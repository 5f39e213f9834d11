import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { RateLimiter, limitPublicRequest } from './rate-limit';

describe('RateLimiter (token bucket per IP)', () => {
  it('lets `limit` requests through, then refuses with the seconds until the next one, and refills with time', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('1.2.3.4').ok)).toEqual([true, true, true]);
    expect(limiter.hit('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.hit('5.6.7.8').ok).toBe(true); // another address has its own bucket
    now += 19_000;
    expect(limiter.hit('1.2.3.4')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(limiter.hit('1.2.3.4').ok).toBe(true);
    expect(limiter.hit('1.2.3.4').ok).toBe(false);
  });

  it('is off with a limit of 0', () => {
    const limiter = new RateLimiter(0, 60_000, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.hit('x').ok).toBe(true);
  });

  it('forgets refilled buckets when it holds too many addresses', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now, 3);
    ['a', 'b', 'c'].forEach((k) => limiter.hit(k));
    now += 60_000;
    limiter.hit('d');
    expect(limiter.size).toBe(1); // a, b and c had refilled: dropped
    limiter.hit('d');
    expect(limiter.hit('d').ok).toBe(false);
    expect(limiter.hit('a')).toMatchObject({ ok: true, remaining: 1 });
  });
});

describe('the public query page and API answer 429 after the limit (frozen clock)', () => {
  beforeAll(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') });
  });
  afterAll(() => vi.useRealTimers());

  it('the API gets JSON with Retry-After and open CORS; the page a Chinese 429 page', async () => {
    const limiter = new RateLimiter(5);
    const h = new Headers({ 'x-forwarded-for': '203.0.113.9' });
    for (let i = 0; i < 5; i++) expect(limitPublicRequest(h, '/api/public/filings', limiter)).toBeNull();
    const api = limitPublicRequest(h, '/api/public/filings', limiter)!;
    expect(api.status).toBe(429);
    expect(api.headers.get('Retry-After')).toBe('12');
    expect(api.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await api.json()).toEqual({ error: '查询过于频繁，请稍后再试', retryAfter: 12 });

    const page = limitPublicRequest(h, '/query', limiter)!;
    expect(page.status).toBe(429);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<h1>查询过于频繁</h1>');
    expect(html).toContain('请在 <strong>12</strong> 秒后重试');

    // The clock is frozen: still refused; 12 s later one request goes through.
    expect(limitPublicRequest(h, '/query', limiter)?.status).toBe(429);
    vi.advanceTimersByTime(12_000);
    expect(limitPublicRequest(h, '/query', limiter)).toBeNull();
  });

  it('proxy.ts applies the limit to /query, /query/{code} and /api/public, and not elsewhere', async () => {
    process.env.WLBA_PUBLIC_RATE_LIMIT = '2';
    delete (globalThis as { __wlbaPublicLimiter?: unknown }).__wlbaPublicLimiter;
    vi.resetModules();
    const { proxy } = await import('@/proxy');
    const req = (path: string, method = 'GET') =>
      new NextRequest(`http://localhost${path}`, { method, headers: { 'x-forwarded-for': '198.51.100.20' } });
    expect(proxy(req('/query?type=name&q=%E6%9C%9D%E9%98%B3')).status).toBe(200);
    expect(proxy(req('/api/public/filings?name=abc')).status).toBe(200);
    expect(proxy(req('/api/public/filings', 'OPTIONS')).status).toBe(200); // a preflight is not counted
    expect(proxy(req('/query')).status).toBe(200); // nor the empty form
    expect(proxy(req('/query?type=name&q=+')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect(proxy(req('/api/public/filings/11010503000001/icon')).status).toBe(200); // nor the icons a result page shows
    const refused = proxy(req('/query/11010502000001'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
    expect(proxy(req('/my')).status).toBe(307); // private areas still redirect to /login
    delete process.env.WLBA_PUBLIC_RATE_LIMIT;
  });
});
