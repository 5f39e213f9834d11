import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { HSTS, hstsEnabled, newNonce, pageCsp } from './headers.mjs';

const scriptSrc = (csp: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;

describe('page security headers (SPEC §13)', () => {
  const env = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL };
  afterEach(() => {
    process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
    process.env.PUBLIC_BASE_URL = env.PUBLIC_BASE_URL;
  });

  it('allows scripts only with the request nonce, never inline', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
    // Drawn from a pool of 256: over several pools, never one twice.
    const many = Array.from({ length: 1000 }, newNonce);
    expect(new Set(many).size).toBe(1000);
    for (const n of many) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = pageCsp(a, false);
    expect(scriptSrc(csp)).toBe(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS only when the site address is https', () => {
    expect(hstsEnabled({ NEXTAUTH_URL: 'https://beian.example.cn' })).toBe(true);
    expect(hstsEnabled({ PUBLIC_BASE_URL: 'https://beian.example.cn' })).toBe(true);
    expect(hstsEnabled({ NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(hstsEnabled({})).toBe(false);
  });

  it('the proxy gives every page a fresh nonce in the request (for Next.js) and the response, and HSTS over https', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    const first = proxy(new NextRequest('http://localhost:3000/'));
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(first.headers.get('strict-transport-security')).toBeNull();
    const second = proxy(new NextRequest('http://localhost:3000/query'));
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);

    process.env.NEXTAUTH_URL = 'https://beian.example.cn';
    expect(proxy(new NextRequest('https://beian.example.cn/login')).headers.get('strict-transport-security')).toBe(HSTS);
  });

  it('leaves route handlers and the badge their own CSP without scripts (next.config.mjs): no page nonce, HSTS all the same', () => {
    process.env.NEXTAUTH_URL = 'https://beian.example.cn';
    for (const path of ['/api/health', '/api/files/1', '/badge.png', '/badge@2x.png', '/_next/image?url=x']) {
      const res = proxy(new NextRequest(`https://beian.example.cn${path}`));
      expect(res.headers.get('content-security-policy'), path).toBeNull();
      expect(res.headers.get('x-middleware-request-content-security-policy'), path).toBeNull();
      expect(res.headers.get('strict-transport-security'), path).toBe(HSTS);
    }
    // A page whose name merely starts alike is a page.
    expect(proxy(new NextRequest('https://beian.example.cn/badges')).headers.get('content-security-policy')).toContain("'nonce-");
  });

  it('still sends signed-out visitors of private areas to /login', () => {
    const res = proxy(new NextRequest('http://localhost:3000/my/websites?x=1'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Fmy%2Fwebsites%3Fx%3D1');
  });
});
