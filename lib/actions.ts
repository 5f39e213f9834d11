import type { z } from 'zod';
import { headers } from 'next/headers';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { can, type Permission } from '@/lib/auth/policy';
import { isAppError, GENERIC_ERROR } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { fieldErrorsOf, isPlainObject, zhErrorMap } from '@/lib/zod-errors';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}

/** What a request that is not an action's object (null, a string, a list) is told. */
export const MALFORMED_INPUT = '提交的数据格式不正确，请刷新页面后重试';

const schemas = new WeakMap<object, z.ZodType>();
/** The schema an action parses its input with (the sweep test builds hostile input from it). */
export function schemaOfAction(action: object): z.ZodType | undefined {
  return schemas.get(action);
}

/**
 * The schema's answer with Chinese fallback messages; null when a refinement stumbled over a value
 * of the wrong type (only a forged request sends one; the schema's own type issue is what it meant).
 */
function parseInput<S extends z.ZodType>(schema: S, raw: unknown) {
  try {
    return schema.safeParse(raw, { error: zhErrorMap });
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

type Ctx<P> = P extends null ? { user: CurrentUser | null; ip: string | null } : { user: CurrentUser; ip: string | null };

/**
 * The one wrapper for every exported server action: permission check (through the
 * policy table), schema parse, and mapping of errors onto fields. `permission: null`
 * marks a public action (registration).
 */
export function defineAction<S extends z.ZodType, T, P extends Permission | null>(
  opts: { schema: S; permission: P },
  fn: (input: z.output<S>, ctx: Ctx<P>) => Promise<T> | T,
) {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (opts.permission !== null) {
        if (!user) return { ok: false, formError: '登录已过期，请重新登录' };
        if (!can(user, opts.permission)) return { ok: false, formError: '您没有权限执行此操作' };
      }
      // Every action takes one object: anything else is a forged request, answered, never a TypeError.
      if (!isPlainObject(raw)) return { ok: false, formError: MALFORMED_INPUT };
      const parsed = parseInput(opts.schema, raw);
      if (!parsed) return { ok: false, formError: MALFORMED_INPUT };
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        return { ok: false, formError: fieldErrors._form ?? '请检查填写的内容', fieldErrors };
      }
      const data = await fn(parsed.data, { user, ip: await requestIp() } as Ctx<P>);
      return { ok: true, data };
    } catch (e) {
      if (isAppError(e)) return { ok: false, formError: e.message, fieldErrors: e.fieldErrors };
      // next/navigation's redirect/notFound throw control-flow errors that must pass through.
      if (e && typeof e === 'object' && 'digest' in e) throw e;
      console.error(e);
      return { ok: false, formError: GENERIC_ERROR };
    }
  };
  schemas.set(action, opts.schema);
  return action;
}
