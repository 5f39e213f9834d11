/**
 * One filing as the public sees it (SPEC §10.2): no login, a person's name masked, a cancelled
 * number shown as 已注销. Only websites that were ever given a number are public.
 */
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policeUnits, subjects, websiteDomains, websites } from '@/db/schema';
import { maskName } from '@/lib/pii/mask';

export type PublicFiling = {
  digits: string;
  filingNumber: string;
  websiteName: string;
  domains: string[];
  subjectName: string;
  subjectNature: string;
  filedAt: number | null;
  unitName: string | null;
  interactive: boolean;
  /** 已备案 (also while a change or cancellation is under review) or 已注销. */
  status: '已备案' | '已注销';
};

export function getPublicFiling(digits: string): PublicFiling | null {
  if (!/^\d{14}$/.test(digits)) return null;
  const db = getDb();
  const row = db
    .select({ w: websites, subjectName: subjects.name, nature: subjects.nature, unitType: subjects.unitType, unitName: policeUnits.name })
    .from(websites)
    .innerJoin(subjects, eq(subjects.id, websites.subjectId))
    .leftJoin(policeUnits, eq(policeUnits.id, websites.filingUnitId))
    .where(eq(websites.filingDigits, digits))
    .get();
  if (!row || !row.w.filingNumber) return null;
  const domains = db
    .select({ unicode: websiteDomains.unicode, isPrimary: websiteDomains.isPrimary })
    .from(websiteDomains)
    .where(eq(websiteDomains.websiteId, row.w.id))
    .orderBy(asc(websiteDomains.id))
    .all()
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
    .map((d) => d.unicode);
  return {
    digits,
    filingNumber: row.w.filingNumber,
    websiteName: row.w.name,
    domains,
    subjectName: row.nature === '个人' ? maskName(row.subjectName) : row.subjectName,
    subjectNature: row.nature === '个人' ? '个人' : row.unitType ? `单位（${row.unitType}）` : '单位',
    filedAt: row.w.filedAt,
    unitName: row.unitName,
    interactive: row.w.interactive,
    status: row.w.status === '已注销' ? '已注销' : '已备案',
  };
}
