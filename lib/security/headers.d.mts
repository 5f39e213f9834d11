export function newNonce(): string;
export function pageCsp(nonce: string, dev?: boolean): string;
export const HSTS: string;
export function hstsEnabled(env?: Record<string, string | undefined>): boolean;
export const SESSION_COOKIES: string[];
export const PRIVATE_AREA: RegExp;
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean;
export const PAGE_HEADERS_SET: string;
