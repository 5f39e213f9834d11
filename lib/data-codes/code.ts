/**
 * 数据码 (SPEC §8.1): 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
 * in groups of four. What people type is folded back: full width, lower case, spaces and dashes.
 */
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 16;
/** A code is valid for 90 days from its issue. */
export const CODE_VALID_MS = 90 * 24 * 60 * 60_000;

export function generateCode(rand: (max: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[rand(CODE_ALPHABET.length)];
  return s;
}

/** The 16 characters of a code as typed, or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const s = input.normalize('NFKC').replace(/[\s\-－—_]/g, '').toUpperCase();
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return null;
  return s;
}

/** `ABCD-EFGH-JKMN-PQRS`, as shown once after issue. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** The list's form after creation: the first and last four kept. */
export const maskCode = (code: string) => `${code.slice(0, 4)}-****-****-${code.slice(-4)}`;

export const DATA_CODE_STATUSES = ['未绑定', '已绑定', '已过期', '已作废'] as const;
export type DataCodeStatus = (typeof DATA_CODE_STATUSES)[number];

/** A code's 状态 at `now`: 已作废 and 已绑定 stay; an unbound code past its 90 days is 已过期. */
export function dataCodeStatus(row: { revokedAt: number | null; boundAt: number | null; expiresAt: number }, now: number): DataCodeStatus {
  if (row.revokedAt != null) return '已作废';
  if (row.boundAt != null) return '已绑定';
  if (now >= row.expiresAt) return '已过期';
  return '未绑定';
}
