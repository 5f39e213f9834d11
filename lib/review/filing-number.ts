/**
 * 公安备案号 (SPEC §6.4): `{省简称}公网安备{unit6}02{seq6}号`, e.g. 京公网安备11010502013462号.
 * unit6 is the GB/T 2260 code of the accepting police unit, 02 marks a website filing, seq6 is
 * the unit's own running number. The 14 digits are the canonical key.
 *
 * The one module for the number: it formats it, allocates it in the approving transaction and
 * reads it back (the 14 digits of a stored number, or of one as people type it, SPEC §10.2).
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { filingSequences, legacyFilings, policeUnits } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** Public-security province abbreviations (not always the ICP ones), by the first two digits. */
export const PROVINCE_ABBR: Readonly<Record<string, string>> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '贵',
  '53': '滇',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

export const MAX_FILING_SEQ = 999_999;

/**
 * The number of the `seq`-th filing of the unit with division code `unitCode`; `mark` is the two
 * digits of the object type (lib/objects: 02 网站, SPEC §6.4 and §15.5).
 */
export function formatFilingNumber(unitCode: string, seq: number, mark: string): { digits: string; number: string } {
  if (!/^\d{2}$/.test(mark)) throw new RangeError(`备案对象类型码无效：${mark}`);
  if (!/^\d{6}$/.test(unitCode)) throw new RangeError(`单位区划代码无效：${unitCode}`);
  const abbr = PROVINCE_ABBR[unitCode.slice(0, 2)];
  if (!abbr) throw new RangeError(`没有省份简称：${unitCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_FILING_SEQ) throw new RangeError(`备案序号超出范围：${seq}`);
  const digits = `${unitCode}${mark}${String(seq).padStart(6, '0')}`;
  return { digits, number: `${abbr}公网安备${digits}号` };
}

/**
 * Allocates the unit's next number of the object type `mark` inside the caller's (approving)
 * transaction: one sequence per (unit, type), SPEC §15.5. The counter is
 * bumped with one UPDATE … RETURNING, so concurrent approvals serialise on SQLite's write lock
 * and never share a number; a rolled-back approval gives its number back with everything else,
 * and a number once committed is never handed out again (the counter only goes up), nor is a
 * number imported as a 旧备案.
 */
export function allocateFilingNumber(tx: Tx, unitId: number, mark: string): { digits: string; number: string; unitCode: string } {
  const unit = tx.select({ code: policeUnits.code }).from(policeUnits).where(eq(policeUnits.id, unitId)).get();
  if (!unit) throw new AppError('conflict', '审核单位不存在，不能分配备案号');
  // Numbers imported from the previous system (legacy_filings, SPEC §8.3) are never handed out:
  // the counter steps over them.
  for (;;) {
    const { seq } = tx
      .insert(filingSequences)
      .values({ unitId, mark, seq: 1 })
      .onConflictDoUpdate({ target: [filingSequences.unitId, filingSequences.mark], set: { seq: sql`${filingSequences.seq} + 1` } })
      .returning({ seq: filingSequences.seq })
      .get();
    if (seq > MAX_FILING_SEQ) throw new AppError('conflict', '本单位备案序号已用尽，请联系管理员');
    const n = formatFilingNumber(unit.code, seq, mark);
    const imported = tx.select({ id: legacyFilings.id }).from(legacyFilings).where(eq(legacyFilings.oldDigits, n.digits)).get();
    if (!imported) return { ...n, unitCode: unit.code };
  }
}

const DIGITS = /^\d{14}$/;

/** Are these the 14 digits of a filing number (the key of /query/{digits}, the badge, the snippet)? */
export function isFilingDigits(s: string): boolean {
  return DIGITS.test(s);
}

/** The 14 digits of a stored 公安备案号 (京公网安备11010502013462号), or null. */
export function filingDigitsOf(number: string | null | undefined): string | null {
  return /(\d{14})号$/.exec(number ?? '')?.[1] ?? null;
}

const TYPED = new RegExp(`^(?:[${Object.values(PROVINCE_ABBR).join('')}]?公网安备)?(\\d{14})号?$`);

/**
 * The 14 digits of a filing number as people type it: with or without the `{省简称}公网安备`
 * prefix and the trailing 号, with spaces, full-width digits (１１０…) or full-width letters
 * around them; null when it is not one.
 */
export function normalizeFilingNumber(input: string): string | null {
  const s = input
    .normalize('NFKC') // full-width digits and spaces become ASCII
    .replace(/\s+/g, '')
    .trim();
  return TYPED.exec(s)?.[1] ?? null;
}
