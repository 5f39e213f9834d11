/**
 * One wrapper for route handlers: the signed-in user when the route needs one (401 请先登录 /
 * 403 without the permission), AppError → its HTTP status with the Chinese message as JSON,
 * anything unexpected → 500 系统繁忙, and `no-store` on every JSON answer (lib/http/response).
 * A route that answers something else (a PDF, a CSV) sets its own headers on its Response.
 */
import 'server-only';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { assertCan, type Permission } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { errorResponse } from './response';

type RouteContext<P> = { params: Promise<P> };
type RouteHandler<P> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

type Options = {
  /** What the route does, for the server log of an unexpected failure ('csv export'). */
  name: string;
  /** Fields added to an AppError's JSON answer (e.g. the form field it belongs to). */
  errorBody?: (e: AppError) => Record<string, unknown>;
};
/** 'signed-in': any signed-in user (the service checks what they may see). */
type Access = Permission | 'signed-in';

/** A route for signed-in users: 401 without a session, 403 without the permission. */
export function route<P = Record<string, never>>(
  opts: Options & { access: Access },
  handler: (req: Request, ctx: { user: CurrentUser; params: P }) => Promise<Response> | Response,
): RouteHandler<P>;
/** A public route (no session read). */
export function route<P = Record<string, never>>(
  opts: Options & { access?: undefined },
  handler: (req: Request, ctx: { user: null; params: P }) => Promise<Response> | Response,
): RouteHandler<P>;
export function route<P>(
  opts: Options & { access?: Access },
  // `never`: each overload's handler takes the user it is given (CurrentUser, or null).
  handler: (req: Request, ctx: { user: never; params: P }) => Promise<Response> | Response,
): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      let user: CurrentUser | null = null;
      if (opts.access) {
        user = await getCurrentUser();
        if (!user) throw new AppError('unauthenticated', '请先登录');
        if (opts.access !== 'signed-in') assertCan(user, opts.access);
      }
      return await handler(req, { user: user as never, params: await ctx.params });
    } catch (e) {
      return errorResponse(e, opts.name, opts.errorBody);
    }
  };
}
