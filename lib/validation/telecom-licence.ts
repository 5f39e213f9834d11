/**
 * 增值电信业务经营许可证编号 (SPEC §15.4): the national form `B1-20180001` (a category letter and
 * digit, a dash, 8 digits) or the province form `京B2-20201234` (the province's 简称 in front). Pure.
 */
export const LICENCE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LICENCE = new RegExp(`^[${LICENCE_PROVINCES}]?[A-Z]\\d-\\d{8}$`);

/** Full-width letters, digits and dashes typed by a Chinese IME become ASCII; letters upper case. */
export function normalizeLicenceNumber(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/[－—–‐]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function isValidLicenceNumber(s: string): boolean {
  return LICENCE.test(normalizeLicenceNumber(s));
}

export function licenceNumberError(s: string): string | null {
  if (!s.trim()) return '请填写增值电信业务经营许可证编号';
  return isValidLicenceNumber(s) ? null : '增值电信业务经营许可证编号格式不正确，如 B1-20180001 或 京B2-20201234';
}
