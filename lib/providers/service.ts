import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { providerDirectory } from '@/db/schema';

export const PROVIDER_KINDS = ['接入服务商', '域名注册服务商'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** GB/T 2260 code → the prefix every code inside that region starts with (110000 → 11, 110100 → 1101). */
export function regionPrefix(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

/**
 * 查询网络接入服务商 / 查询域名注册服务商: 境内 providers registered anywhere inside the
 * chosen region (required for 境内), or 境外 ones; by name; 10 a page.
 */
export function searchProviders(opts: { kind: ProviderKind; scope: '境内' | '境外'; regionCode?: string; name?: string; page?: number }) {
  const db = getDb();
  const page = Math.max(1, opts.page ?? 1);
  const conds: SQL[] = [eq(providerDirectory.kind, opts.kind), eq(providerDirectory.scope, opts.scope)];
  if (opts.scope === '境内' && opts.regionCode) conds.push(like(providerDirectory.regionCode, `${regionPrefix(opts.regionCode)}%`));
  if (opts.name?.trim()) conds.push(like(providerDirectory.name, `%${opts.name.trim()}%`));
  const where = and(...conds);
  const rows = db
    .select({ id: providerDirectory.id, name: providerDirectory.name, scope: providerDirectory.scope, regionCode: providerDirectory.regionCode })
    .from(providerDirectory)
    .where(where)
    .orderBy(asc(providerDirectory.name))
    .limit(10)
    .offset((page - 1) * 10)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(providerDirectory).where(where).get()!.n;
  return { rows, total, page, pageSize: 10 };
}
