/**
 * Provider accounts acting for a filed 服务商 (SPEC §15.4) or, for a provider without a filing, a
 * 接入服务商 of the directory (SPEC §8.1): an admin links an account of role provider to one; the
 * provider workspace shows which, and only a linked account may issue 数据码. A cancelled 服务商
 * (or directory entry) keeps the link for the record but no longer counts.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filings, providerAccounts, providerDirectory, users } from '@/db/schema';
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

/** A 接入服务商 of the directory (SPEC §8.1: providers without a filing), not cancelled, not a filed 服务商's own entry. */
export type DirectoryOption = { id: number; name: string };

export function directoryProviderOptions(): DirectoryOption[] {
  return getDb()
    .select({ id: providerDirectory.id, name: providerDirectory.name })
    .from(providerDirectory)
    .where(and(eq(providerDirectory.kind, '接入服务商'), isNull(providerDirectory.cancelledAt), isNull(providerDirectory.filingId)))
    .orderBy(asc(providerDirectory.name), asc(providerDirectory.id))
    .all();
}

/**
 * The provider an account acts for: a filed 服务商 (`source: 'filing'`, its number and state) or a
 * directory entry (`source: 'directory'`, status 名录 or 已注销). `filed`: it may act today.
 */
export type LinkedProvider = {
  source: 'filing' | 'directory';
  filingId: number | null;
  directoryId: number | null;
  name: string;
  filingNumber: string | null;
  status: string;
  filed: boolean;
  linkedAt: number;
};

/** The 服务商 an account acts for, if any. */
export function providerOfAccount(userId: number): LinkedProvider | null {
  const db = getDb();
  const link = db.select().from(providerAccounts).where(eq(providerAccounts.userId, userId)).get();
  if (!link) return null;
  if (link.filingId != null) {
    const f = db.select({ name: filings.name, filingNumber: filings.filingNumber, status: filings.status }).from(filings).where(eq(filings.id, link.filingId)).get();
    if (!f) return null;
    return { source: 'filing', filingId: link.filingId, directoryId: null, ...f, filed: (FILED as readonly string[]).includes(f.status), linkedAt: link.linkedAt };
  }
  if (link.directoryId != null) {
    const d = db.select({ name: providerDirectory.name, cancelledAt: providerDirectory.cancelledAt }).from(providerDirectory).where(eq(providerDirectory.id, link.directoryId)).get();
    if (!d) return null;
    const active = d.cancelledAt == null;
    return { source: 'directory', filingId: null, directoryId: link.directoryId, name: d.name, filingNumber: null, status: active ? '名录' : '已注销', filed: active, linkedAt: link.linkedAt };
  }
  return null;
}

/** The linked 服务商 of these accounts (the admin's user list). */
export function providersOfAccounts(userIds: number[]): Map<number, string> {
  if (!userIds.length) return new Map();
  const rows = getDb()
    .select({ userId: providerAccounts.userId, filed: filings.name, listed: providerDirectory.name })
    .from(providerAccounts)
    .leftJoin(filings, eq(filings.id, providerAccounts.filingId))
    .leftJoin(providerDirectory, eq(providerDirectory.id, providerAccounts.directoryId))
    .where(inArray(providerAccounts.userId, userIds))
    .all();
  return new Map(rows.flatMap((r) => (r.filed ? [[r.userId, r.filed] as const] : r.listed ? [[r.userId, `${r.listed}（名录）`] as const] : [])));
}

/** What an account is linked to: a filed 服务商 (its filings.id, as before) or a directory entry. */
export type LinkTarget = number | { filingId: number } | { directoryId: number };

/** 关联服务商: the account (role provider) acts for this filed 服务商 or directory 接入服务商 from now on. */
export function linkProviderAccount(userId: number, target: LinkTarget, actorId: number | null, now = Date.now()) {
  const t = typeof target === 'number' ? { filingId: target } : target;
  getDb().transaction((tx) => {
    const u = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!u) throw new AppError('not_found', '用户不存在');
    if (u.role !== 'provider') throw new AppError('invalid', '只有服务商账号可以关联服务商');
    let name: string;
    if ('filingId' in t) {
      const f = tx.select({ kind: filings.kind, status: filings.status, name: filings.name }).from(filings).where(eq(filings.id, t.filingId)).get();
      if (!f || f.kind !== '服务商' || !(FILED as readonly string[]).includes(f.status)) throw new AppError('invalid', '请选择已备案的服务商', { filingId: '请选择已备案的服务商', provider: '请选择已备案的服务商' });
      name = f.name;
    } else {
      const d = tx.select().from(providerDirectory).where(eq(providerDirectory.id, t.directoryId)).get();
      if (!d || d.kind !== '接入服务商' || d.cancelledAt != null) throw new AppError('invalid', '请选择服务商名录中的接入服务商', { provider: '请选择服务商名录中的接入服务商' });
      name = d.name;
    }
    const filingId = 'filingId' in t ? t.filingId : null;
    const directoryId = 'directoryId' in t ? t.directoryId : null;
    const before = tx.select({ filingId: providerAccounts.filingId, directoryId: providerAccounts.directoryId }).from(providerAccounts).where(eq(providerAccounts.userId, userId)).get();
    if (before && before.filingId === filingId && before.directoryId === directoryId) return;
    tx.insert(providerAccounts)
      .values({ userId, filingId, directoryId, linkedBy: actorId, linkedAt: now })
      .onConflictDoUpdate({ target: providerAccounts.userId, set: { filingId, directoryId, linkedBy: actorId, linkedAt: now } })
      .run();
    const after = filingId != null ? { filingId, name } : { directoryId, name };
    writeAudit({ actorId, action: 'user.link_provider', objectType: 'user', objectId: userId, before: before ?? null, after }, tx);
  });
}
