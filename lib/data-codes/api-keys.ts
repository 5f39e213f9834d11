/**
 * API密钥 of a provider account (SPEC §8.1): `wlba_` and 32 random base64url characters, shown
 * once; only its SHA-256 (hex) is kept, with the first 10 characters to tell keys apart. A key
 * answers for its account while it is 启用, the account is still role provider and not disabled.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { providerApiKeys, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { lockedUntil, recordFailure } from '@/lib/auth/throttle';
import { nameText } from '@/lib/validation/text';
import { issuingProvider, NOT_LINKED } from './service';

export const API_KEY_PREFIX = 'wlba_';
export const KEY_PREFIX_LENGTH = 10;
/** What every refused key hears (missing, malformed, unknown, 停用, account disabled): nothing to tell them apart. */
export const BAD_KEY = 'API密钥无效或已停用';
export const RATE_LIMITED = '请求过于频繁，请稍后重试';
export const API_RATE_WINDOW_MS = 60_000;
const KEY_PATTERN = /^wlba_[A-Za-z0-9_-]{32}$/;

/** The 名称 of a key (label 对接系统 on the form). */
export const apiKeySchema = z.object({ label: nameText('对接系统', 30).refine((v) => v.trim() !== '', '请填写对接系统') });
export type ApiKeyInput = z.input<typeof apiKeySchema>;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(24).toString('base64url');
}

/** 创建API密钥: refused (as 签发) when the account acts for no provider. The key is in the answer only. */
export function createApiKey(userId: number, input: unknown, now = Date.now()): { id: number; key: string; prefix: string; label: string } {
  if (!issuingProvider(userId)) throw new AppError('forbidden', NOT_LINKED);
  const parsed = apiKeySchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', '请检查填写的信息', { label: parsed.error.issues[0].message });
  const label = parsed.data.label.trim();
  const key = generateApiKey();
  const prefix = key.slice(0, KEY_PREFIX_LENGTH);
  return getDb().transaction((tx) => {
    const row = tx.insert(providerApiKeys).values({ userId, keyHash: hashApiKey(key), keyPrefix: prefix, label, createdAt: now }).returning({ id: providerApiKeys.id }).get();
    writeAudit({ actorId: userId, action: 'provider_api_key.create', objectType: 'provider_api_key', objectId: row.id, before: null, after: { label, prefix } }, tx);
    return { id: row.id, key, prefix, label };
  });
}

export type ApiKeyRow = { id: number; label: string; keyPrefix: string; createdAt: number; lastUsedAt: number | null; revokedAt: number | null; status: '启用' | '已停用' };

export function listApiKeys(userId: number): ApiKeyRow[] {
  return getDb()
    .select({ id: providerApiKeys.id, label: providerApiKeys.label, keyPrefix: providerApiKeys.keyPrefix, createdAt: providerApiKeys.createdAt, lastUsedAt: providerApiKeys.lastUsedAt, revokedAt: providerApiKeys.revokedAt })
    .from(providerApiKeys)
    .where(eq(providerApiKeys.userId, userId))
    .orderBy(desc(providerApiKeys.createdAt), desc(providerApiKeys.id))
    .all()
    .map((r) => ({ ...r, status: r.revokedAt == null ? '启用' : '已停用' }));
}

/** 停用: the key no longer answers, for good. Only the account's own key. */
export function revokeApiKey(userId: number, keyId: number, now = Date.now()) {
  getDb().transaction((tx) => {
    const k = tx.select().from(providerApiKeys).where(and(eq(providerApiKeys.id, keyId), eq(providerApiKeys.userId, userId))).get();
    if (!k) throw new AppError('not_found', 'API密钥不存在');
    if (k.revokedAt != null) return;
    tx.update(providerApiKeys).set({ revokedAt: now }).where(eq(providerApiKeys.id, keyId)).run();
    writeAudit({ actorId: userId, action: 'provider_api_key.revoke', objectType: 'provider_api_key', objectId: keyId, before: { status: '启用' }, after: { status: '已停用', prefix: k.keyPrefix } }, tx);
  });
}

/** Requests per key per minute (env WLBA_PROVIDER_API_RATE_LIMIT, default 60). */
export function apiRateLimit(): number {
  const n = Number(process.env.WLBA_PROVIDER_API_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 60;
}

export type ApiCaller = { keyId: number; userId: number };

/**
 * The account behind `Authorization: Bearer <key>`: throws 401 (one message for every bad key),
 * 429 with `retryAfter` seconds past the per-key limit (counted in the SQLite throttle table, so
 * every process shares it). Marks the key used.
 */
export function authenticateApiKey(authorization: string | null, now = Date.now()): ApiCaller {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m || !KEY_PATTERN.test(m[1])) throw new AppError('unauthenticated', BAD_KEY);
  const db = getDb();
  const k = db
    .select({ id: providerApiKeys.id, userId: providerApiKeys.userId, revokedAt: providerApiKeys.revokedAt, role: users.role, status: users.status })
    .from(providerApiKeys)
    .innerJoin(users, eq(users.id, providerApiKeys.userId))
    .where(eq(providerApiKeys.keyHash, hashApiKey(m[1])))
    .get();
  if (!k || k.revokedAt != null || k.role !== 'provider' || k.status !== 'active') throw new AppError('unauthenticated', BAD_KEY);
  const throttleKey = `api-key:${k.id}`;
  const locked = lockedUntil(throttleKey, now);
  if (locked) throw new RateLimited(locked - now);
  // The limit+1-th request in a window locks the key until the minute is over.
  if (recordFailure(throttleKey, apiRateLimit() + 1, now, { windowMs: API_RATE_WINDOW_MS, lockMs: API_RATE_WINDOW_MS }) === 0) throw new RateLimited(API_RATE_WINDOW_MS);
  db.update(providerApiKeys).set({ lastUsedAt: now }).where(eq(providerApiKeys.id, k.id)).run();
  return { keyId: k.id, userId: k.userId };
}

export class RateLimited extends AppError {
  readonly retryAfter: number;
  constructor(ms: number) {
    super('rate_limited', RATE_LIMITED);
    this.retryAfter = Math.max(1, Math.ceil(ms / 1000));
  }
}
