/**
 * 网站域名 rules (SPEC §4.1) and the domain normalisation of 公共查询 (SPEC §10.2).
 * Pure, shared by the wizard form (browser) and the server: only `tldts` and the WHATWG
 * `URL` are used (no `node:url`, no deprecated `punycode` module).
 *
 * Decisions:
 * - Unicode → punycode goes through `new URL('http://' + host).hostname`, i.e. the WHATWG
 *   UTS #46 processing browsers use (case folding, full-width letters and `。` mapped, invalid
 *   `xn--` labels refused). Punycode → Unicode is the small RFC 3492 decoder below.
 * - Only ICANN public suffixes count (`allowPrivateDomains: false`): `x.y.github.io` has the
 *   registrable domain `github.io`, because a 域名证书 is issued for what was registered with an
 *   ICANN registry, not for a private sub-delegation.
 * - Special-use names that are nevertheless in the ICANN section (`.onion`, `.arpa`) are refused.
 * - `ab--cd.com` style labels are accepted (WHATWG does not check hyphens in positions 3–4).
 */
import { parse } from 'tldts';

export type ParsedDomain = {
  ok: true;
  /** Whole host in Unicode, e.g. `www.例子.中国`. */
  unicode: string;
  /** Whole host in ASCII (punycode), e.g. `www.xn--fsqu00a.xn--fiqs8s`. */
  ascii: string;
  /** Registrable domain (label + ICANN public suffix) in ASCII, e.g. `xn--fsqu00a.xn--fiqs8s`. */
  registrable: string;
  /** Registrable domain in Unicode, e.g. `例子.中国`. */
  registrableUnicode: string;
  /** True when any label is internationalised. */
  isIdn: boolean;
};
export type DomainParseResult = ParsedDomain | { ok: false; message: string };

const BAD = '域名格式不正确';
export const DOMAIN_MESSAGES = {
  empty: '请填写网站域名',
  ip: '请填写域名，不要填写IP地址',
  chars: `${BAD}：只能包含字母、数字、连字符“-”和中文等文字`,
  emptyLabel: `${BAD}：不能以点开头，也不能有连续的点`,
  labelLength: `${BAD}：每一级名称不能超过63个字符`,
  hyphen: `${BAD}：每一级名称不能以连字符“-”开头或结尾`,
  totalLength: `${BAD}：域名总长度不能超过253个字符`,
  numericTld: `${BAD}：域名后缀不能是纯数字`,
  idn: `${BAD}：国际化域名编码（xn--）无效`,
  suffix: '域名后缀不是有效的公共后缀',
  incomplete: '请填写完整域名，如 example.com',
} as const;

/** Special-use names listed among ICANN suffixes that can never be a website's domain. */
const SPECIAL_USE_TLDS = new Set(['onion', 'arpa']);

// ---------------------------------------------------------------------------
// RFC 3492 (Punycode) decoder

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAXINT = 0x7fffffff;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 22; // '0'..'9' → 26..35
  if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41; // 'A'..'Z' → 0..25
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x61; // 'a'..'z' → 0..25
  return BASE;
}

