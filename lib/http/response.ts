/**
 * The answers of route handlers (app/api/**, /review/dashboard/export): JSON with the Chinese
 * message, never stored by a cache, and one mapping of AppError codes to HTTP statuses.
 */
import { AppError, GENERIC_ERROR, isAppError } from '@/lib/errors';

/** Personal or per-user data: no cache keeps it (browser, proxy or CDN). */
export const NO_STORE = 'private, max-age=0, no-store';

export const APP_ERROR_STATUS: Record<AppError['code'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** A JSON answer, `no-store` and `nosniff` unless `headers` says otherwise. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': NO_STORE, 'X-Content-Type-Options': 'nosniff', ...headers } });
}

/**
 * The answer to a thrown error: an AppError's Chinese message with its status (and `extra` fields
 * for the form, e.g. fieldErrors), anything else logged and answered 500 系统繁忙.
 */
export function errorResponse(e: unknown, what: string, extra?: (e: AppError) => Record<string, unknown>): Response {
  if (isAppError(e)) return jsonResponse({ error: e.message, ...extra?.(e) }, APP_ERROR_STATUS[e.code]);
  console.error(`${what} failed`, e);
  return jsonResponse({ error: GENERIC_ERROR }, 500);
}

/** A route's numeric id (`/api/files/12`): a positive safe integer, or null. */
export function routeId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
}
