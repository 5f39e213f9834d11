/**
 * The provider's side of 数据码 (SPEC §8.1): the account's own codes (masked, newest first),
 * 作废 of a code nobody bound yet, and one code's state for the API. Another account's code is
 * never found: every query is by the issuing account.
 */
import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dataCodes } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { dataCodeStatus, normalizeCode, type DataCodeStatus } from './code';
import { codeHmacOf } from './service';

export const CODES_PAGE_SIZE = 20;

export type ProviderCodeRow = {
  id: number;
  codeMasked: string;
  subjectName: string;
  websiteCount: number;
  createdAt: number;
  expiresAt: number;
  boundAt: number | null;
  status: DataCodeStatus;
};

const columns = {
  id: dataCodes.id,
  codeMasked: dataCodes.codeMasked,
  subjectName: dataCodes.subjectName,
  websiteCount: dataCodes.websiteCount,
  createdAt: dataCodes.createdAt,
  expiresAt: dataCodes.expiresAt,
  boundAt: dataCodes.boundAt,
  revokedAt: dataCodes.revokedAt,
};

const withStatus = (now: number) => ({ revokedAt, ...r }: ProviderCodeRow & { revokedAt: number | null }): ProviderCodeRow => ({
  ...r,
  status: dataCodeStatus({ revokedAt, boundAt: r.boundAt, expiresAt: r.expiresAt }, now),
});

/** The account's codes, newest first, 20 a page. */
export function listProviderCodes(userId: number, page = 1, now = Date.now()) {
  const db = getDb();
  const total = db.select({ n: count() }).from(dataCodes).where(eq(dataCodes.providerUserId, userId)).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / CODES_PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = db
    .select(columns)
    .from(dataCodes)
    .where(eq(dataCodes.providerUserId, userId))
    .orderBy(desc(dataCodes.createdAt), desc(dataCodes.id))
    .limit(CODES_PAGE_SIZE)
    .offset((p - 1) * CODES_PAGE_SIZE)
    .all()
    .map((r) => withStatus(now)({ ...r, status: '未绑定' }));
  return { rows, total, page: p, pageSize: CODES_PAGE_SIZE };
}

/** 作废: only the account's own code, only while 未绑定 (a bound or expired code stays as it is). */
export function revokeDataCode(userId: number, codeId: number, now = Date.now()) {
  getDb().transaction((tx) => {
    const row = tx.select().from(dataCodes).where(and(eq(dataCodes.id, codeId), eq(dataCodes.providerUserId, userId))).get();
    if (!row) throw new AppError('not_found', '数据码不存在');
    const status = dataCodeStatus(row, now);
    if (status !== '未绑定') throw new AppError('conflict', `该数据码${status}，不能作废`);
    tx.update(dataCodes).set({ revokedAt: now }).where(eq(dataCodes.id, codeId)).run();
    writeAudit({ actorId: userId, action: 'data_code.revoke', objectType: 'data_code', objectId: codeId, before: { status }, after: { status: '已作废' } }, tx);
  });
}

/** One code of this account, as the API answers it; null when it is not one (or not this account's). */
export function providerCodeStatus(userId: number, typed: string, now = Date.now()) {
  const code = normalizeCode(typed);
  if (!code) return null;
  const r = getDb()
    .select(columns)
    .from(dataCodes)
    .where(and(eq(dataCodes.codeHmac, codeHmacOf(code)), eq(dataCodes.providerUserId, userId)))
    .get();
  return r ? withStatus(now)({ ...r, status: '未绑定' }) : null;
}
