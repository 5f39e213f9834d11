/**
 * 注销网站 liveness check (SPEC §4.3, "网站注销必须保证网站已经处于关闭状态"): does each
 * domain still answer over HTTP or HTTPS? The reviewer sees the stored result.
 *
 * The host names come from applicants, so this is an SSRF surface: every name is resolved
 * first, a name with any private / loopback / link-local / CGNAT / reserved address is
 * refused, and the connection goes to the address that was checked (no second lookup). The
 * placement check (placement.ts) reads home pages through the same fetcher (fetchHomePages).
 */
import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websiteChecks, websiteDomains, websites } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { LivenessDetail } from './types';

export type Probe = { ok: boolean; status?: number; error?: string; ms: number };
export type LivenessResult = { host: string; http: Probe; https: Probe; alive: boolean };
export type ResolvedAddress = { address: string; family: number };

export type LivenessOptions = {
  /** Whole-probe time limit, redirects included (default 5 s). */
  timeoutMs?: number;
  /** Name resolution (default `dns.promises.lookup(host, { all: true })`); tests point names at 127.0.0.1. */
  lookup?: (host: string) => Promise<ResolvedAddress[]>;
  /** Ports to probe (default 80 / 443); tests use a local server's port. */
  ports?: { http?: number; https?: number };
};

export const PRIVATE_ADDRESS_ERROR = '不允许访问内网地址';
export const LIVENESS_TIMEOUT_MS = 5_000;
export const MAX_REDIRECTS = 3;
export const MAX_BODY_BYTES = 1024 * 1024;
// Header values must be Latin-1: the agent names itself in ASCII.
const USER_AGENT = 'WLBA-Liveness/1.0 (website cancellation check)';
const PLACEMENT_USER_AGENT = 'WLBA-Placement/1.0 (filing number placement check)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * WLBA_ALLOW_PRIVATE_FETCH=1 lets the check reach private and loopback addresses. Only for
 * development and tests (a site on 127.0.0.1); never set it on a server facing applicants.
 */
function privateAllowed(): boolean {
  return process.env.WLBA_ALLOW_PRIVATE_FETCH === '1';
}

/** Public unicast only; an IPv4-mapped IPv6 address is judged as the IPv4 address it carries. */
export function isPublicAddress(address: string): boolean {
  try {
    let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address.replace(/%.*$/, ''));
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    return ip.range() === 'unicast';
  } catch {
    return false;
  }
}

class ProbeError extends Error {}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;

function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(h) || HOST_NAME.test(h)) return h;
  throw new ProbeError('域名格式不正确');
}

function withTimeout<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new ProbeError('连接超时'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ProbeError('连接超时'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const defaultLookup = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** The host's addresses, all of them public (unless private fetches are allowed). */
async function resolvePublic(host: string, lookup: LivenessOptions['lookup'], signal: AbortSignal): Promise<ResolvedAddress> {
  const family = net.isIP(host);
  let addresses: ResolvedAddress[];
  if (family) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await withTimeout((lookup ?? defaultLookup)(host), signal);
    } catch (e) {
      if (e instanceof ProbeError) throw e;
      throw new ProbeError('域名无法解析');
    }
  }
  if (!addresses.length) throw new ProbeError('域名无法解析');
  if (!privateAllowed() && addresses.some((a) => !isPublicAddress(a.address))) throw new ProbeError(PRIVATE_ADDRESS_ERROR);
  return addresses[0];
}

function describeError(e: unknown): string {
  if (e instanceof ProbeError) return e.message;
  const err = e as NodeJS.ErrnoException & { name?: string };
  if (err?.name === 'AbortError' || err?.code === 'ABORT_ERR') return '连接超时';
  switch (err?.code) {
    case 'ECONNREFUSED':
      return '连接被拒绝';
    case 'ECONNRESET':
    case 'EPIPE':
      return '连接被重置';
    case 'ETIMEDOUT':
      return '连接超时';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return '网络不可达';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return '域名无法解析';
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_VERSION':
      return '响应不是HTTP协议';
  }
  if (err?.code?.startsWith('ERR_SSL') || err?.code === 'EPROTO' || /ssl|tls/i.test(err?.message ?? '')) return 'TLS握手失败';
  return `请求失败（${err?.code ?? err?.message ?? '未知错误'}）`;
}

