/**
 * Filings as the public sees them (SPEC §10.2): no login, a person's name masked, a cancelled
 * number shown as 已注销. Only websites that were ever given a number are public.
 */
import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { domainsByWebsite } from '@/lib/websites/domain-list';
import { legacyFilings, policeUnits, subjects, websites } from '@/db/schema';
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

/**
 * A filing of the previous system not yet claimed (SPEC §8.3): public at once under its old
 * number, 待认领. Once claimed, the website (已备案, same number) is what shows.
 */
export type PublicLegacyFiling = {
  digits: string;
  filingNumber: string;
  websiteName: string;
  domain: string;
  subjectName: string;
  /** 备案时间 of the old system, YYYY-MM-DD. */
  filedOn: string;
  status: '待认领';
};

/** A person's 证件 (not a unit's certificate): the public sees the name masked. */
const PERSONAL_CERT = /身份证|护照|通行证|居留|居住证/;

const legacyColumns = {
  digits: legacyFilings.oldDigits,
  filingNumber: legacyFilings.oldNumber,
  websiteName: legacyFilings.name,
  domain: legacyFilings.domain,
  subjectName: legacyFilings.subjectName,
  certType: legacyFilings.certType,
  filedOn: legacyFilings.filedOn,
};

function publicLegacy(r: { digits: string; filingNumber: string; websiteName: string; domain: string; subjectName: string; certType: string; filedOn: string }): PublicLegacyFiling {
  const { certType, ...rest } = r;
  return { ...rest, subjectName: PERSONAL_CERT.test(certType) ? maskName(r.subjectName) : r.subjectName, status: '待认领' };
}

/** The unclaimed legacy filing of these digits (the unique old_digits index). */
export function getPublicLegacyFiling(digits: string): PublicLegacyFiling | null {
  if (!isFilingDigits(digits)) return null;
  const r = getDb()
    .select(legacyColumns)
    .from(legacyFilings)
    .where(and(eq(legacyFilings.oldDigits, digits), isNull(legacyFilings.claimedWebsiteId)))
    .get();
  return r ? publicLegacy(r) : null;
}

/** Unclaimed legacy filings of these ASCII hosts (index legacy_domain), at most 10. */
export function legacyByDomains(hosts: string[]): PublicLegacyFiling[] {
  if (hosts.length === 0) return [];
  return getDb()
    .select(legacyColumns)
    .from(legacyFilings)
    .where(and(inArray(legacyFilings.domainAscii, hosts), isNull(legacyFilings.claimedWebsiteId)))
    .orderBy(desc(legacyFilings.id))
    .limit(10)
    .all()
    .map(publicLegacy);
}

/** Unclaimed legacy filings whose name contains `q`: a scan, so bounded to 10 (「待认领的原备案」). */
export function legacyByName(q: string): PublicLegacyFiling[] {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select(legacyColumns)
    .from(legacyFilings)
    .where(and(sql`${legacyFilings.name} LIKE ${pattern} ESCAPE '\\'`, isNull(legacyFilings.claimedWebsiteId)))
    .orderBy(desc(legacyFilings.id))
    .limit(10)
    .all()
    .map(publicLegacy);
}
