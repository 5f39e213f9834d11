/**
 * Provider accounts acting for a filed 服务商 (SPEC §15.4): an admin links an account of role
 * provider to one; the provider workspace shows which, and only a linked account may issue 数据码
 * (SPEC §8, next). A cancelled 服务商 keeps the link for the record but no longer counts as filed.
 */
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filings, providerAccounts, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';

/** A 服务商 counts as filed while it holds its number. */
const FILED = ['已备案', '变更中', '注销中'] as const;

export type ProviderOption = { id: number; name: string; filingNumber: string };

/** The filed 服务商 an account may be linked to, by name. */
export function filedProviderOptions(): ProviderOption[] {
  return getDb()
    .select({ id: filings.id, name: filings.name, filingNumber: filings.filingNumber })
    .from(filings)
    .where(and(eq(filings.kind, '服务商'), inArray(filings.status, [...FILED])))
    .orderBy(asc(filings.name), asc(filings.id))
    .all()
    .map((r) => ({ ...r, filingNumber: r.filingNumber ?? '' }));
}

export type LinkedProvider = { filingId: number; name: string; filingNumber: string | null; status: string; filed: boolean; linkedAt: number };

/** The 服务商 an account acts for, if any. */
export function providerOfAccount(userId: number): LinkedProvider | null {
  const r = getDb()
    .select({ filingId: filings.id, name: filings.name, filingNumber: filings.filingNumber, status: filings.status, linkedAt: providerAccounts.linkedAt })
    .from(providerAccounts)
    .innerJoin(filings, eq(filings.id, providerAccounts.filingId))
    .where(eq(providerAccounts.userId, userId))
    .get();
  return r ? { ...r, filed: (FILED as readonly string[]).includes(r.status) } : null;
}

/** The linked 服务商 of these accounts (the admin's user list). */
export function providersOfAccounts(userIds: number[]): Map<number, string> {
  if (!userIds.length) return new Map();
  const rows = getDb()
    .select({ userId: providerAccounts.userId, name: filings.name })
    .from(providerAccounts)
    .innerJoin(filings, eq(filings.id, providerAccounts.filingId))
    .where(inArray(providerAccounts.userId, userIds))
    .all();
  return new Map(rows.map((r) => [r.userId, r.name]));
}

/** 关联服务商: the account (role provider) acts for this filed 服务商 from now on. */
export function linkProviderAccount(userId: number, filingId: number, actorId: number | null, now = Date.now()) {
  getDb().transaction((tx) => {
    const u = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!u) throw new AppError('not_found', '用户不存在');
    if (u.role !== 'provider') throw new AppError('invalid', '只有服务商账号可以关联服务商');
    const f = tx.select({ kind: filings.kind, status: filings.status, name: filings.name }).from(filings).where(eq(filings.id, filingId)).get();
    if (!f || f.kind !== '服务商' || !(FILED as readonly string[]).includes(f.status)) throw new AppError('invalid', '请选择已备案的服务商', { filingId: '请选择已备案的服务商' });
    const before = tx.select({ filingId: providerAccounts.filingId }).from(providerAccounts).where(eq(providerAccounts.userId, userId)).get();
    if (before?.filingId === filingId) return;
    tx.insert(providerAccounts)
      .values({ userId, filingId, linkedBy: actorId, linkedAt: now })
      .onConflictDoUpdate({ target: providerAccounts.userId, set: { filingId, linkedBy: actorId, linkedAt: now } })
      .run();
    writeAudit({ actorId, action: 'user.link_provider', objectType: 'user', objectId: userId, before: before ? { filingId: before.filingId } : null, after: { filingId, name: f.name } }, tx);
  });
}
