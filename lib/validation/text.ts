/**
 * Length and character rules of every text field (SPEC §13 Abuse and hostile input): names ≤ 100
 * characters, addresses ≤ 200, free text ≤ 2,000, each refused with a Chinese message on its field.
 * Names (主体名称, 网站名称, 单位名称, people's names, addresses) also refuse characters a reader
 * cannot see or that reorder what is shown: control characters, bidi overrides and isolates,
 * zero-width and other invisible characters, and runs of combining marks. Pure: forms use it too.
 */
import { z } from 'zod';

export const NAME_MAX = 100;
export const ADDRESS_MAX = 200;
export const TEXT_MAX = 2000;
/** More consecutive combining marks than this is "Zalgo" text, not a real name. */
export const COMBINING_RUN_MAX = 2;

const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINES = /[^\P{Cc}\t\n]/u;
// LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM, ALM.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// Zero-width and other format characters (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen…), fillers that render
// as blanks, line/paragraph separators, private-use, unassigned and lone surrogate code points.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/u;
const COMBINING_RUN = new RegExp(`\\p{M}{${COMBINING_RUN_MAX + 1},}`, 'u');

/** Characters as a reader counts them (an astral CJK character is one, not two UTF-16 units). */
export function charCount(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function tooLongMessage(label: string, max: number): string {
  return `${label}不能超过${max}个字`;
}

/** The character rules of a name, or null when it has none of the refused characters. */
export function nameCharsError(value: string, label: string): string | null {
  if (CONTROL.test(value)) return `${label}不能包含控制字符`;
  if (BIDI.test(value)) return `${label}不能包含改变文字方向的控制字符`;
  if (INVISIBLE.test(value)) return `${label}不能包含零宽字符等不可见字符`;
  if (COMBINING_RUN.test(value)) return `${label}不能包含连续叠加的组合符号`;
  return null;
}

/** The character rules of free text: line breaks and tabs are fine, other controls and bidi overrides are not. */
export function plainCharsError(value: string, label: string): string | null {
  if (CONTROL_EXCEPT_LINES.test(value)) return `${label}不能包含控制字符`;
  if (BIDI.test(value)) return `${label}不能包含改变文字方向的控制字符`;
  return null;
}

/** Length first (a 100,000-character value gets that message, not a character one), then the characters. */
export function nameTextError(value: string, label: string, max = NAME_MAX): string | null {
  if (charCount(value) > max) return tooLongMessage(label, max);
  return nameCharsError(value, label);
}

export function plainTextError(value: string, label: string, max = TEXT_MAX): string | null {
  if (charCount(value) > max) return tooLongMessage(label, max);
  return plainCharsError(value, label);
}

const HIDDEN_GLOBAL = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}`, 'gu');

/** A search query as matched: control, bidi and invisible characters dropped (a NUL finds nothing, it never fails). */
export function stripHidden(value: string): string {
  return value.replace(HIDDEN_GLOBAL, '');
}

/** "请填写X" for a missing value, "X格式不正确" for a value of another type. */
function typeError(label: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}格式不正确`);
}

function refineWith(fn: (v: string) => string | null) {
  return (v: string, ctx: z.RefinementCtx) => {
    const message = fn(v);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

/**
 * A name (主体名称, 网站名称, 单位名称, a person's name) or another single-line value shown as
 * typed: trimmed, NFC, at most `max` characters, none of the refused characters. Whether it is
 * required is the caller's (`.min(1, …)`, or `.optional().default('')`).
 */
export function nameText(label: string, max = NAME_MAX) {
  return z
    .string({ error: typeError(label) })
    .trim()
    .normalize('NFC')
    .superRefine(refineWith((v) => nameTextError(v, label, max)));
}

/** 详细地址 and the like: a name's rules with the address limit. */
export function addressText(label: string, max = ADDRESS_MAX) {
  return nameText(label, max);
}

/** A search box: at most `max` characters, hidden characters dropped rather than refused. */
export function searchText(label: string, max = NAME_MAX) {
  return z
    .string({ error: typeError(label) })
    .overwrite(stripHidden)
    .trim()
    .superRefine(refineWith((v) => (charCount(v) > max ? tooLongMessage(label, max) : null)));
}

/**
 * Free text (说明, 原因, 审核意见, 备注): line breaks kept (CRLF → LF), trimmed, at most `max`
 * characters, no control characters other than line breaks and tabs, no bidi overrides.
 */
export function plainText(label: string, max = TEXT_MAX) {
  return z
    .string({ error: typeError(label) })
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim()
    .superRefine(refineWith((v) => plainTextError(v, label, max)));
}
