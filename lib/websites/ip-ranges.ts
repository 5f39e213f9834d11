/**
 * 服务器IP地址 ranges (SPEC §4.1): 起始IP–结束IP, IPv4 or IPv6, start ≤ end, public addresses only.
 * Pure, shared by the wizard form (browser) and the server; uses `ipaddr.js` only.
 *
 * Decisions:
 * - IPv4 must be written as four decimal parts without leading zeros (`ipaddr.js` alone would also
 *   take `10.1`, `0x0a.0.0.1` or `010.0.0.1`, which hide what is meant). IPv6 zone ids (`%eth0`)
 *   are refused.
 * - An IPv4-mapped IPv6 address (`::ffff:8.8.8.8`) is treated and stored as the IPv4 address it
 *   carries, so `::ffff:10.0.0.1` is refused as private.
 * - Public = `range()` is `'unicast'`; for IPv6 additionally inside 2000::/3, the IANA global
 *   unicast space (so `4000::1`, IPv4-compatible `::8.8.8.8`, etc. are refused). 6to4, Teredo,
 *   NAT64, ORCHID, documentation and the other special blocks are refused.
 * - A range is refused when any address in it is not public, not only its endpoints: the range is
 *   compared numerically (BigInt for IPv6) against every special block.
 * - Output is normalised: IPv4 dotted decimal, IPv6 in RFC 5952 short form.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;
export type IpRangeResult =
  | { ok: true; family: IpFamily; start: string; end: string }
  | { ok: false; field: 'start' | 'end'; message: string };

export const IP_MESSAGES = {
  required: '请填写IP地址',
  format: 'IP地址格式不正确',
  family: '起始IP与结束IP须同为IPv4或IPv6',
  order: '起始IP不能大于结束IP',
  notPublic: '请填写公网IP',
  atLeastOne: '请至少填写一个服务器IP地址',
} as const;

type Block = { cidr: string; first: bigint; last: bigint };

function block(cidr: string): Block {
  const [addr, bits] = ipaddr.parseCIDR(cidr);
  const width = addr.kind() === 'ipv4' ? 32 : 128;
  const first = toBigInt(addr);
  const size = BigInt(1) << BigInt(width - bits);
  return { cidr, first, last: first + size - BigInt(1) };
}

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let n = BigInt(0);
  for (const byte of addr.toByteArray()) n = (n << BigInt(8)) | BigInt(byte);
  return n;
}

/** Every non-public IPv4 block (the same list `ipaddr.js` classifies, RFC 6890 and friends). */
const V4_SPECIAL: Block[] = [
  '0.0.0.0/8', // 本网络 / unspecified
  '10.0.0.0/8', // private
  '100.64.0.0/10', // CGNAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // TEST-NET-1
  '192.31.196.0/24', // AS112
  '192.52.193.0/24', // AMT
  '192.88.99.0/24', // 6to4 relay anycast (deprecated)
  '192.168.0.0/16', // private
  '192.175.48.0/24', // AS112
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, includes 255.255.255.255 broadcast
].map(block);

/** IPv6 global unicast space; everything outside it is reserved, local, multicast, etc. */
const V6_GLOBAL = block('2000::/3');
/** Non-public blocks inside 2000::/3. */
const V6_SPECIAL: Block[] = [
  '2001::/23', // IETF protocol assignments: Teredo, benchmarking, AMT, AS112, ORCHID…
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4
  '2620:4f:8000::/48', // AS112
  '3fff::/20', // documentation
].map(block);

/**
 * IPv6 parsing. `ipaddr.js` reads any trailing dotted quad as IPv4-mapped (`::8.8.8.8` becomes
 * `::ffff:8.8.8.8`), so an embedded IPv4 is rewritten to two hex groups first.
 */
