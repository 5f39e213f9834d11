/**
 * The 服务商名录 follows the filed 服务商 (SPEC §15.4): a filed 服务商 is in the look-ups 查询网络接入服务商
 * / 查询域名注册服务商 under each of its 服务地区, as 接入 and / or 域名注册 by its 服务类型; an
 * approved change replaces its entries; once cancelled they are hidden from the look-ups and kept
 * (websites that name the provider keep the name). Called wherever a filing's state changes.
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { filings, providerDirectory } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';
import { directoryKinds, type ServiceProviderBasicData } from './schemas';

/** Statuses in which a filed 服务商 is listed: filed, and while a change or cancellation is reviewed. */
const LISTED = ['已备案', '变更中', '注销中'];

/** Makes the directory entries of one filing match it (a filing of another kind: nothing to do). */
export function syncProviderDirectory(tx: Tx, filingId: number, now: number, actorId: number | null = null) {
  const f = tx.select().from(filings).where(eq(filings.id, filingId)).get();
  if (!f || f.kind !== '服务商') return;
  const current = tx.select().from(providerDirectory).where(eq(providerDirectory.filingId, f.id)).all();
  if (f.status === '已注销') {
    const res = tx
      .update(providerDirectory)
      .set({ cancelledAt: now })
      .where(and(eq(providerDirectory.filingId, f.id), isNull(providerDirectory.cancelledAt)))
      .run();
    if (res.changes) writeAudit({ actorId, action: 'provider.directory_cancel', objectType: 'filing', objectId: f.id, after: { entries: res.changes } }, tx);
    return;
  }
  const b = f.data.basic as ServiceProviderBasicData;
  const want = f.filingDigits && LISTED.includes(f.status) ? directoryKinds(b.serviceTypes).flatMap((kind) => b.regions.map((regionCode) => ({ kind, regionCode }))) : [];
  const same =
    current.length === want.length &&
    current.every((c) => c.name === f.name && !c.cancelledAt && want.some((w) => w.kind === c.kind && w.regionCode === c.regionCode));
  if (same) return;
  tx.delete(providerDirectory).where(eq(providerDirectory.filingId, f.id)).run();
  const createdAt = current.length ? Math.min(...current.map((c) => c.createdAt)) : now;
  for (const w of want) tx.insert(providerDirectory).values({ kind: w.kind, name: f.name, scope: '境内', regionCode: w.regionCode, filingId: f.id, createdAt }).run();
  writeAudit({ actorId, action: 'provider.directory_sync', objectType: 'filing', objectId: f.id, before: { entries: current.length }, after: { entries: want.length } }, tx);
}
