import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, auditLog, filingSequences, policeUnits, unitCoverage, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/users/service';
import { makeApplicant } from '@/lib/test/fixtures';
import { createUnit, deleteUnit, listUnits, unitOptions, updateUnit } from './service';

let actorId: number;
let officeId: number;
let chaoyangId: number;

beforeAll(async () => {
  actorId = (await createUser({ role: 'admin', name: '王建国', phone: '13800009001', password: 'Secret#2026' })).id;
  officeId = createUnit({ name: '北京市公安局网安总队', code: '110000', isDefault: true }, actorId).id;
  chaoyangId = createUnit({ name: '朝阳分局网安大队', code: '110105' }, actorId).id;
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const db = () => getDb();
const coverOf = (id: number) =>
  db()
    .select()
    .from(unitCoverage)
    .where(eq(unitCoverage.unitId, id))
    .all()
    .map((c) => c.regionCode)
    .sort();
const auditsFor = (id: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'police_unit'), eq(auditLog.objectId, String(id))))
    .all();
const unitCount = () => db().select().from(policeUnits).all().length;

describe('createUnit', () => {
  it('creates a unit covering its own code by default, audited', () => {
    const u = createUnit({ name: ' 东城分局网安大队 ', code: '110101' }, actorId);
    expect(u).toMatchObject({ name: '东城分局网安大队', code: '110101', covers: ['110101'], isDefault: false });
    expect(coverOf(u.id)).toEqual(['110101']);
    expect(auditsFor(u.id)).toEqual([
      expect.objectContaining({ action: 'unit.create', actorId, after: { name: '东城分局网安大队', code: '110101', covers: ['110101'], isDefault: false } }),
    ]);
  });

  it('covers several codes of any level', () => {
    const u = createUnit({ name: '天津市公安局网安总队', code: '120000', covers: ['120000', '120100', '120101', '120101'] }, actorId);
    expect(coverOf(u.id)).toEqual(['120000', '120100', '120101']);
  });

  it('reports every invalid field at once and creates nothing', () => {
    const before = unitCount();
    const e = errorOf(() => createUnit({ name: ' ', code: '11010', covers: ['110101', '999999'] }, actorId));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors).toEqual({
      name: '请填写单位名称',
      code: '单位区划代码无效：11010（应为6位GB/T 2260行政区划代码）',
      covers: '管辖区划代码无效：999999',
    });
    expect(errorOf(() => createUnit({ name: '某'.repeat(51), code: '110102' }, actorId)).fieldErrors).toEqual({ name: '单位名称应为2至50个字符' });
    expect(errorOf(() => createUnit({ name: '西城\u200B分局', code: '110102' }, actorId)).fieldErrors).toEqual({ name: '单位名称不能包含零宽字符等不可见字符' });
    expect(unitCount()).toBe(before);
  });

  it('refuses a taken code, a taken name, and a region another unit covers', () => {
    const before = unitCount();
    expect(errorOf(() => createUnit({ name: '另一个朝阳分局', code: '110105' }, actorId))).toMatchObject({
      code: 'conflict',
      fieldErrors: { code: '该区划代码已有审核单位：朝阳分局网安大队' },
    });
    expect(errorOf(() => createUnit({ name: '朝阳分局网安大队', code: '110102' }, actorId)).fieldErrors).toEqual({ name: '单位名称已存在' });
    const e = errorOf(() => createUnit({ name: '西城分局网安大队', code: '110102', covers: ['110102', '110105'] }, actorId));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('区划已由其他单位管辖：110105 北京市朝阳区（朝阳分局网安大队）');
    expect(e.fieldErrors).toEqual({ covers: e.message });
    expect(unitCount()).toBe(before);
  });

  it('a new default unit takes the flag from the old one', () => {
    const u = createUnit({ name: '临时默认单位', code: '130000', isDefault: true }, actorId);
    const defaults = () => db().select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.isDefault, true)).all().map((r) => r.id);
    expect(defaults()).toEqual([u.id]);
    expect(auditsFor(officeId).at(-1)).toMatchObject({ action: 'unit.update', before: { isDefault: true }, after: { isDefault: false } });
    updateUnit(officeId, { name: '北京市公安局网安总队', code: '110000', isDefault: true }, actorId);
    expect(defaults()).toEqual([officeId]);
    deleteUnit(u.id, actorId);
  });
});

