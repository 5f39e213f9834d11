import 'server-only';
import { and, asc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { applications, filingSequences, policeUnits, subjects, unitCoverage, users, websites } from '@/db/schema';
import { regionByCode, regionFullName } from '@/lib/regions/regions';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { nameCharsError } from '@/lib/validation/text';

export type UnitInput = { name: string; code: string; covers?: string[]; isDefault?: boolean };
type UnitValues = { name: string; code: string; covers: string[]; isDefault: boolean };

const NAME_MAX = 50;
const isRegionCode = (c: string) => /^\d{6}$/.test(c) && !!regionByCode(c);

/**
 * The checks that need no database: every problem at once, each on its field; the
 * message is the first one (the admin CLI prints it).
 */
function checkUnitInput(input: UnitInput): UnitValues {
  const name = (input.name ?? '').trim();
  const code = (input.code ?? '').trim();
  const fieldErrors: Record<string, string> = {};
  if (!name) fieldErrors.name = '请填写单位名称';
  else if (name.length < 2 || name.length > NAME_MAX) fieldErrors.name = `单位名称应为2至${NAME_MAX}个字符`;
  else if (nameCharsError(name, '单位名称')) fieldErrors.name = nameCharsError(name, '单位名称')!;
  if (!code) fieldErrors.code = '请填写单位区划代码';
  else if (!isRegionCode(code)) fieldErrors.code = `单位区划代码无效：${code}（应为6位GB/T 2260行政区划代码）`;
  const listed = (input.covers ?? []).map((c) => c.trim()).filter(Boolean);
  // No coverage given: the unit covers its own division.
  const covers = [...new Set(listed.length ? listed : [code])].sort();
  const bad = listed.length ? covers.filter((c) => !isRegionCode(c)) : [];
  if (bad.length) fieldErrors.covers = `管辖区划代码无效：${bad.join(',')}`;
  if (Object.keys(fieldErrors).length) throw new AppError('invalid', Object.values(fieldErrors)[0], fieldErrors);
  return { name, code, covers, isDefault: !!input.isDefault };
}

/** "110105 北京市朝阳区". */
const regionLabel = (code: string) => `${code} ${regionFullName(code)}`.trim();

/** Name, code and coverage must not clash with another unit (`exceptId`: the unit being edited). */
function assertNoClash(tx: Tx, v: UnitValues, exceptId?: number) {
  const other = (cond: SQL): SQL => (exceptId === undefined ? cond : and(cond, ne(policeUnits.id, exceptId))!);
  const byCode = tx.select({ name: policeUnits.name }).from(policeUnits).where(other(eq(policeUnits.code, v.code))).get();
  if (byCode) throw new AppError('conflict', `区划代码 ${v.code} 已有审核单位（${byCode.name}）`, { code: `该区划代码已有审核单位：${byCode.name}` });
  if (tx.select({ id: policeUnits.id }).from(policeUnits).where(other(eq(policeUnits.name, v.name))).get())
    throw new AppError('conflict', `单位名称“${v.name}”已存在`, { name: '单位名称已存在' });
  const takenWhere = inArray(unitCoverage.regionCode, v.covers);
  const taken = tx
    .select({ regionCode: unitCoverage.regionCode, unitName: policeUnits.name })
    .from(unitCoverage)
    .innerJoin(policeUnits, eq(policeUnits.id, unitCoverage.unitId))
    .where(exceptId === undefined ? takenWhere : and(takenWhere, ne(unitCoverage.unitId, exceptId)))
    .orderBy(asc(unitCoverage.regionCode))
    .all();
  if (taken.length) {
    const msg = `区划已由其他单位管辖：${taken.map((t) => `${regionLabel(t.regionCode)}（${t.unitName}）`).join('；')}`;
    throw new AppError('conflict', msg, { covers: msg });
  }
}

/** There is one default unit: making this one the default takes the flag from the other (audited). */
function takeDefaultFlag(tx: Tx, unitId: number, actorId: number | null) {
  const others = tx
    .select({ id: policeUnits.id, name: policeUnits.name })
    .from(policeUnits)
    .where(and(eq(policeUnits.isDefault, true), ne(policeUnits.id, unitId)))
    .all();
  for (const o of others) {
    tx.update(policeUnits).set({ isDefault: false }).where(eq(policeUnits.id, o.id)).run();
    writeAudit({ actorId, action: 'unit.update', objectType: 'police_unit', objectId: o.id, before: { isDefault: true }, after: { isDefault: false } }, tx);
  }
}

/** Creates a police unit (审核单位) with the division codes it covers (its own code by default). */
export function createUnit(input: UnitInput, actorId: number | null) {
  const v = checkUnitInput(input);
  const db = getDb();
  return db.transaction((tx) => {
    assertNoClash(tx, v);
    const unit = tx.insert(policeUnits).values({ name: v.name, code: v.code, isDefault: v.isDefault, createdAt: Date.now() }).returning().get();
    tx.insert(unitCoverage).values(v.covers.map((regionCode) => ({ unitId: unit.id, regionCode }))).run();
    if (v.isDefault) takeDefaultFlag(tx, unit.id, actorId);
    writeAudit({ actorId, action: 'unit.create', objectType: 'police_unit', objectId: unit.id, after: v }, tx);
    return { id: unit.id, ...v };
  });
}

function unitState(tx: Tx, id: number): UnitValues | undefined {
  const u = tx
    .select({ name: policeUnits.name, code: policeUnits.code, isDefault: policeUnits.isDefault })
    .from(policeUnits)
    .where(eq(policeUnits.id, id))
    .get();
  if (!u) return undefined;
  const covers = tx
    .select({ c: unitCoverage.regionCode })
    .from(unitCoverage)
    .where(eq(unitCoverage.unitId, id))
    .orderBy(asc(unitCoverage.regionCode))
    .all()
    .map((r) => r.c);
  return { ...u, covers };
}

/**
 * 编辑审核单位: name, code, coverage and the default flag. The code is part of every
 * 公安备案号 the unit issued, so it is fixed once the unit has issued one.
 */
export function updateUnit(id: number, input: UnitInput, actorId: number | null) {
  const v = checkUnitInput(input);
  return getDb().transaction((tx) => {
    const before = unitState(tx, id);
    if (!before) throw new AppError('not_found', '该审核单位不存在或已被删除');
    if (v.code !== before.code) {
      const issued =
        !!tx.select({ seq: filingSequences.seq }).from(filingSequences).where(eq(filingSequences.unitId, id)).limit(1).get() ||
        !!tx.select({ id: websites.id }).from(websites).where(eq(websites.filingUnitId, id)).limit(1).get();
      if (issued) {
        const msg = `该单位已签发公安备案号，单位区划代码不能修改（仍为 ${before.code}）`;
        throw new AppError('conflict', msg, { code: msg });
      }
    }
    if (before.isDefault && !v.isDefault) {
      const msg = '平台须有一个默认单位：如需更换，请编辑另一个单位并勾选“设为默认单位”';
      throw new AppError('conflict', msg, { isDefault: msg });
    }
    assertNoClash(tx, v, id);
    tx.update(policeUnits).set({ name: v.name, code: v.code, isDefault: v.isDefault }).where(eq(policeUnits.id, id)).run();
    tx.delete(unitCoverage).where(eq(unitCoverage.unitId, id)).run();
    tx.insert(unitCoverage).values(v.covers.map((regionCode) => ({ unitId: id, regionCode }))).run();
    if (v.isDefault && !before.isDefault) takeDefaultFlag(tx, id, actorId);
    writeAudit({ actorId, action: 'unit.update', objectType: 'police_unit', objectId: id, before, after: v }, tx);
    return { id, ...v };
  });
}

const count = (n: number | undefined) => n ?? 0;

/**
 * 删除审核单位: only a unit nothing refers to: no accounts (民警, disabled ones too),
 * no applications, subjects or filings. The default unit stays.
 */
export function deleteUnit(id: number, actorId: number | null): void {
  getDb().transaction((tx) => {
    const before = unitState(tx, id);
    if (!before) throw new AppError('not_found', '该审核单位不存在或已被删除');
    if (before.isDefault) throw new AppError('conflict', '默认单位不能删除：请先将另一个单位设为默认单位');
    const n = (q: { n: number } | undefined) => count(q?.n);
    const reasons: string[] = [];
    const people = n(tx.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.unitId, id)).get());
    if (people) reasons.push(`有 ${people} 个民警账号（含已停用的），请先在“账号管理”中将其调整到其他审核单位`);
    const apps = n(tx.select({ n: sql<number>`count(*)` }).from(applications).where(eq(applications.unitId, id)).get());
    if (apps) reasons.push(`有 ${apps} 件申请的审核记录`);
    const subs = n(tx.select({ n: sql<number>`count(*)` }).from(subjects).where(eq(subjects.unitId, id)).get());
    if (subs) reasons.push(`管辖 ${subs} 个开办主体`);
    const filed = n(tx.select({ n: sql<number>`count(*)` }).from(websites).where(eq(websites.filingUnitId, id)).get());
    if (filed) reasons.push(`签发过 ${filed} 个公安备案号`);
    if (reasons.length) throw new AppError('conflict', `“${before.name}”不能删除：该单位${reasons.join('；')}。`);
    tx.delete(policeUnits).where(eq(policeUnits.id, id)).run();
    writeAudit({ actorId, action: 'unit.delete', objectType: 'police_unit', objectId: id, before }, tx);
  });
}

