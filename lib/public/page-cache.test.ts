import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDb } from '@/db/client';
import { appMeta } from '@/db/schema';
import { dataDir } from '@/lib/config/env';
import { SharedRateLimiter } from './rate-limit';
import {
  clearPageCache,
  dataVersion,
  freshPage,
  KEY_HEADER,
  MAX_AGE_MS,
  MAX_BYTES,
  MAX_ENTRIES,
  nonceOfCsp,
  pageCacheKey,
  pageStore,
  recordPage,
  storePage,
  VERSION_HEADER,
  withNonce,
} from './page-cache.mjs';

const headers = (h: Record<string, string> = {}) => ({ get: (name: string) => h[name] ?? null });
const page = (html: string, version: number, at?: number) => ({ html, nonce: 'N0nce==', headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', 'set-cookie': 'x=1', 'content-length': '9' }, version, at });

afterEach(() => clearPageCache());

describe('pageCacheKey: which requests may be answered from the cache', () => {
  it('takes GETs of /, /query, /query/{备案号} and the look-up API by visitors without a session', () => {
    expect(pageCacheKey('GET', '/', '', headers())).toBe('/');
    expect(pageCacheKey('GET', '/api/public/filings', '?name=%E4%BA%91%E5%B8%86', headers())).toBe('/api/public/filings?name=%E4%BA%91%E5%B8%86');
    expect(pageCacheKey('GET', '/query', '?q=%E4%BA%91%E5%B8%86&page=2', headers())).toBe('/query?q=%E4%BA%91%E5%B8%86&page=2');
    expect(pageCacheKey('GET', '/query/11010502000001', '', headers({ cookie: 'theme=dark; next-auth.csrf-token=abc' }))).toBe('/query/11010502000001');
  });

  it('never a signed-in visitor, the client router, another method or another page', () => {
    for (const cookie of ['next-auth.session-token=abc', 'a=1; __Secure-next-auth.session-token=abc', '__Secure-next-auth.session-token.0=abc'])
      expect(pageCacheKey('GET', '/', '', headers({ cookie }))).toBeNull();
    expect(pageCacheKey('GET', '/query/11010502000001', '', headers({ rsc: '1' }))).toBeNull();
    expect(pageCacheKey('GET', '/query', '?q=a&_rsc=x1', headers())).toBeNull();
    expect(pageCacheKey('GET', '/', '', headers({ 'next-router-prefetch': '1' }))).toBeNull();
    expect(pageCacheKey('POST', '/', '', headers({ 'next-action': 'abc' }))).toBeNull();
    expect(pageCacheKey('HEAD', '/', '', headers())).toBeNull();
    for (const p of ['/my', '/review', '/login', '/notices', '/query/1/2', '/api/public/filings/11010502000001/icon', '/api/health'])
      expect(pageCacheKey('GET', p, '', headers())).toBeNull();
  });
});

describe('dataVersion: every commit to app.db, and nothing else, makes cached pages stale', () => {
  it('changes when the app commits, not on reads nor on the rate limit (scratch.db)', () => {
    const db = getDb();
    const v0 = dataVersion(dataDir());
    db.select().from(appMeta).all();
    new SharedRateLimiter(5).hit('203.0.113.9');
    expect(dataVersion(dataDir())).toBe(v0);
    db.insert(appMeta).values({ key: 'page-cache-test', value: '1' }).run();
    const v1 = dataVersion(dataDir());
    expect(v1).not.toBe(v0);
    expect(dataVersion(dataDir())).toBe(v1);
  });

  it('is null (nothing cached) where app.db cannot be read', () => {
    expect(dataVersion('/nonexistent-wlba-dir')).toBeNull();
  });
});

describe('the store', () => {
  it('gives a page back only at the version it was rendered at and for MAX_AGE_MS, without per-response headers', () => {
    const now = Date.now();
    storePage('/', page('<p>首页</p>', 7, now));
    expect(freshPage('/', 7, now + 1000)).toMatchObject({ html: '<p>首页</p>', version: 7, headers: [['content-type', 'text/html; charset=utf-8'], ['x-frame-options', 'DENY']] });
    expect(freshPage('/', 8, now + 1000)).toBeNull();
    // A stale entry is dropped, not kept for later.
    expect(freshPage('/', 7, now + 1000)).toBeNull();
    storePage('/', page('<p>首页</p>', 7, now));
    expect(freshPage('/', 7, now + MAX_AGE_MS)).toBeNull();
    expect(pageStore().bytes).toBe(0);
  });

  it('drops the oldest pages beyond MAX_BYTES, counting two bytes a character', () => {
    const big = '备'.repeat(MAX_BYTES / 2 / 4);
    for (let i = 0; i < 5; i++) storePage(`/query/${i}`, page(big, 1));
    expect(pageStore().bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(pageStore().entries.size).toBe(4);
    expect(freshPage('/query/0', 1)).toBeNull();
    expect(freshPage('/query/4', 1)).not.toBeNull();
  });

  it('drops the least recently used pages beyond MAX_ENTRIES', () => {
    for (let i = 0; i <= MAX_ENTRIES; i++) storePage(`/query/${i}`, page(`<p>${i}</p>`, 1));
    expect(pageStore().entries.size).toBe(MAX_ENTRIES);
    expect(freshPage('/query/0', 1)).toBeNull();
    // Using /query/1 makes /query/2 the oldest.
    expect(freshPage('/query/1', 1)).not.toBeNull();
    storePage('/query/new', page('<p>new</p>', 1));
    expect(freshPage('/query/2', 1)).toBeNull();
    expect(freshPage('/query/1', 1)).not.toBeNull();
  });

  it('puts the response’s own nonce everywhere the rendering one was (attributes and the RSC payload)', () => {
    const html = '<script nonce="N0nce==">a</script><link nonce="N0nce=="/><script>self.__next_f.push([1,"{\\"nonce\\":\\"N0nce==\\"}"])</script>';
    storePage('/', { ...page(html, 1), nonce: nonceOfCsp("script-src 'self' 'nonce-N0nce==' 'strict-dynamic'") });
    const out = withNonce(freshPage('/', 1)!, 'Fresh+1==');
    expect(out).not.toContain('N0nce==');
    expect(out.match(/Fresh\+1==/g)).toHaveLength(3);
  });
});

describe('recordPage (scripts/server.mjs)', () => {
  async function serve(handler: (res: http.ServerResponse) => void) {
    const server = http.createServer((_req, res) => {
      recordPage(res);
      handler(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`);
    const body = await res.text();
    server.close();
    return { res, body };
  }

  it('keeps a marked 200 HTML page as it goes out, and the visitor never sees the marks', async () => {
    const { res, body } = await serve((res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', "script-src 'self' 'nonce-Abc=' 'strict-dynamic'");
      res.setHeader(VERSION_HEADER, '42');
      res.setHeader(KEY_HEADER, encodeURIComponent('/query?q=云帆'));
      res.write('<html><script nonce="Abc=">');
      res.end('</script>备案</html>');
    });
    expect(body).toBe('<html><script nonce="Abc="></script>备案</html>');
    expect(res.headers.get(VERSION_HEADER)).toBeNull();
    expect(res.headers.get(KEY_HEADER)).toBeNull();
    expect(freshPage('/query?q=云帆', 42)).toMatchObject({ html: body, nonce: 'Abc=', version: 42 });
  });

  it('keeps the look-up API’s JSON too (it has no nonce)', async () => {
    await serve((res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader(VERSION_HEADER, '3');
      res.setHeader(KEY_HEADER, encodeURIComponent('/api/public/filings?name=a'));
      res.end('{"total":0,"items":[]}');
    });
    expect(freshPage('/api/public/filings?name=a', 3)).toMatchObject({ html: '{"total":0,"items":[]}', nonce: null, headers: [['content-type', 'application/json'], ['access-control-allow-origin', '*']] });
  });

  it('keeps nothing unmarked, not 200, with cookies, compressed or of another type', async () => {
    const mark = (res: http.ServerResponse, key: string) => {
      res.setHeader('content-type', 'text/html');
      res.setHeader(VERSION_HEADER, '1');
      res.setHeader(KEY_HEADER, key);
    };
    await serve((res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<p>unmarked</p>');
    });
    await serve((res) => {
      mark(res, '%2Fa');
      res.statusCode = 404;
      res.end('<p>404</p>');
    });
    await serve((res) => {
      mark(res, '%2Fb');
      res.setHeader('set-cookie', 'a=1');
      res.end('<p>cookie</p>');
    });
    await serve((res) => {
      mark(res, '%2Fc');
      res.setHeader('content-encoding', 'gzip');
      res.end('x');
    });
    await serve((res) => {
      mark(res, '%2Fd');
      res.setHeader('content-type', 'image/png');
      res.end('png');
    });
    expect(pageStore().entries.size).toBe(0);
  });
});
