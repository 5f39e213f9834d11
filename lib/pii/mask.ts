/**
 * Masking helpers for personal information shown in lists, logs and e-mails.
 * Pure functions; masking is done per Unicode code point and keeps the length
 * (one `*` per hidden character) unless stated otherwise.
 */

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

/** Keep the first `head` and last `tail` chars; all stars if nothing would be hidden. */
function keepEnds(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length <= head + tail) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** 证件号码: keep first 3 and last 2, e.g. 110101199003071234 → 110*************34. */
export function maskIdNumber(s: string): string {
  return keepEnds(s.trim(), 3, 2);
}

/**
 * Phone: an 11-digit mobile → 137****2945; anything else keeps the first 3 and
 * last 2 characters (e.g. 010-62751234 → 010*******34); 5 chars or fewer → all stars.
 */
export function maskPhone(s: string): string {
  const v = s.trim();
  if (/^\d{11}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  return keepEnds(v, 3, 2);
}

/**
 * E-mail: zhangsan@example.com → z***n@example.com; a 1–2 char local part →
 * first char + "***". Strings without a usable `@` are fully starred.
 */
export function maskEmail(s: string): string {
  const v = s.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return stars(Array.from(v).length);
  const local = Array.from(v.slice(0, at));
  const domain = v.slice(at);
  if (local.length <= 2) return `${local[0]}***${domain}`;
  return `${local[0]}***${local[local.length - 1]}${domain}`;
}

/** Person name: first char + one star per remaining char (张三 → 张*); one char → "*". */
export function maskName(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length <= 1) return stars(chars.length);
  return chars[0] + stars(chars.length - 1);
}

/** Digits 4–7 (index 3..6) of an 11-digit mobile, e.g. 13712342945 → "1234"; null otherwise. */
export function phoneMiddleFour(s: string): string | null {
  const v = s.trim();
  if (!/^\d{11}$/.test(v)) return null;
  return v.slice(3, 7);
}
