/**
 * 联网备案号 as people type it (SPEC §10.2): with or without the `{省简称}公网安备` prefix and the
 * trailing 号, with spaces, full-width digits (１１０…) or full-width letters around them. The 14
 * digits are the canonical key.
 */
import { PROVINCE_ABBR } from '@/lib/review/filing-number';

const ABBRS = Object.values(PROVINCE_ABBR).join('');
const PATTERN = new RegExp(`^(?:[${ABBRS}]?公网安备)?(\\d{14})号?$`);

/** The 14 digits of a typed filing number, or null when it is not one. */
export function normalizeFilingNumber(input: string): string | null {
  const s = input
    .normalize('NFKC') // full-width digits and spaces become ASCII
    .replace(/\s+/g, '')
    .trim();
  return PATTERN.exec(s)?.[1] ?? null;
}
