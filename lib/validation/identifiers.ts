/**
 * Validators for the identifiers used on the 公安联网备案 forms.
 *
 * Pure functions only; no dependencies beyond the standard library.
 * ID-like identifiers (身份证, 统一社会信用代码, 组织机构代码, 证件号码) are
 * normalised with `normalizeIdNumber` (trim, remove spaces, upper-case)
 * before checking, so callers should store the normalised value.
 * Phone numbers, e-mail addresses and ICP numbers are matched exactly as given.
 */

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/** Trim, remove all whitespace (including full-width spaces) and upper-case. */
export function normalizeIdNumber(s: string): string {
  return s.trim().replace(/\s+/g, '').toUpperCase();
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * `yyyymmdd` must be 8 digits forming a real calendar date, year >= 1900,
 * and not later than `today` (local calendar date).
 */
function isValidBirthDate(yyyymmdd: string, today: Date): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900) return false;
  if (m < 1 || m > 12) return false;
  if (d < 1 || d > daysInMonth(y, m)) return false;
  const todayNum = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  return y * 10000 + m * 100 + d <= todayNum;
}

// ---------------------------------------------------------------------------
// 居民身份证 (GB 11643-1999)
// ---------------------------------------------------------------------------

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECK_CHARS = '10X98765432';

const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83', '91',
]);

/** GB 11643 check character for the first 17 digits (caller guarantees 17 digits). */
function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i]!;
  return ID_CARD_CHECK_CHARS[sum % 11]!;
}

/** Chinese error message for a 居民身份证 number, or null when valid. */
export function idCardError(s: string, today: Date = new Date()): string | null {
  const v = normalizeIdNumber(s);
  if (v === '') return '请填写证件号码';
  if (v.length !== 18) return '证件号码应为18位';
  if (!/^\d{17}[\dX]$/.test(v)) return '证件号码格式不正确，前17位应为数字，最后一位为数字或X';
  if (!PROVINCE_CODES.has(v.slice(0, 2))) return '证件号码的地区码无效';
  if (!isValidBirthDate(v.slice(6, 14), today)) return '证件号码中的出生日期无效';
  if (gb11643CheckChar(v.slice(0, 17)) !== v[17]) return '证件号码校验位不正确';
  return null;
}

/** 居民身份证 (18-digit, GB 11643) validity; lower-case x and spaces are tolerated. */
export function isValidChineseIdCard(s: string, today: Date = new Date()): boolean {
  return idCardError(s, today) === null;
}

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** GB 32100 check character for the first 17 characters (caller guarantees alphabet). */
function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Chinese error message for a 统一社会信用代码, or null when valid. */
export function usccError(s: string): string | null {
  const v = normalizeIdNumber(s);
  if (v === '') return '请填写统一社会信用代码';
  if (v.length !== 18) return '统一社会信用代码应为18位';
  if (!USCC_PATTERN.test(v)) {
    return '统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母';
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return '统一社会信用代码校验位不正确';
  return null;
}

/** 统一社会信用代码 (18 chars, GB 32100) validity, including the check character. */
export function isValidUscc(s: string): boolean {
  return usccError(s) === null;
}

// ---------------------------------------------------------------------------
// 组织机构代码 (GB 11714-1997)
// ---------------------------------------------------------------------------

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function orgCodeCharValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  return code - 55; // A=10 ... Z=35
}

