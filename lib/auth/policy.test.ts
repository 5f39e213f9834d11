import { describe, it, expect } from 'vitest';
import { can, canReadFile, canDecide, assertCan, PERMISSIONS, type Actor } from './policy';

const actor = (role: string, extra: Partial<Actor> = {}): Actor =>
  ({ id: 1, role, unitId: null, phoneVerified: true, ...extra }) as Actor;

describe('permission table', () => {
  it('gives each area only to its roles', () => {
    expect(can(actor('applicant'), 'applicant.area')).toBe(true);
    expect(can(actor('applicant'), 'review.area')).toBe(false);
    expect(can(actor('applicant'), 'admin.area')).toBe(false);
    expect(can(actor('reviewer'), 'review.area')).toBe(true);
    expect(can(actor('reviewer'), 'admin.area')).toBe(false);
    expect(can(actor('admin'), 'review.area')).toBe(true);
    expect(can(actor('provider'), 'provider.area')).toBe(true);
    expect(can(actor('provider'), 'applicant.area')).toBe(false);
  });

  it('fails closed on an unknown role, a missing actor and an unknown permission', () => {
    expect(can(actor('superuser'), 'account.self')).toBe(false);
    expect(can(null, 'account.self')).toBe(false);
    expect(can(actor('admin'), 'nope' as keyof typeof PERMISSIONS)).toBe(false);
    expect(() => assertCan(null, 'account.self')).toThrow('请先登录');
    expect(() => assertCan(actor('applicant'), 'admin.area')).toThrow('您没有权限执行此操作');
  });

  it('requires a verified phone to decide', () => {
    expect(canDecide(actor('reviewer', { phoneVerified: false }))).toBe(false);
    expect(canDecide(actor('reviewer'))).toBe(true);
    expect(canDecide(actor('applicant'))).toBe(false);
  });

  it('lets only the owner, admins and the unit reviewers read a file', () => {
    const file = { ownerId: 7, subjectUnitId: 3 };
    expect(canReadFile(actor('applicant', { id: 7 }), file)).toBe(true);
    expect(canReadFile(actor('applicant', { id: 8 }), file)).toBe(false);
    expect(canReadFile(actor('reviewer', { id: 9, unitId: 3 }), file)).toBe(true);
    expect(canReadFile(actor('reviewer', { id: 9, unitId: 4 }), file)).toBe(false);
    expect(canReadFile(actor('reviewer', { id: 9, unitId: 3 }), { ownerId: 7, subjectUnitId: null })).toBe(false);
    expect(canReadFile(actor('admin', { id: 2 }), file)).toBe(true);
    expect(canReadFile(null, file)).toBe(false);
  });
});
