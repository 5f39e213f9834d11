/**
 * The two CSV formats of /admin/imports (SPEC §8.2 未备案网站, §8.3 旧备案): parsing (RFC 4180,
 * UTF-8 with or without BOM, CRLF or LF), the exact header, and per-line checks with
 * line-numbered Chinese errors (第3行：证件号码格式不正确). Pure: the caller passes `now`.
 */
import { parseDomain } from '@/lib/websites/domains';
import { ID_TYPES, idNumberError, isValidMobile, isValidOrgCode, normalizeIdNumber, usccError, type IdType } from '@/lib/validation/identifiers';
import { ORG_CERT_TYPES } from '@/lib/subjects/rules';
import { beijingDate } from '@/lib/time';
import { normalizeFilingNumber, PROVINCE_ABBR } from '@/lib/review/filing-number';

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const UNFILED_HEADER = ['网站名称', '域名', '证件类型', '证件号码', '发现日期'] as const;
export const LEGACY_HEADER = ['旧备案号', '网站名称', '域名', '开办主体名称', '证件类型', '证件号码', '负责人手机号码', '备案时间'] as const;

export type LineError = { line: number; message: string };

export type UnfiledRow = {
  line: number;
  name: string;
  domain: string;
  domainAscii: string;
  certType: string;
  certNumber: string;
  discoveredOn: string;
};

export type LegacyRow = {
  line: number;
  oldDigits: string;
  oldNumber: string;
  name: string;
  domain: string;
  domainAscii: string;
  subjectName: string;
  certType: string;
  certNumber: string;
  phone: string;
  filedOn: string;
};

export type ParseResult<R> = { rows: R[]; errors: LineError[] };

/** RFC 4180 records with the line number each starts on (a quoted field may span lines). */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] | { error: string } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') return { error: `第${line}行：引号位置不正确` };
      quoted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { error: `第${recordLine}行：引号未闭合` };
  if (field !== '' || fields.length) endRecord();
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateError(label: string, v: string, now: number): string | null {
  const m = DATE.exec(v);
  if (!m) return `${label}格式应为YYYY-MM-DD`;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return `${label}不是有效日期`;
  if (v > beijingDate(now)) return `${label}不能晚于今天`;
  return null;
}

/** 证件类型 accepted in the files: the personal ID types and the unit certificate types. */
export const IMPORT_CERT_TYPES: readonly string[] = [...ORG_CERT_TYPES, ...ID_TYPES];

/** The 证件号码 error for its 证件类型 (null when valid). */
export function certError(type: string, number: string, now: number): string | null {
  if (!IMPORT_CERT_TYPES.includes(type)) return '证件类型无效';
  const v = normalizeIdNumber(number);
  if (!v) return '请填写证件号码';
  if ((ID_TYPES as readonly string[]).includes(type)) return idNumberError(type as IdType, v, new Date(now)) ? '证件号码格式不正确' : null;
  if (type === '统一社会信用代码证') return usccError(v) ? '证件号码格式不正确' : null;
  if (type === '组织机构代码证') return isValidOrgCode(v) ? null : '证件号码格式不正确';
  return v.length > 50 ? '证件号码格式不正确' : null;
}

type Checked<R> = ParseResult<R> | { fatal: string };

function records(text: string, header: readonly string[]): Checked<{ line: number; fields: string[] }> {
  const recs = parseCsvRecords(text);
  if ('error' in recs) return { fatal: recs.error };
  if (!recs.length) return { fatal: '文件为空' };
  const head = recs[0]!.fields.map((f) => f.trim());
  if (head.join(',') !== header.join(',')) return { fatal: `第1行：表头应为 ${header.join(',')}` };
  const body = recs.slice(1);
  if (!body.length) return { fatal: '文件中没有数据行' };
  if (body.length > IMPORT_MAX_ROWS) return { fatal: `每个文件最多${IMPORT_MAX_ROWS}行` };
  const errors: LineError[] = [];
  const rows: { line: number; fields: string[] }[] = [];
  for (const r of body) {
    if (r.fields.length !== header.length) errors.push({ line: r.line, message: `应有${header.length}列，实际${r.fields.length}列` });
    else rows.push({ line: r.line, fields: r.fields.map((f) => f.trim()) });
  }
  return { rows, errors };
}

function checkName(label: string, v: string): string | null {
  if (!v) return `请填写${label}`;
  if (Array.from(v).length > 100) return `${label}不能超过100个字`;
  return null;
}

