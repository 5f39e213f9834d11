import { describe, it, expect, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('server-only', () => ({}));

import { AppError, GENERIC_ERROR } from '@/lib/errors';
import { route } from './route';

const call = (handler: (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>) => handler(new Request('http://beian.test/api/x'), { params: Promise.resolve({}) });
const applicant: CurrentUser = { id: 1, role: 'applicant', unitId: null, phoneVerified: true, name: '张伟', emailVerified: false };

describe('route()', () => {
  it('answers AppErrors with their status and Chinese message as JSON, never cached', async () => {
    for (const [code, status] of [['invalid', 400], ['unauthenticated', 401], ['forbidden', 403], ['not_found', 404], ['conflict', 409], ['rate_limited', 429]] as const) {
      const res = await call(route({ name: 't' }, () => { throw new AppError(code, '中文说明'); }));
      expect(res.status, code).toBe(status);
      expect(await res.json()).toEqual({ error: '中文说明' });
      expect(res.headers.get('cache-control')).toContain('no-store');
    }
  });
  it('answers anything unexpected with 500 系统繁忙', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await call(route({ name: 't' }, () => { throw new Error('boom'); }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: GENERIC_ERROR });
    spy.mockRestore();
  });
  it('reads the session when the route needs one: 401 without, 403 without the permission', async () => {
    const handler = route({ name: 't', access: 'review.area' }, (_req, { user }) => Response.json({ id: user.id }));
    session.user = null;
    expect((await call(handler)).status).toBe(401);
    session.user = applicant;
    const res = await call(handler);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: '您没有权限执行此操作' });
    session.user = { ...applicant, role: 'reviewer', unitId: 1 };
    expect(await (await call(handler)).json()).toEqual({ id: 1 });
  });
  it('adds the route’s fields to an AppError answer', async () => {
    const res = await call(route({ name: 't', errorBody: () => ({ field: 'file' }) }, () => { throw new AppError('invalid', '请选择文件'); }));
    expect(await res.json()).toEqual({ error: '请选择文件', field: 'file' });
  });
});
