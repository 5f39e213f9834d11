import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '@/lib/users/service';
import { beijingDayStart, listAudit, writeAudit } from './service';

let wang = 0;
let li = 0;

/** Beijing wall-clock time → epoch ms. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

beforeAll(async () => {
  wang = (await createUser({ role: 'admin', name: '王建国', phone: '13800007001', password: 'Secret#2026' })).id;
  li = (await createUser({ role: 'reviewer', name: '李明', phone: '13800007002', password: 'Secret#2026' })).id;
  vi.useFakeTimers({ toFake: ['Date'] });
  const at = (iso: string, e: Parameters<typeof writeAudit>[0]) => {
    vi.setSystemTime(bj(iso));
    writeAudit(e);
  };
  // 2025-03-01 00:00 Beijing is still 2025-02-28 in UTC: the day filter must use Beijing dates.
  at('2025-03-01T00:30:00', { actorId: wang, action: 'unit.create', objectType: 'police_unit', objectId: 7, after: { name: '延庆分局网安大队' } });
  at('2025-03-01T23:59:00', { actorId: wang, action: 'user.disable', objectType: 'user', objectId: li, before: { status: 'active' }, after: { status: 'disabled' } });
  at('2025-03-02T00:00:00', { actorId: wang, action: 'user.enable', objectType: 'user', objectId: li, before: { status: 'disabled' }, after: { status: 'active' } });
  at('2025-03-02T09:00:00', { actorId: li, action: 'auth.login', objectType: 'user', objectId: li, ip: '10.0.0.8' });
  at('2025-03-03T10:00:00', { actorId: null, action: 'unit.create', objectType: 'police_unit', objectId: 8 });
  vi.useRealTimers();
});

afterAll(() => {
  vi.useRealTimers();
});

/** Only the rows this file wrote (createUser above wrote its own, today). */
const inMarch = { from: '2025-03-01', to: '2025-03-31' };
const actions = (r: ReturnType<typeof listAudit>) => r.rows.map((x) => x.action);

describe('beijingDayStart', () => {
  it('is midnight in Beijing, and refuses impossible dates', () => {
    expect(beijingDayStart('2025-03-01')).toBe(bj('2025-03-01T00:00:00'));
    expect(beijingDayStart('2025-02-29')).toBeUndefined();
    expect(beijingDayStart('2025-3-1')).toBeUndefined();
    expect(beijingDayStart('')).toBeUndefined();
  });
});

describe('listAudit', () => {
  it('lists newest first with the actor’s name', () => {
    const r = listAudit(inMarch);
    expect(r.total).toBe(5);
    expect(actions(r)).toEqual(['unit.create', 'auth.login', 'user.enable', 'user.disable', 'unit.create']);
    expect(r.rows[0]).toMatchObject({ actorId: null, actorName: null, objectType: 'police_unit', objectId: '8' });
    expect(r.rows[1]).toMatchObject({ actorId: li, actorName: '李明', actorRole: 'reviewer', ip: '10.0.0.8' });
    expect(r.rows[2]).toMatchObject({ actorName: '王建国', before: { status: 'disabled' }, after: { status: 'active' } });
  });

  it('filters by 操作人: id, part of a name, or 系统', () => {
    expect(actions(listAudit({ ...inMarch, actor: String(li) }))).toEqual(['auth.login']);
    expect(actions(listAudit({ ...inMarch, actor: `#${wang}` }))).toEqual(['user.enable', 'user.disable', 'unit.create']);
    expect(actions(listAudit({ ...inMarch, actor: '建国' }))).toEqual(['user.enable', 'user.disable', 'unit.create']);
    expect(actions(listAudit({ ...inMarch, actor: '系统' }))).toEqual(['unit.create']);
    expect(listAudit({ ...inMarch, actor: '无此人' }).total).toBe(0);
    expect(listAudit({ ...inMarch, actor: '%' }).total).toBe(0);
  });

  it('filters by 对象类型 and 对象ID', () => {
    expect(actions(listAudit({ ...inMarch, objectType: 'police_unit' }))).toEqual(['unit.create', 'unit.create']);
    expect(actions(listAudit({ ...inMarch, objectType: 'user', objectId: String(li) }))).toEqual(['auth.login', 'user.enable', 'user.disable']);
    expect(actions(listAudit({ ...inMarch, objectId: '7' }))).toEqual(['unit.create']);
  });

  it('filters by Beijing dates, both ends inclusive', () => {
    expect(actions(listAudit({ from: '2025-03-01', to: '2025-03-01' }))).toEqual(['user.disable', 'unit.create']);
    expect(actions(listAudit({ from: '2025-03-02', to: '2025-03-02' }))).toEqual(['auth.login', 'user.enable']);
    expect(actions(listAudit({ from: '2025-03-03', to: '2025-03-31' }))).toEqual(['unit.create']);
    expect(listAudit({ to: '2025-02-28' }).total).toBe(0);
    // A malformed date is no filter at all.
    expect(listAudit({ from: 'yesterday', to: '2025-03-31' }).total).toBe(5);
  });

  it('pages 20 at a time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 23; i++) {
      vi.setSystemTime(bj('2025-04-01T08:00:00') + i * 1000);
      writeAudit({ actorId: wang, action: 'provider.create', objectType: 'provider_directory', objectId: i });
    }
    vi.useRealTimers();
    const april = { from: '2025-04-01', to: '2025-04-01' };
    const p1 = listAudit({ ...april, page: 1 });
    expect(p1).toMatchObject({ total: 23, page: 1, pageSize: 20 });
    expect(p1.rows[0].objectId).toBe('22');
    expect(listAudit({ ...april, page: 2 }).rows.map((r) => r.objectId)).toEqual(['2', '1', '0']);
  });
});