/** 未备案网站: `网站名称,域名,证件类型,证件号码,发现日期`. */
export function parseUnfiledCsv(text: string, now: number): ParseResult<UnfiledRow> | { fatal: string } {
  const r = records(text, UNFILED_HEADER);
  if ('fatal' in r) return r;
  const errors = [...r.errors];
  const rows: UnfiledRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of r.rows) {
    const [name, domain, certType, certNumber, discoveredOn] = fields as [string, string, string, string, string];
    const lineErrors: string[] = [];
    const e1 = checkName('网站名称', name);
    if (e1) lineErrors.push(e1);
    const d = parseDomain(domain);
    if (!d.ok) lineErrors.push(`域名：${d.message}`);
    const e3 = certError(certType, certNumber, now);
    if (e3) lineErrors.push(e3);
    const e4 = dateError('发现日期', discoveredOn, now);
    if (e4) lineErrors.push(e4);
    if (d.ok) {
      const first = seen.get(d.ascii);
      if (first) lineErrors.push(`域名与第${first}行重复`);
      else seen.set(d.ascii, line);
    }
    if (lineErrors.length) {
      for (const m of lineErrors) errors.push({ line, message: m });
      continue;
    }
    if (!d.ok) continue;
    rows.push({ line, name, domain: d.unicode, domainAscii: d.ascii, certType, certNumber: normalizeIdNumber(certNumber), discoveredOn });
  }
  return { rows, errors: sortErrors(errors) };
}

/** 旧备案: `旧备案号,网站名称,域名,开办主体名称,证件类型,证件号码,负责人手机号码,备案时间`. */
export function parseLegacyCsv(text: string, now: number): ParseResult<LegacyRow> | { fatal: string } {
  const r = records(text, LEGACY_HEADER);
  if ('fatal' in r) return r;
  const errors = [...r.errors];
  const rows: LegacyRow[] = [];
  const seenDigits = new Map<string, number>();
  for (const { line, fields } of r.rows) {
    const [number, name, domain, subjectName, certType, certNumber, phone, filedOn] = fields as [string, string, string, string, string, string, string, string];
    const lineErrors: string[] = [];
    const digits = legacyDigits(number);
    if ('error' in digits) lineErrors.push(digits.error);
    const e1 = checkName('网站名称', name);
    if (e1) lineErrors.push(e1);
    const d = parseDomain(domain);
    if (!d.ok) lineErrors.push(`域名：${d.message}`);
    const e2 = checkName('开办主体名称', subjectName);
    if (e2) lineErrors.push(e2);
    const e3 = certError(certType, certNumber, now);
    if (e3) lineErrors.push(e3);
    if (!isValidMobile(phone)) lineErrors.push('负责人手机号码格式不正确');
    const e4 = dateError('备案时间', filedOn, now);
    if (e4) lineErrors.push(e4);
    if ('digits' in digits) {
      const first = seenDigits.get(digits.digits);
      if (first) lineErrors.push(`旧备案号与第${first}行重复`);
      else seenDigits.set(digits.digits, line);
    }
    if (lineErrors.length) {
      for (const m of lineErrors) errors.push({ line, message: m });
      continue;
    }
    if (!d.ok || !('digits' in digits)) continue;
    rows.push({
      line,
      oldDigits: digits.digits,
      oldNumber: digits.number,
      name,
      domain: d.unicode,
      domainAscii: d.ascii,
      subjectName,
      certType,
      certNumber: normalizeIdNumber(certNumber),
      phone,
      filedOn,
    });
  }
  return { rows, errors: sortErrors(errors) };
}

/**
 * 旧备案号 → its 14 digits (normalizeFilingNumber) and the stored `{简称}公网安备{digits}号`; a
 * typed province prefix must be the digits' province.
 */
export function legacyDigits(input: string): { digits: string; number: string } | { error: string } {
  const digits = normalizeFilingNumber(input);
  if (!digits) return { error: '旧备案号格式不正确' };
  const abbr = PROVINCE_ABBR[digits.slice(0, 2)];
  if (!abbr) return { error: '旧备案号的省份代码不正确' };
  const typed = /^(.)公网安备/.exec(input.normalize('NFKC').replace(/\s+/g, ''))?.[1];
  if (typed && typed !== abbr) return { error: '旧备案号的省份简称与号码不一致' };
  return { digits, number: `${abbr}公网安备${digits}号` };
}

function sortErrors(e: LineError[]): LineError[] {
  return e.sort((a, b) => a.line - b.line);
}

/** 第3行：证件号码格式不正确 */
export function formatLineError(e: LineError): string {
  return `第${e.line}行：${e.message}`;
}
