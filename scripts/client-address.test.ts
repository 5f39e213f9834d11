import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/http/client-ip';
import { authenticate } from '@/lib/auth/login';
import { CAPTCHA_REQUIRED, createChallenge } from '@/lib/captcha/service';
import { solveChallenge } from '@/lib/captcha/solve';
import { RateLimiter, limitPublicRequest } from '@/lib/public/rate-limit';
import { applyClientAddress, trustProxy } from './client-address.mjs';

/**
 * A node http server doing what scripts/server.mjs does before Next.js sees a request, with a
 * handler standing in for the app: it answers the client address lib/http/client-ip.ts derives, runs the
 * public rate limit (/api/public) and logins (/login: a client that answers every 验证码, as a
 * determined script would; /login-bare: one that does not).
 */
async function serve(trusted: boolean, limiter = new RateLimiter(5)) {
  const server = http.createServer(async (req, res) => {
    applyClientAddress(req, trusted);
    const headers = new Headers(req.headers as Record<string, string>);
    if (req.url === '/api/public/filings') {
      const limited = limitPublicRequest(headers, '/api/public/filings', limiter);
      res.writeHead(limited ? limited.status : 200).end();
      return;
    }
    if (req.url === '/login' || req.url === '/login-bare') {
      try {
        const captcha = req.url === '/login' ? await solveChallenge(createChallenge(Date.now(), 20)) : null;
        await authenticate(`nobody${Math.random()}@example.com`, 'Wrong#2026', clientIp(headers), captcha);
      } catch (e) {
        res.writeHead(401).end((e as Error).message);
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ip: clientIp(headers), realIp: headers.get('x-real-ip') }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: http.Server[] = [];
let n = 0;
const forged = () => ({ 'x-forwarded-for': `203.0.113.${++n % 250}`, 'x-real-ip': `198.51.100.${n % 250}` });

beforeAll(() => {
  getDb();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('client address (scripts/server.mjs)', () => {
  it('trusts X-Forwarded-For only with WLBA_TRUST_PROXY=1', () => {
    expect(trustProxy({})).toBe(false);
    expect(trustProxy({ WLBA_TRUST_PROXY: '0' })).toBe(false);
    expect(trustProxy({ WLBA_TRUST_PROXY: 'true' })).toBe(false);
    expect(trustProxy({ WLBA_TRUST_PROXY: '1' })).toBe(true);
  });

  it('without WLBA_TRUST_PROXY a client-sent X-Forwarded-For / X-Real-IP is replaced by the socket address', async () => {
    const url = await serve(false);
    const r = await (await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'x-real-ip': '8.8.8.8' } })).json();
    expect(r).toEqual({ ip: '127.0.0.1', realIp: '127.0.0.1' });
  });

  it('with WLBA_TRUST_PROXY=1 the proxy-added (last) entry counts; no header → the socket address', async () => {
    const url = await serve(true);
    expect((await (await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } })).json()).ip).toBe('203.0.113.9');
    expect((await (await fetch(url)).json()).ip).toBe('127.0.0.1');
  });

  it('a new X-Forwarded-For per request does not escape the public rate limit', async () => {
    const url = await serve(false);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${url}/api/public/filings`, { headers: forged() })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('a new X-Forwarded-For per request does not escape the 验证码 asked after two failures from the address', async () => {
    const url = await serve(false);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push(await (await fetch(`${url}/login-bare`, { headers: forged() })).text());
    expect(texts).toEqual(['账号或密码错误', '账号或密码错误', CAPTCHA_REQUIRED]);
  });

  it('a new X-Forwarded-For per request does not escape the per-IP login lock', async () => {
    const url = await serve(false);
    const texts: string[] = [];
    for (let i = 0; i < 21; i++) texts.push(await (await fetch(`${url}/login`, { headers: forged() })).text());
    expect(texts.at(-1)).toMatch(/^登录尝试过于频繁，请于 .* 后重试$/);
  });
});