export type UnitListRow = { id: number; name: string; code: string; isDefault: boolean; covers: string[]; reviewers: number };

/** 审核单位 list: code order (the office's own unit first), each with its coverage and 民警数量. */
export function listUnits(): UnitListRow[] {
  const db = getDb();
  const rows = db
    .select({
      id: policeUnits.id,
      name: policeUnits.name,
      code: policeUnits.code,
      isDefault: policeUnits.isDefault,
    })
    .from(policeUnits)
    .orderBy(asc(policeUnits.code))
    .all();
  const reviewers = new Map(
    db
      .select({ unitId: users.unitId, n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'reviewer'), isNotNull(users.unitId)))
      .groupBy(users.unitId)
      .all()
      .map((r) => [r.unitId!, r.n]),
  );
  const covers = new Map<number, string[]>();
  for (const c of db.select().from(unitCoverage).orderBy(asc(unitCoverage.regionCode)).all()) {
    const list = covers.get(c.unitId) ?? [];
    list.push(c.regionCode);
    covers.set(c.unitId, list);
  }
  return rows.map((r) => ({ ...r, covers: covers.get(r.id) ?? [], reviewers: reviewers.get(r.id) ?? 0 }));
}

/** id and name of every unit, for selects. */
export function unitOptions() {
  return getDb().select({ id: policeUnits.id, name: policeUnits.name, code: policeUnits.code }).from(policeUnits).orderBy(asc(policeUnits.code)).all();
}

export function findUnitByCode(code: string) {
  return getDb().select({ id: policeUnits.id, name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.code, code)).get();
}

const nameById = preparedQuery((db) => db.select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, sql.placeholder('id'))).prepare());

/** A unit's name (null when there is no such unit); the review queue and the current subject's view read it on every request. */
export function unitName(id: number): string | null {
  return nameById().get({ id })?.name ?? null;
}