type Answer = { status: number; location: string | null; contentType: string | null; body?: Buffer; truncated?: boolean };

/**
 * One GET to the checked address; resolves with the status once the body is read (at most 1 MB).
 * With `collect` the body of a non-redirect answer is kept (the placement check reads it).
 */
function getOnce(url: URL, to: ResolvedAddress, signal: AbortSignal, userAgent: string, collect: boolean): Promise<Answer> {
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: to.address,
        family: to.family,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { Host: url.host, 'User-Agent': userAgent, Accept: '*/*', Connection: 'close' },
        agent: false,
        signal,
        // SNI carries the name (never an address); a broken certificate still means the site answers.
        ...(secure ? { servername: net.isIP(hostname) ? undefined : hostname, rejectUnauthorized: false } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null;
        const keep = collect && !(REDIRECTS.has(status) && location);
        const chunks: Buffer[] = [];
        let read = 0;
        const done = () => resolve(keep ? { status, location, contentType, body: Buffer.concat(chunks), truncated: read >= MAX_BODY_BYTES } : { status, location, contentType });
        res.on('data', (chunk: Buffer) => {
          if (keep && read < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - read));
          read += chunk.length;
          if (read >= MAX_BODY_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        // The site answered; a body cut short (timeout, reset) does not change that.
        res.on('error', done);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A probe that also carries the final page (placement check): body ≤ 1 MB, its Content-Type and URL. */
export type PageProbe = Probe & { body?: Buffer; contentType?: string | null; truncated?: boolean; url?: string };

type Mode = { collect: boolean; userAgent: string };

async function probe(first: URL, firstAddress: Promise<ResolvedAddress>, opts: LivenessOptions, mode: Mode): Promise<PageProbe> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? LIVENESS_TIMEOUT_MS);
  let status: number | undefined;
  try {
    let url = first;
    let address = await withTimeout(firstAddress, controller.signal);
    for (let hop = 0; ; hop++) {
      const res = await getOnce(url, address, controller.signal, mode.userAgent, mode.collect);
      status = res.status;
      if (!REDIRECTS.has(res.status) || !res.location) {
        if (!mode.collect) return { ok: true, status, ms: ms() };
        return { ok: true, status, ms: ms(), body: res.body, contentType: res.contentType, truncated: res.truncated, url: url.href };
      }
      if (hop >= MAX_REDIRECTS) return { ok: true, status, error: '重定向次数过多', ms: ms() };
      const next = new URL(res.location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ok: true, status, error: '重定向到非HTTP地址', ms: ms() };
      if (next.hostname !== url.hostname) address = await resolvePublic(normalizeHost(next.hostname), opts.lookup, controller.signal);
      url = next;
    }
  } catch (e) {
    const error = controller.signal.aborted ? '连接超时' : describeError(e);
    return status === undefined ? { ok: false, error, ms: ms() } : { ok: true, status, error, ms: ms() };
  } finally {
    clearTimeout(timer);
  }
}

/** http://host/ and https://host/, one lookup for both, each under its own time limit. */
async function probeBoth(host: string, opts: LivenessOptions, mode: Mode): Promise<{ host: string; http: PageProbe; https: PageProbe }> {
  let name: string;
  try {
    name = normalizeHost(host);
  } catch (e) {
    const failed: Probe = { ok: false, error: describeError(e), ms: 0 };
    return { host, http: failed, https: { ...failed } };
  }
  // One lookup for both probes, bounded by the probes' own timers.
  const dnsController = new AbortController();
  const dnsTimer = setTimeout(() => dnsController.abort(), opts.timeoutMs ?? LIVENESS_TIMEOUT_MS);
  const address = resolvePublic(name, opts.lookup, dnsController.signal);
  address.catch(() => {}).finally(() => clearTimeout(dnsTimer));
  const literal = net.isIP(name) === 6 ? `[${name}]` : name;
  const at = (scheme: 'http' | 'https', port: number | undefined) => new URL(`${scheme}://${literal}${port ? `:${port}` : ''}/`);
  const [httpProbe, httpsProbe] = await Promise.all([probe(at('http', opts.ports?.http), address, opts, mode), probe(at('https', opts.ports?.https), address, opts, mode)]);
  return { host: name, http: httpProbe, https: httpsProbe };
}

/**
 * Requests http://host/ and https://host/ (5 s each, at most 3 redirects, at most 1 MB of
 * body). `alive` = either got an HTTP response, whatever its status.
 */
export async function checkLiveness(host: string, opts: LivenessOptions = {}): Promise<LivenessResult> {
  const r = await probeBoth(host, opts, { collect: false, userAgent: USER_AGENT });
  return { host: r.host, http: r.http, https: r.https, alive: r.http.ok || r.https.ok };
}

/**
 * The home pages http://host/ and https://host/ with their bodies (placement check, SPEC §10.3),
 * under the same guards as the liveness check: public addresses only, 5 s, 3 redirects, 1 MB.
 */
export function fetchHomePages(host: string, opts: LivenessOptions = {}): Promise<{ host: string; http: PageProbe; https: PageProbe }> {
  return probeBoth(host, opts, { collect: true, userAgent: PLACEMENT_USER_AGENT });
}

export type LivenessRecord = { websiteId: number; ok: boolean; results: LivenessResult[]; checkedAt: number };

/** Probes every host (in parallel): ok = none answers any more. Any object with domains uses it. */
export async function checkClosed(hosts: string[], opts: LivenessOptions = {}): Promise<{ ok: boolean; results: LivenessResult[] }> {
  const results = await Promise.all(hosts.map((h) => checkLiveness(h, opts)));
  return { ok: results.every((r) => !r.alive), results };
}

/** A stored liveness row as the reviewer reads it. */
export function livenessView(row: { ok: boolean; detail: LivenessDetail | Record<string, unknown>; checkedAt: number }) {
  const detail = row.detail as LivenessDetail;
  return { ok: row.ok, checkedAt: row.checkedAt, results: detail.results ?? [], error: detail.error ?? null };
}

/**
 * Checks every domain of a website and stores one `website_checks` row (kind 'liveness'):
 * ok = no domain answers any more, detail = the probes.
 */
export async function recordLiveness(websiteId: number, opts: LivenessOptions = {}): Promise<LivenessRecord> {
  const db = getDb();
  if (!db.select({ id: websites.id }).from(websites).where(eq(websites.id, websiteId)).get()) throw new AppError('not_found', '网站不存在');
  const domains = db.select({ ascii: websiteDomains.ascii }).from(websiteDomains).where(eq(websiteDomains.websiteId, websiteId)).all();
  const { ok, results } = await checkClosed(domains.map((d) => d.ascii), opts);
  const record: LivenessRecord = { websiteId, ok, results, checkedAt: Date.now() };
  db.insert(websiteChecks).values({ websiteId, kind: 'liveness', ok: record.ok, detail: { results }, checkedAt: record.checkedAt }).run();
  return record;
}

/** The newest liveness check of a website (for the reviewer), or null. */
export function latestLiveness(websiteId: number) {
  const row = getDb()
    .select({ ok: websiteChecks.ok, detail: websiteChecks.detail, checkedAt: websiteChecks.checkedAt })
    .from(websiteChecks)
    .where(and(eq(websiteChecks.websiteId, websiteId), eq(websiteChecks.kind, 'liveness')))
    .orderBy(desc(websiteChecks.checkedAt), desc(websiteChecks.id))
    .get();
  if (!row) return null;
  // Rows of kind 'liveness' hold a LivenessDetail.
  return livenessView({ ...row, detail: 'trigger' in row.detail ? {} : row.detail });
}