describe('updateUnit', () => {
  it('renames, recodes and replaces the coverage, with before and after audited', () => {
    const u = createUnit({ name: '丰台分局', code: '110106' }, actorId);
    const r = updateUnit(u.id, { name: '丰台分局网安大队', code: '110106', covers: ['110106', '110107'] }, actorId);
    expect(r).toMatchObject({ name: '丰台分局网安大队', covers: ['110106', '110107'] });
    expect(coverOf(u.id)).toEqual(['110106', '110107']);
    // Giving a region back frees it for another unit.
    updateUnit(u.id, { name: '丰台分局网安大队', code: '110106', covers: ['110106'] }, actorId);
    const shijingshan = createUnit({ name: '石景山分局网安大队', code: '110107' }, actorId);
    expect(coverOf(shijingshan.id)).toEqual(['110107']);
    const audits = auditsFor(u.id);
    expect(audits.map((a) => a.action)).toEqual(['unit.create', 'unit.update', 'unit.update']);
    expect(audits[1]).toMatchObject({
      actorId,
      before: { name: '丰台分局', code: '110106', covers: ['110106'], isDefault: false },
      after: { name: '丰台分局网安大队', code: '110106', covers: ['110106', '110107'], isDefault: false },
    });
    // A unit with nothing issued may still change its code.
    updateUnit(shijingshan.id, { name: '石景山分局网安大队', code: '110108', covers: ['110108'] }, actorId);
    expect(db().select().from(policeUnits).where(eq(policeUnits.id, shijingshan.id)).get()).toMatchObject({ code: '110108' });
  });

  it('keeps its own regions and name when saved unchanged, but cannot take another unit’s region', () => {
    const before = coverOf(chaoyangId);
    expect(updateUnit(chaoyangId, { name: '朝阳分局网安大队', code: '110105', covers: before }, actorId).covers).toEqual(before);
    const e = errorOf(() => updateUnit(chaoyangId, { name: '朝阳分局网安大队', code: '110105', covers: ['110105', '110101'] }, actorId));
    expect(e).toMatchObject({ code: 'conflict', message: '区划已由其他单位管辖：110101 北京市东城区（东城分局网安大队）' });
    expect(coverOf(chaoyangId)).toEqual(before);
    expect(errorOf(() => updateUnit(chaoyangId, { name: '东城分局网安大队', code: '110105' }, actorId)).fieldErrors).toEqual({ name: '单位名称已存在' });
    expect(errorOf(() => updateUnit(chaoyangId, { name: '朝阳分局网安大队', code: '110101' }, actorId)).fieldErrors).toEqual({
      code: '该区划代码已有审核单位：东城分局网安大队',
    });
  });

  it('keeps the code of a unit that issued filing numbers, and the default flag', () => {
    db().insert(filingSequences).values({ unitId: chaoyangId, mark: '03', seq: 3 }).run();
    expect(errorOf(() => updateUnit(chaoyangId, { name: '朝阳分局网安大队', code: '110109' }, actorId)).fieldErrors).toEqual({
      code: '该单位已签发公安备案号，单位区划代码不能修改（仍为 110105）',
    });
    expect(errorOf(() => updateUnit(officeId, { name: '北京市公安局网安总队', code: '110000', isDefault: false }, actorId)).fieldErrors).toEqual({
      isDefault: '平台须有一个默认单位：如需更换，请编辑另一个单位并勾选“设为默认单位”',
    });
  });

  it('reports a missing unit', () => {
    expect(errorOf(() => updateUnit(987_654, { name: '某某单位', code: '110101' }, actorId)).code).toBe('not_found');
  });
});

describe('deleteUnit', () => {
  it('deletes an unused unit with its coverage, audited', () => {
    const u = createUnit({ name: '门头沟分局网安大队', code: '110109' }, actorId);
    deleteUnit(u.id, actorId);
    expect(db().select().from(policeUnits).where(eq(policeUnits.id, u.id)).get()).toBeUndefined();
    expect(coverOf(u.id)).toEqual([]);
    expect(auditsFor(u.id).at(-1)).toMatchObject({ action: 'unit.delete', actorId, before: { name: '门头沟分局网安大队', code: '110109', covers: ['110109'] } });
    // Its region is free again.
    createUnit({ name: '门头沟分局网安大队', code: '110109' }, actorId);
  });

  it('refuses a unit with reviewers, even disabled ones', async () => {
    const u = createUnit({ name: '房山分局网安大队', code: '110111' }, actorId);
    const r = await createUser({ role: 'reviewer', name: '刘警官', phone: '13800009002', password: 'Secret#2026', unitId: u.id });
    db().update(users).set({ status: 'disabled' }).where(eq(users.id, r.id)).run();
    const e = errorOf(() => deleteUnit(u.id, actorId));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('“房山分局网安大队”不能删除：该单位有 1 个民警账号（含已停用的），请先在“账号管理”中将其调整到其他审核单位。');
    expect(auditsFor(u.id).map((a) => a.action)).toEqual(['unit.create']);
  });

  it('refuses a unit with applications', async () => {
    const u = createUnit({ name: '通州分局网安大队', code: '110112' }, actorId);
    const applicant = await makeApplicant();
    db()
      .insert(applications)
      .values({ code: 'SQ20260101000001', type: '新增主体', status: '待审核', applicantId: applicant.id, unitId: u.id, payload: {}, submittedAt: Date.now() })
      .run();
    expect(errorOf(() => deleteUnit(u.id, actorId)).message).toBe('“通州分局网安大队”不能删除：该单位有 1 件申请的审核记录。');
    expect(db().select().from(policeUnits).where(eq(policeUnits.id, u.id)).get()).toBeDefined();
  });

  it('refuses the default unit and a missing one', () => {
    expect(errorOf(() => deleteUnit(officeId, actorId)).message).toBe('默认单位不能删除：请先将另一个单位设为默认单位');
    expect(errorOf(() => deleteUnit(987_654, actorId)).code).toBe('not_found');
  });
});

describe('listUnits', () => {
  it('lists every unit in code order with its coverage and 民警数量', async () => {
    await createUser({ role: 'reviewer', name: '李明', phone: '13800009003', password: 'Secret#2026', unitId: chaoyangId });
    await createUser({ role: 'admin', name: '不算民警', phone: '13800009004', password: 'Secret#2026', unitId: chaoyangId });
    const list = listUnits();
    expect(list.map((u) => u.code)).toEqual([...list.map((u) => u.code)].sort());
    expect(list[0]).toMatchObject({ id: officeId, isDefault: true, covers: ['110000'], reviewers: 0 });
    expect(list.find((u) => u.id === chaoyangId)).toMatchObject({ name: '朝阳分局网安大队', covers: ['110105'], reviewers: 1, isDefault: false });
    expect(list.find((u) => u.code === '120000')!.covers).toEqual(['120000', '120100', '120101']);
    expect(unitOptions().map((u) => u.id)).toEqual(list.map((u) => u.id));
  });
});
