type HeaderGetter = { get(name: string): string | null | undefined };
export type CachedPage = { html: string; nonce: string | null; headers: [string, string][]; version: number; at: number };
export const MAX_AGE_MS: number;
export const MAX_ENTRIES: number;
export const MAX_BYTES: number;
export const VERSION_HEADER: string;
export const KEY_HEADER: string;
export const CACHE_STATUS_HEADER: string;
export function pageCacheKey(method: string, pathname: string, search: string, headers: HeaderGetter): string | null;
export function pageStore(): { entries: Map<string, CachedPage>; bytes: number };
export function dataVersion(dataDir: string): number | null;
export function freshPage(key: string, version: number, now?: number): CachedPage | null;
export function storePage(
  key: string,
  page: { html: string; nonce: string | null; headers: Record<string, string | number | string[] | undefined>; version: number; at?: number },
): void;
export function withNonce(entry: CachedPage, nonce: string): string;
export function nonceOfCsp(csp: string | null | undefined): string | null;
export function clearPageCache(): void;
export function recordPage(res: import('node:http').ServerResponse): void;
