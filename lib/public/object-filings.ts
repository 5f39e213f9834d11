/**
 * APP and 小程序 filings as the public sees them on /query/{digits} (SPEC §15.5): the registry's
 * public fields, a person's name masked, a cancelled number shown as 已注销. Looked up by the
 * unique index on filings.filing_digits.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filings, policeUnits, subjects, type FilingKind } from '@/db/schema';
import { maskName } from '@/lib/pii/mask';
import { isFilingDigits } from '@/lib/review/filing-number';
import { withSpec } from '@/lib/filings/kinds';

export type PublicObjectFiling = {
  kind: FilingKind;
  digits: string;
  filingNumber: string;
  name: string;
  /** 运行平台 / 所属平台 as shown. */
  platforms: string;
  subjectName: string;
  filedAt: number | null;
  unitName: string | null;
  /** 已备案 (also while a change or cancellation is under review) or 已注销. */
  status: '已备案' | '已注销';
};

export function getPublicObjectFiling(digits: string): PublicObjectFiling | null {
  if (!isFilingDigits(digits)) return null;
  const r = getDb()
    .select({ f: filings, subjectName: subjects.name, nature: subjects.nature, unitName: policeUnits.name })
    .from(filings)
    .innerJoin(subjects, eq(subjects.id, filings.subjectId))
    .leftJoin(policeUnits, eq(policeUnits.id, filings.filingUnitId))
    .where(eq(filings.filingDigits, digits))
    .get();
  if (!r || !r.f.filingNumber) return null;
  return {
    kind: r.f.kind,
    digits,
    filingNumber: r.f.filingNumber,
    name: r.f.name,
    platforms: withSpec(r.f.data, (spec, b) => spec.platformText(b)),
    subjectName: r.nature === '个人' ? maskName(r.subjectName) : r.subjectName,
    filedAt: r.f.filedAt,
    unitName: r.unitName,
    status: r.f.status === '已注销' ? '已注销' : '已备案',
  };
}
