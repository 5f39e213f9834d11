/**
 * Readers of saved drafts (or anything shaped like one): each returns the expected type or an
 * empty value, never what it cannot vouch for. Shared by every wizard's form values. Pure.
 */
export type YesNo = '' | '是' | '否';
export type Scope = '境内' | '境外';

export const MAX_DRAFT_ROWS = 20;

export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const list = (v: unknown, max = MAX_DRAFT_ROWS): unknown[] => (Array.isArray(v) ? v.slice(0, max) : []);
export const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
export const oneOf = <T extends string>(options: readonly T[], v: unknown): T | '' =>
  typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : '';
export const yesNo = (v: unknown): YesNo => oneOf(['是', '否'] as const, v);
export const scope = (v: unknown): Scope => oneOf(['境内', '境外'] as const, v) || '境内';
export const fileId = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);
export const region = (v: unknown) => (typeof v === 'string' && /^\d{6}$/.test(v) ? v : '');
export const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');

/** Picks the known options of a list, once each, in the options' order. */
export function pick<T extends string>(options: readonly T[], v: unknown): T[] {
  const chosen = list(v, options.length * 2);
  return options.filter((o) => chosen.includes(o));
}

/** '' (not chosen) → undefined: the schema's own "请选择…" error. */
export const orUndefined = <T extends string>(v: string): T | undefined => (v === '' ? undefined : (v as T));
