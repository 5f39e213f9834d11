/**
 * Per-IP rate limit of the public query page and API (SPEC §10.2): a token bucket per client
 * address, `limit` requests per minute with bursts up to `limit`. In memory: one Node process
 * serves the app; a restart forgets the buckets, which only ever lets a client in sooner.
 *
 * WLBA_PUBLIC_RATE_LIMIT sets requests per minute per IP (default 60; 0 turns the limit off).
 */
import { OFFICE_NAME, PLATFORM_NAME } from '@/lib/site/config';
import { escapeHtml } from './snippet';
import { clientIp } from '@/lib/http/client-ip';

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export class RateLimiter {
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
    const tokens = b ? Math.min(this.limit, b.tokens + (t - b.at) * this.perMs) : this.limit;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    if (!b && this.buckets.size >= this.maxKeys) this.prune(t);
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    return { ok: true, remaining: Math.floor(tokens - 1) };
  }

  /** Drops buckets that have refilled (they are the same as no bucket). */
  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.limit) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
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

const globalForLimiter: { __wlbaPublicLimiter?: RateLimiter } = globalThis as object;

/** The process-wide limiter for /query and /api/public (limit read from the environment once). */
export function publicLimiter(): RateLimiter {
  return (globalForLimiter.__wlbaPublicLimiter ??= new RateLimiter(configuredLimit()));
}

/** null when the request may go on; the 429 response otherwise. */
export function limitPublicRequest(headers: Headers, pathname: string, limiter = publicLimiter()): Response | null {
  const d = limiter.hit(clientIp(headers) ?? 'unknown');
  return d.ok ? null : tooManyResponse(d.retryAfterSeconds, pathname.startsWith('/api/'));
}