/** 组织机构代码 validity; accepts `XXXXXXXX-Y` and `XXXXXXXXY` (Y = 0-9 or X). */
export function isValidOrgCode(s: string): boolean {
  const v = normalizeIdNumber(s);
  const m = /^([0-9A-Z]{8})-?([0-9X])$/.exec(v);
  if (!m) return false;
  const body = m[1]!;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(body[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return m[2] === expected;
}

// ---------------------------------------------------------------------------
// Phones, e-mail, ICP
// ---------------------------------------------------------------------------

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx. */
export function isValidMobile(s: string): boolean {
  return MOBILE_PATTERN.test(s);
}

/** Chinese error message for a mobile number, or null when valid. */
export function mobileError(s: string): string | null {
  if (s.trim() === '') return '请填写手机号码';
  return isValidMobile(s) ? null : '请填写正确的手机号码';
}

const OFFICE_PHONE_PATTERN = /^0\d{2,3}-(\d{7,8})$/;

/** True when the digits are all equal, or a strictly ascending/descending run (step 1). */
function looksFakeSubscriber(digits: string): boolean {
  if (/^(\d)\1*$/.test(digits)) return true;
  let asc = true;
  let desc = true;
  for (let i = 1; i < digits.length; i++) {
    const diff = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    if (diff !== 1) asc = false;
    if (diff !== -1) desc = false;
  }
  return asc || desc;
}

/** Chinese error message for an office phone (区号-号码), or null when valid. */
export function officePhoneError(s: string): string | null {
  if (s.trim() === '') return '请填写办公室电话';
  const m = OFFICE_PHONE_PATTERN.exec(s);
  if (!m) return '办公室电话格式应为 区号-号码，如 010-62751234';
  if (looksFakeSubscriber(m[1]!)) return '请填写真实的办公室电话';
  return null;
}

/** Office phone `0AA(A)-NNNNNNN(N)`, refusing obviously fake subscriber numbers. */
export function isValidOfficePhone(s: string): boolean {
  return officePhoneError(s) === null;
}

// WHATWG HTML "valid e-mail address".
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+\/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** E-mail address per the WHATWG HTML `input type=email` definition. */
export function isValidEmail(s: string): boolean {
  return EMAIL_PATTERN.test(s);
}

/** Chinese error message for an e-mail address, or null when valid. */
export function emailError(s: string): string | null {
  if (s.trim() === '') return '请填写电子邮件地址';
  return isValidEmail(s) ? null : '请填写正确的电子邮件地址';
}

const ICP_PATTERN =
  /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]ICP(备|证)\d{6,8}号(-\d+)?$/;

/** ICP 备案号 / 经营许可证号, e.g. 京ICP备12345678号-1, 粤ICP证030173号. */
export function isValidIcpNumber(s: string): boolean {
  return ICP_PATTERN.test(s);
}

// ---------------------------------------------------------------------------
// 证件类型 / 证件号码
// ---------------------------------------------------------------------------

export const ID_TYPES = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '护照',
  '外国人永久居留身份证',
] as const;

export type IdType = (typeof ID_TYPES)[number];

/** Chinese error message for a 证件号码 of the given 证件类型, or null when valid. */
export function idNumberError(type: IdType, value: string, today: Date = new Date()): string | null {
  const v = normalizeIdNumber(value);
  if (v === '') return '请填写证件号码';
  switch (type) {
    case '居民身份证':
      return idCardError(v, today);
    case '港澳居民来往内地通行证':
      return /^[HM]\d{8}(\d{2})?$/.test(v) ? null : '港澳居民来往内地通行证号码格式不正确';
    case '台湾居民来往大陆通行证':
      return /^\d{8}(\d{2})?$/.test(v) ? null : '台湾居民来往大陆通行证号码格式不正确';
    case '护照':
      return /^[A-Z0-9]{5,17}$/.test(v) ? null : '护照号码格式不正确';
    case '外国人永久居留身份证':
      if (/^[A-Z]{3}\d{12}$/.test(v)) return null; // 2004 版, 15 位
      if (/^9\d{16}[\dX]$/.test(v)) {
        // 2023 版, 18 位, GB 11643 校验
        return gb11643CheckChar(v.slice(0, 17)) === v[17] ? null : '外国人永久居留身份证号码校验位不正确';
      }
      return '外国人永久居留身份证号码格式不正确';
    default: {
      const unreachable: never = type;
      void unreachable;
      return '证件类型无效';
    }
  }
}
