/**
 * Per-IP rate limit of the public query page and API (SPEC §10.2): a token bucket per client
 * address, `limit` requests per minute with bursts up to `limit`. The buckets live in SQLite
 * (rate_buckets of DATA_DIR/scratch.db, db/scratch.ts), so every worker of an instance (WEB_CONCURRENCY) draws on the same
 * budget; RateLimiter keeps them in memory for one process (tests, tools).
 *
 * WLBA_PUBLIC_RATE_LIMIT sets requests per minute per IP (default 60; 0 turns the limit off).
 */
import type Database from 'better-sqlite3';
import { scratchDb } from '@/db/scratch';
import { OFFICE_NAME, PLATFORM_NAME } from '@/lib/site/config';
import { escapeHtml } from './snippet';
import { clientIp } from '@/lib/http/client-ip';

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

/** Anything that takes one request from a key's bucket. */
export type Limiter = { hit(key: string): RateDecision };

/** One request against bucket `b` (none: full) at time `t`: the decision and the bucket after it. */
export function takeToken(b: Bucket | undefined, t: number, limit: number, perMs: number): { decision: RateDecision; bucket: Bucket } {
  const tokens = b ? Math.min(limit, b.tokens + (t - b.at) * perMs) : limit;
  if (tokens < 1) return { decision: { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) }, bucket: { tokens, at: t } };
  return { decision: { ok: true, remaining: Math.floor(tokens - 1) }, bucket: { tokens: tokens - 1, at: t } };
}

export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {
    this.perMs = limit / windowMs;
  }

  /** Addresses currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one request from `key`'s bucket. */
  hit(key: string): RateDecision {
    if (this.limit <= 0) return { ok: true, remaining: Infinity };
    const t = this.now();
    const b = this.buckets.get(key);
    const { decision, bucket } = takeToken(b, t, this.limit, this.perMs);
    if (decision.ok && !b && this.buckets.size >= this.maxKeys) this.prune(t);
    this.buckets.set(key, bucket);
    return decision;
  }

  /** Drops buckets that have refilled (they are the same as no bucket). */
  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.limit) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/**
 * The same buckets in SQLite: one read and one upsert in an IMMEDIATE transaction, so two
 * workers hitting one address at once serialise on the write lock and never both spend its
 * last token.
 */
export class SharedRateLimiter implements Limiter {
  private readonly perMs: number;
  private statements: { db: Database.Database; take: (key: string, t: number) => RateDecision } | null = null;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly db: () => Database.Database = scratchDb,
  ) {
    this.perMs = limit / windowMs;
  }

  private prepared(): (key: string, t: number) => RateDecision {
    const db = this.db();
    if (this.statements?.db === db) return this.statements.take;
    const read = db.prepare<[string], Bucket>('SELECT tokens, at FROM rate_buckets WHERE key = ?');
    const write = db.prepare<[string, number, number]>('INSERT INTO rate_buckets (key, tokens, at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET tokens = excluded.tokens, at = excluded.at');
    const take = db.transaction((key: string, t: number): RateDecision => {
      const { decision, bucket } = takeToken(read.get(key), t, this.limit, this.perMs);
      write.run(key, bucket.tokens, bucket.at);
      return decision;
    }).immediate;
    this.statements = { db, take };
    return take;
  }

  hit(key: string): RateDecision {
    if (this.limit <= 0) return { ok: true, remaining: Infinity };
    return this.prepared()(key, this.now());
  }
}

/** Deletes buckets untouched for a window (they have refilled: the same as no bucket); hourly job. */
export function pruneRateBuckets(now = Date.now(), windowMs = 60_000): number {
  return scratchDb().prepare('DELETE FROM rate_buckets WHERE at < ?').run(now - windowMs).changes;
}

export function configuredLimit(): number {
  const raw = process.env.WLBA_PUBLIC_RATE_LIMIT;
  const n = raw === undefined || raw === '' ? 60 : Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 60;
}

export const TOO_MANY_MESSAGE = '查询过于频繁，请稍后再试';

/** The 429 answer: JSON for the API (with open CORS), a plain Chinese page otherwise. */
export function tooManyResponse(retryAfterSeconds: number, api: boolean): Response {
  const headers: Record<string, string> = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  if (api) {
    return Response.json(
      { error: TOO_MANY_MESSAGE, retryAfter: retryAfterSeconds },
      { status: 429, headers: { ...headers, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' } },
    );
  }
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>查询过于频繁 - ${PLATFORM_NAME}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif;background:#f5f7fa;color:#1f2937;margin:0}
main{max-width:32rem;margin:12vh auto;padding:2rem;background:#fff;border:1px solid #e5e7eb;border-radius:.75rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#4b5563;line-height:1.7;margin:.5rem 0}a{color:#1d4ed8}</style></head>
<body><main><h1>查询过于频繁</h1>
<p>您在短时间内提交的查询次数过多，为保障公共查询服务的正常运行，请在 <strong>${retryAfterSeconds}</strong> 秒后重试。</p>
<p><a href="/">返回首页</a></p>
<p style="font-size:.8rem">${escapeHtml(PLATFORM_NAME)} · ${escapeHtml(OFFICE_NAME)}</p></main></body></html>`;
  // A static page: no script at all, its one inline <style> allowed.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return new Response(html, { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp } });
}

const globalForLimiter: { __wlbaPublicLimiter?: Limiter } = globalThis as object;

/** The instance-wide limiter for /query and /api/public (limit read from the environment once). */
export function publicLimiter(): Limiter {
  return (globalForLimiter.__wlbaPublicLimiter ??= new SharedRateLimiter(configuredLimit()));
}

/** null when the request may go on; the 429 response otherwise. */
export function limitPublicRequest(headers: Headers, pathname: string, limiter: Limiter = publicLimiter()): Response | null {
  const d = limiter.hit(clientIp(headers) ?? 'unknown');
  return d.ok ? null : tooManyResponse(d.retryAfterSeconds, pathname.startsWith('/api/'));
}