/** Decodes one Punycode string (without the `xn--` prefix); null when it is not valid Punycode. */
export function punycodeDecode(input: string): string | null {
  const output: number[] = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index++));
      if (digit >= BASE || digit > Math.floor((MAXINT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAXINT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > MAXINT - n) return null;
    n += Math.floor(i / out);
    i %= out;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** ASCII host → Unicode host (each `xn--` label decoded); null if a label is not valid Punycode. */
export function hostToUnicode(ascii: string): string | null {
  const labels = ascii.split('.');
  const out: string[] = [];
  for (const label of labels) {
    if (label.toLowerCase().startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null) return null;
      out.push(decoded);
    } else {
      out.push(label);
    }
  }
  return out.join('.');
}

/** Any host (Unicode or ASCII) → ASCII host via WHATWG URL (UTS #46); null if refused. */
export function hostToAscii(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Parsing

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DOTTED_QUAD = /^\d+\.\d+\.\d+\.\d+$/;
/** Characters that can never appear in a host name as typed (before IDN conversion). */
const FORBIDDEN = /[\s%@<>"'`{}|\\^[\]!$&()*+,;=~]/u;
const LABEL_CHARS = /^[a-z0-9-]+$/;
/** A last label WHATWG would read as an IPv4 number. */
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/;

/** Pulls the host out of whatever was typed: a bare host, `host:port/path`, or a pasted URL. */
function extractHost(input: string): { host: string } | { message: string } {
  let s = input.trim().toLowerCase();
  if (!s) return { message: DOMAIN_MESSAGES.empty };
  s = s.replace(SCHEME, '').replace(/^\/\//, '');
  s = s.split(/[/?#\\]/, 1)[0];
  if (!s) return { message: DOMAIN_MESSAGES.empty };
  if (s.startsWith('[')) return { message: DOMAIN_MESSAGES.ip }; // [IPv6] literal
  const colons = s.split(':').length - 1;
  if (colons >= 2) return { message: DOMAIN_MESSAGES.ip }; // bare IPv6
  if (colons === 1) {
    const m = /^(.*):(\d{0,5})$/.exec(s);
    if (!m) return { message: DOMAIN_MESSAGES.chars };
    s = m[1];
  }
  if (!s) return { message: DOMAIN_MESSAGES.empty };
  if (FORBIDDEN.test(s)) return { message: DOMAIN_MESSAGES.chars };
  return { host: s };
}

function labelsError(ascii: string): string | null {
  if (ascii.length > 253) return DOMAIN_MESSAGES.totalLength;
  for (const label of ascii.split('.')) {
    if (!label) return DOMAIN_MESSAGES.emptyLabel;
    if (label.length > 63) return DOMAIN_MESSAGES.labelLength;
    if (!LABEL_CHARS.test(label)) return DOMAIN_MESSAGES.chars;
    if (label.startsWith('-') || label.endsWith('-')) return DOMAIN_MESSAGES.hyphen;
  }
  return null;
}

/**
 * Parses one 网站域名 as typed: trims, lower-cases, strips a pasted URL's scheme/path/port and a
 * trailing dot, converts IDN both ways and checks labels and the ICANN public suffix.
 */
export function parseDomain(input: string): DomainParseResult {
  const extracted = extractHost(input);
  if ('message' in extracted) return { ok: false, message: extracted.message };
  const typed = extracted.host;

  // Checks on the typed form, so the messages are precise before WHATWG gets a say.
  const typedLabels = typed.replace(/[。．｡]/gu, '.').replace(/\.$/, '').split('.');
  if (typedLabels.every((l) => /^\d+$/.test(l)) || DOTTED_QUAD.test(typed)) return { ok: false, message: DOMAIN_MESSAGES.ip };
  if (typedLabels.some((l) => l === '')) return { ok: false, message: DOMAIN_MESSAGES.emptyLabel };

  const converted = hostToAscii(typed);
  if (converted !== null && DOTTED_QUAD.test(converted)) return { ok: false, message: DOMAIN_MESSAGES.ip }; // e.g. 0x7f.1
  if (NUMERIC_LABEL.test(typedLabels[typedLabels.length - 1])) return { ok: false, message: DOMAIN_MESSAGES.numericTld };
  if (converted === null) {
    const message = typedLabels.some((l) => l.startsWith('xn--')) ? DOMAIN_MESSAGES.idn : DOMAIN_MESSAGES.chars;
    return { ok: false, message };
  }
  const ascii = converted.endsWith('.') ? converted.slice(0, -1) : converted;

  const labelError = labelsError(ascii);
  if (labelError) return { ok: false, message: labelError };
  const unicode = hostToUnicode(ascii);
  if (unicode === null) return { ok: false, message: DOMAIN_MESSAGES.idn };

  const labels = ascii.split('.');
  const tld = labels[labels.length - 1];
  const info = parse(ascii, { allowPrivateDomains: false, allowIcannDomains: true, extractHostname: false, detectIp: true });
  if (info.isIp) return { ok: false, message: DOMAIN_MESSAGES.ip };
  if (labels.length === 1) return { ok: false, message: DOMAIN_MESSAGES.incomplete };
  if (!info.isIcann || !info.publicSuffix || SPECIAL_USE_TLDS.has(tld)) return { ok: false, message: DOMAIN_MESSAGES.suffix };
  if (!info.domain) return { ok: false, message: DOMAIN_MESSAGES.incomplete };

  const registrable = info.domain;
  const registrableUnicode = hostToUnicode(registrable) ?? registrable;
  return { ok: true, unicode, ascii, registrable, registrableUnicode, isIdn: labels.some((l) => l.startsWith('xn--')) };
}

/**
 * 公共查询 by domain (SPEC §10.2): the typed host normalised (case, trailing dot, URL pasted,
 * Unicode or punycode) with one leading `www.` removed when it is a subdomain label. Null when the
 * input is not a valid domain.
 */
export function normalizeDomainQuery(input: string): { ascii: string; unicode: string } | null {
  const parsed = parseDomain(input);
  if (!parsed.ok) return null;
  let { ascii, unicode } = parsed;
  if (ascii.startsWith('www.') && ascii.length > parsed.registrable.length) {
    ascii = ascii.slice(4);
    unicode = unicode.slice(4);
  }
  return { ascii, unicode };
}

/** The 网站域名 list of the wizard: each parses, no duplicates, exactly one 主域名. */
export function domainsError(list: { domain: string; primary: boolean }[]): { index?: number; message: string } | null {
  if (list.length === 0 || list.every((d) => !d.domain.trim())) return { message: '请至少填写一个网站域名' };
  const seen = new Map<string, number>();
  for (let index = 0; index < list.length; index++) {
    const parsed = parseDomain(list[index].domain);
    if (!parsed.ok) return { index, message: parsed.message };
    if (seen.has(parsed.ascii)) return { index, message: `域名重复：${parsed.unicode}` };
    seen.set(parsed.ascii, index);
  }
  const primaries = list.map((d, i) => (d.primary ? i : -1)).filter((i) => i >= 0);
  if (primaries.length === 0) return { message: '请指定一个主域名' };
  if (primaries.length > 1) return { index: primaries[1], message: '只能指定一个主域名' };
  return null;
}

/**
 * Distinct registrable domains (ASCII, in first-seen order) of a list of domains: one 域名证书 is
 * needed per registrable domain. Entries that do not parse are skipped; use `hostToUnicode` to
 * display them.
 */
export function registrableDomains(list: string[]): string[] {
  const out: string[] = [];
  for (const d of list) {
    const parsed = parseDomain(d);
    if (parsed.ok && !out.includes(parsed.registrable)) out.push(parsed.registrable);
  }
  return out;
}