function parseIpv6(s: string): ipaddr.IPv6 | null {
  let text = s;
  const embedded = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (embedded) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(embedded[2])) return null;
    const [a, b, c, d] = ipaddr.IPv4.parse(embedded[2]).octets;
    text = `${embedded[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  } else if (s.includes('.')) {
    return null;
  }
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : null;
}

type Parsed = { family: IpFamily; addr: ipaddr.IPv4 | ipaddr.IPv6; value: bigint; text: string };

function parseAddress(input: string): Parsed | null {
  const s = input.trim().toLowerCase();
  if (!s || s.includes('%') || s.includes('/')) return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
    const addr = ipaddr.IPv4.parse(s);
    return { family: 4, addr, value: toBigInt(addr), text: addr.toString() };
  }
  if (!s.includes(':')) return null;
  const v6 = parseIpv6(s);
  if (!v6) return null;
  if (v6.isIPv4MappedAddress()) {
    const addr = v6.toIPv4Address();
    return { family: 4, addr, value: toBigInt(addr), text: addr.toString() };
  }
  return { family: 6, addr: v6, value: toBigInt(v6), text: v6.toRFC5952String() };
}

function isPublic(p: Parsed): boolean {
  if (p.addr.range() !== 'unicast') return false;
  if (p.family === 6 && (p.value < V6_GLOBAL.first || p.value > V6_GLOBAL.last)) return false;
  const blocks = p.family === 4 ? V4_SPECIAL : V6_SPECIAL;
  return !blocks.some((b) => p.value >= b.first && p.value <= b.last);
}

/** The first non-public block overlapping [first, last], if any. */
function overlappingSpecialBlock(family: IpFamily, first: bigint, last: bigint): Block | null {
  if (family === 6 && (first < V6_GLOBAL.first || last > V6_GLOBAL.last)) return V6_GLOBAL;
  const blocks = family === 4 ? V4_SPECIAL : V6_SPECIAL;
  return blocks.find((b) => first <= b.last && last >= b.first) ?? null;
}

/** Parses one 起始IP–结束IP pair; the error names the field to mark. */
export function parseIpRange(start: string, end: string): IpRangeResult {
  if (!start.trim()) return { ok: false, field: 'start', message: IP_MESSAGES.required };
  const a = parseAddress(start);
  if (!a) return { ok: false, field: 'start', message: IP_MESSAGES.format };
  if (!isPublic(a)) return { ok: false, field: 'start', message: IP_MESSAGES.notPublic };
  if (!end.trim()) return { ok: false, field: 'end', message: IP_MESSAGES.required };
  const b = parseAddress(end);
  if (!b) return { ok: false, field: 'end', message: IP_MESSAGES.format };
  if (!isPublic(b)) return { ok: false, field: 'end', message: IP_MESSAGES.notPublic };
  if (a.family !== b.family) return { ok: false, field: 'end', message: IP_MESSAGES.family };
  if (a.value > b.value) return { ok: false, field: 'end', message: IP_MESSAGES.order };
  const spanned = overlappingSpecialBlock(a.family, a.value, b.value);
  if (spanned) {
    const what = spanned === V6_GLOBAL ? '非全球单播地址' : `非公网地址段 ${spanned.cidr}`;
    return { ok: false, field: 'end', message: `IP地址段包含${what}，${IP_MESSAGES.notPublic}` };
  }
  return { ok: true, family: a.family, start: a.text, end: b.text };
}

/** The 服务器IP地址 list of the wizard: at least one range, each valid. */
export function ipRangesError(
  list: { start: string; end: string }[],
): { index: number; field: 'start' | 'end'; message: string } | null {
  if (list.length === 0 || list.every((r) => !r.start.trim() && !r.end.trim())) {
    return { index: 0, field: 'start', message: IP_MESSAGES.atLeastOne };
  }
  for (let index = 0; index < list.length; index++) {
    const r = parseIpRange(list[index].start, list[index].end);
    if (!r.ok) return { index, field: r.field, message: r.message };
  }
  return null;
}
