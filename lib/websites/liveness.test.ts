import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websiteChecks } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from './service';
import { checkLiveness, recordLiveness, latestLiveness, isPublicAddress, PRIVATE_ADDRESS_ERROR, MAX_BODY_BYTES } from './liveness';

// Everything here talks to 127.0.0.1 only: no real network.
let server: http.Server;
let port: number;
let closedPort: number;
let redirects = 0;
let bigBodyBytes = 0;

function listen(s: http.Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

beforeAll(async () => {
  seedUnits();
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/' && req.headers.host?.startsWith('big.')) {
      // An endless body: the probe must stop reading after 1 MB.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) bigBodyBytes += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (path === '/' && req.headers.host?.startsWith('slow.')) return; // never answers
    const step = path === '/' ? 0 : Number(path.slice(1));
    if (step < redirects) {
      res.writeHead(302, { location: `/${step + 1}` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<title>在线</title>');
  });
  port = await listen(server);
  const tmp = http.createServer();
  closedPort = await listen(tmp);
  await new Promise((r) => tmp.close(r));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

afterEach(() => {
  delete process.env.WLBA_ALLOW_PRIVATE_FETCH;
  redirects = 0;
});

const toLocal = async () => [{ address: '127.0.0.1', family: 4 }];

describe('checkLiveness', () => {
  it('a site answering on 127.0.0.1 is alive (WLBA_ALLOW_PRIVATE_FETCH=1)', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const r = await checkLiveness('127.0.0.1', { ports: { http: port, https: closedPort } });
    expect(r.alive).toBe(true);
    expect(r.http).toMatchObject({ ok: true, status: 200 });
    expect(r.http.error).toBeUndefined();
    expect(r.https).toMatchObject({ ok: false, error: '连接被拒绝' });
    expect(r.http.ms).toBeGreaterThanOrEqual(0);
  });

  it('HTTPS against a plain-HTTP port is a TLS failure, not a response', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const r = await checkLiveness('127.0.0.1', { ports: { http: closedPort, https: port } });
    expect(r.https.ok).toBe(false);
    expect(r.https.error).toBe('TLS握手失败');
    expect(r.alive).toBe(false);
  });

  it('a closed port is not alive', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const r = await checkLiveness('127.0.0.1', { ports: { http: closedPort, https: closedPort } });
    expect(r).toMatchObject({ alive: false, http: { ok: false, error: '连接被拒绝' }, https: { ok: false, error: '连接被拒绝' } });
  });

  it('refuses 127.0.0.1 without the development setting, by address and by name', async () => {
    const direct = await checkLiveness('127.0.0.1', { ports: { http: port, https: port } });
    expect(direct).toMatchObject({ alive: false, http: { ok: false, error: PRIVATE_ADDRESS_ERROR }, https: { ok: false, error: PRIVATE_ADDRESS_ERROR } });
    expect(PRIVATE_ADDRESS_ERROR).toBe('不允许访问内网地址');
    const byName = await checkLiveness('www.example-site.cn', { lookup: toLocal, ports: { http: port, https: port } });
    expect(byName.http.error).toBe(PRIVATE_ADDRESS_ERROR);
    // One private address among public ones is enough to refuse.
    const mixed = await checkLiveness('www.example-site.cn', {
      lookup: async () => [
        { address: '47.93.12.8', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ],
    });
    expect(mixed.http.error).toBe(PRIVATE_ADDRESS_ERROR);
  });

  it('classifies addresses with ipaddr.js ranges', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '240.0.0.1', '224.0.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::'])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['47.93.12.8', '114.114.114.114', '2400:3200::1']) expect(isPublicAddress(a), a).toBe(true);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });

  it('follows at most 3 redirects', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    redirects = 3;
    const three = await checkLiveness('127.0.0.1', { ports: { http: port, https: closedPort } });
    expect(three.http).toMatchObject({ ok: true, status: 200 });
    redirects = 4;
    const four = await checkLiveness('127.0.0.1', { ports: { http: port, https: closedPort } });
    expect(four.http).toMatchObject({ ok: true, status: 302, error: '重定向次数过多' });
    expect(four.alive).toBe(true);
  });

  it('reads at most 1 MB of the body', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    bigBodyBytes = 0;
    const r = await checkLiveness('big.example-site.cn', { lookup: toLocal, ports: { http: port, https: closedPort } });
    expect(r.http).toMatchObject({ ok: true, status: 200 });
    expect(r.http.ms).toBeLessThan(4_000);
    // The server keeps writing until the probe hangs up; kernel buffers allow a few MB more.
    expect(bigBodyBytes).toBeLessThan(MAX_BODY_BYTES + 16 * 1024 * 1024);
  });

  it('gives up after the timeout', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const r = await checkLiveness('slow.example-site.cn', { lookup: toLocal, timeoutMs: 300, ports: { http: port, https: closedPort } });
    expect(r.http).toMatchObject({ ok: false, error: '连接超时' });
    expect(r.http.ms).toBeGreaterThanOrEqual(250);
    expect(r.http.ms).toBeLessThan(3_000);
  });

  it('reports a name that does not resolve, and a malformed one', async () => {
    const r = await checkLiveness('nowhere.example-site.cn', {
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    expect(r).toMatchObject({ alive: false, http: { ok: false, error: '域名无法解析' }, https: { ok: false, error: '域名无法解析' } });
    const bad = await checkLiveness('evil.cn/@127.0.0.1');
    expect(bad).toMatchObject({ alive: false, http: { error: '域名格式不正确' } });
  });
});

describe('recordLiveness', () => {
  async function filedWebsite() {
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    return submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id)).websiteId;
  }
  const rows = (websiteId: number) => getDb().select().from(websiteChecks).where(eq(websiteChecks.websiteId, websiteId)).all();

  it('stores one liveness row per run: ok = no domain answers any more', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const websiteId = await filedWebsite();
    const asked: string[] = [];
    const lookup = async (host: string) => {
      asked.push(host);
      return toLocal();
    };
    const alive = await recordLiveness(websiteId, { lookup, ports: { http: port, https: closedPort } });
    expect(asked).toEqual([expect.stringMatching(/^www\.site\d+\.com\.cn$/)]);
    expect(alive.ok).toBe(false);
    expect(alive.results[0]).toMatchObject({ host: asked[0], alive: true, http: { ok: true, status: 200 } });

    const closed = await recordLiveness(websiteId, { lookup, ports: { http: closedPort, https: closedPort } });
    expect(closed.ok).toBe(true);
    const stored = rows(websiteId);
    expect(stored.map((r) => [r.kind, r.ok])).toEqual([
      ['liveness', false],
      ['liveness', true],
    ]);
    expect((stored[0].detail as { results: unknown[] }).results).toEqual(alive.results);
    expect(latestLiveness(websiteId)).toMatchObject({ ok: true, error: null, results: closed.results });
  });

  it('refuses an unknown website', async () => {
    await expect(recordLiveness(999_999)).rejects.toThrow('网站不存在');
  });
});
