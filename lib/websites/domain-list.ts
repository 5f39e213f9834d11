/**
 * The domains of websites as pages and PDFs list them: Unicode form, the 主域名 first, then in the
 * order they were entered. One place for the query that lists, the queue, the public record, the
 * receipts and the reports all need.
 */
import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { preparedQuery, type Tx } from '@/db/client';
import { websiteDomains } from '@/db/schema';

/** Each website's domains, 主域名 first; websites without domains are absent. */
export function domainsByWebsite(db: Tx, websiteIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (websiteIds.length === 0) return out;
  const rows = db
    .select({ websiteId: websiteDomains.websiteId, unicode: websiteDomains.unicode })
    .from(websiteDomains)
    .where(inArray(websiteDomains.websiteId, [...new Set(websiteIds)]))
    .orderBy(desc(websiteDomains.isPrimary), asc(websiteDomains.id))
    .all();
  for (const r of rows) {
    const list = out.get(r.websiteId);
    if (list) list.push(r.unicode);
    else out.set(r.websiteId, [r.unicode]);
  }
  return out;
}

/** One website's domains, 主域名 first. */
export function domainsOfWebsite(db: Tx, websiteId: number): string[] {
  return domainsByWebsite(db, [websiteId]).get(websiteId) ?? [];
}

const primaryOf = preparedQuery((db) =>
  db
    .select({ websiteId: websiteDomains.websiteId, unicode: websiteDomains.unicode })
    .from(websiteDomains)
    .where(and(sql`${websiteDomains.websiteId} in (select value from json_each(${sql.placeholder('ids')}))`, eq(websiteDomains.isPrimary, true)))
    .prepare(),
);

/**
 * The 主域名 of each website that has one marked. Prepared once, the ids go in as one JSON array:
 * the review queue asks on every request (issue 17).
 */
export function primaryDomains(websiteIds: number[]): Map<number, string> {
  if (websiteIds.length === 0) return new Map();
  return new Map(primaryOf().all({ ids: JSON.stringify([...new Set(websiteIds)]) }).map((d) => [d.websiteId, d.unicode] as const));
}
