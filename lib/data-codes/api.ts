/**
 * The provider API's answers (README 服务商接口): JSON, never cached; a refused key 401, past
 * the per-key limit 429 with Retry-After, field errors 400 as `{ error, fields: { path: message } }`.
 */
import 'server-only';
import { AppError } from '@/lib/errors';
import { errorResponse, jsonResponse } from '@/lib/http/response';
import { authenticateApiKey, RateLimited, type ApiCaller } from './api-keys';

export const BAD_JSON = '请求内容不是有效的JSON';

/** Runs `fn` for the caller behind the request's key; every failure becomes its JSON answer. */
export async function withApiKey(req: Request, fn: (caller: ApiCaller) => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn(authenticateApiKey(req.headers.get('authorization')));
  } catch (e) {
    if (e instanceof RateLimited) return jsonResponse({ error: e.message, retryAfter: e.retryAfter }, 429, { 'Retry-After': String(e.retryAfter) });
    return errorResponse(e, 'provider api', (err: AppError) => (err.code === 'invalid' ? { fields: err.fieldErrors ?? {} } : {}));
  }
}

/** The request's JSON object, or 400 请检查填写的信息 with `fields._form`. */
export async function jsonBody(req: Request): Promise<unknown> {
  try {
    const body: unknown = await req.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    // answered below
  }
  throw new AppError('invalid', '请检查填写的信息', { _form: BAD_JSON });
}
