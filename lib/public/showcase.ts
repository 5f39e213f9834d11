/**
 * 备案展厅 on the home page (SPEC §10.1): the websites filed most recently. Only what the
 * public query shows anyway: the website's name, its 公安备案号 and 备案时间.
 */
import 'server-only';
import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websites, type WebsiteStatus } from '@/db/schema';

/** A change or cancellation under review leaves the number valid (as /query shows it). */
const SHOWN: WebsiteStatus[] = ['已备案', '变更中', '注销中'];

export type ShowcaseFiling = { digits: string; filingNumber: string; websiteName: string; filedAt: number };

export function listRecentFilings(limit = 8): ShowcaseFiling[] {
  const n = Math.min(50, Math.max(1, Math.floor(limit)));
  const rows = getDb()
    .select({ digits: websites.filingDigits, filingNumber: websites.filingNumber, websiteName: websites.name, filedAt: websites.filedAt })
    .from(websites)
    .where(and(inArray(websites.status, SHOWN), isNotNull(websites.filingDigits), isNotNull(websites.filingNumber), isNotNull(websites.filedAt)))
    .orderBy(desc(websites.filedAt), desc(websites.id))
    .limit(n)
    .all();
  return rows.map((r) => ({ digits: r.digits!, filingNumber: r.filingNumber!, websiteName: r.websiteName, filedAt: r.filedAt! }));
}
