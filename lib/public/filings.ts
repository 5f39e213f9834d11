/**
 * Filings as the public sees them (SPEC §10.2): no login, a person's name masked, a cancelled
 * number shown as 已注销. Only websites that were ever given a number are public.
 */
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { domainsByWebsite } from '@/lib/websites/domain-list';
import { policeUnits, subjects, websites } from '@/db/schema';
import { maskName } from '@/lib/pii/mask';
import { isFilingDigits } from '@/lib/review/filing-number';

export type PublicFiling = {
  digits: string;
  filingNumber: string;
  websiteName: string;
  /** Unicode forms, 主域名 first. */
  domains: string[];
  subjectName: string;
  subjectNature: string;
  filedAt: number | null;
  unitName: string | null;
  interactive: boolean;
  /** 已备案 (also while a change or cancellation is under review) or 已注销. */
  status: '已备案' | '已注销';
};

/** The public view of these websites, in the order of `ids`; ids without a number are left out. */
export function loadPublicFilings(ids: number[]): PublicFiling[] {
  if (ids.length === 0) return [];
  const db = getDb();
  const rows = db
    .select({
      id: websites.id,
      name: websites.name,
      status: websites.status,
      interactive: websites.interactive,
      digits: websites.filingDigits,
      filingNumber: websites.filingNumber,
      filedAt: websites.filedAt,
      subjectName: subjects.name,
      nature: subjects.nature,
      unitType: subjects.unitType,
      unitName: policeUnits.name,
    })
    .from(websites)
    .innerJoin(subjects, eq(subjects.id, websites.subjectId))
    .leftJoin(policeUnits, eq(policeUnits.id, websites.filingUnitId))
    .where(inArray(websites.id, ids))
    .all();
  const domains = domainsByWebsite(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: PublicFiling[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || !r.digits || !r.filingNumber) continue;
    out.push({
      digits: r.digits,
      filingNumber: r.filingNumber,
      websiteName: r.name,
      domains: domains.get(id) ?? [],
      subjectName: r.nature === '个人' ? maskName(r.subjectName) : r.subjectName,
      subjectNature: r.nature === '个人' ? '个人' : r.unitType ? `单位（${r.unitType}）` : '单位',
      filedAt: r.filedAt,
      unitName: r.unitName,
      interactive: r.interactive,
      status: r.status === '已注销' ? '已注销' : '已备案',
    });
  }
  return out;
}

/** The website id behind 14 digits, if it was ever given that number. */
export function websiteIdByDigits(digits: string): number | null {
  if (!isFilingDigits(digits)) return null;
  const row = getDb().select({ id: websites.id }).from(websites).where(eq(websites.filingDigits, digits)).get();
  return row?.id ?? null;
}

export function getPublicFiling(digits: string): PublicFiling | null {
  const id = websiteIdByDigits(digits);
  return id === null ? null : (loadPublicFilings([id])[0] ?? null);
}
