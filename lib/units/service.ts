import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policeUnits, unitCoverage } from '@/db/schema';
import { regionByCode } from '@/lib/regions/regions';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';

/** Creates a police unit (审核单位) with the division codes it covers (its own code by default). */
export function createUnit(input: { name: string; code: string; covers?: string[]; isDefault?: boolean }, actorId: number | null) {
  const name = input.name.trim();
  if (!name) throw new AppError('invalid', '请填写单位名称', { name: '请填写单位名称' });
  if (!/^\d{6}$/.test(input.code) || !regionByCode(input.code))
    throw new AppError('invalid', `单位区划代码无效：${input.code}（应为6位GB/T 2260行政区划代码）`, { code: '单位区划代码无效' });
  const covers = [...new Set(input.covers?.length ? input.covers : [input.code])];
  const bad = covers.filter((c) => !/^\d{6}$/.test(c) || !regionByCode(c));
  if (bad.length) throw new AppError('invalid', `管辖区划代码无效：${bad.join(',')}`, { covers: '管辖区划代码无效' });
  const db = getDb();
  return db.transaction((tx) => {
    if (tx.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.code, input.code)).get())
      throw new AppError('conflict', `区划代码 ${input.code} 已有审核单位`, { code: '该区划代码已有审核单位' });
    if (tx.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.name, name)).get())
      throw new AppError('conflict', `单位名称“${name}”已存在`, { name: '单位名称已存在' });
    const taken = tx.select({ regionCode: unitCoverage.regionCode }).from(unitCoverage).where(inArray(unitCoverage.regionCode, covers)).all();
    if (taken.length) throw new AppError('conflict', `区划已由其他单位管辖：${taken.map((t) => t.regionCode).join(',')}`, { covers: '区划已由其他单位管辖' });
    const unit = tx.insert(policeUnits).values({ name, code: input.code, isDefault: !!input.isDefault, createdAt: Date.now() }).returning().get();
    tx.insert(unitCoverage).values(covers.map((regionCode) => ({ unitId: unit.id, regionCode }))).run();
    writeAudit({ actorId, action: 'unit.create', objectType: 'police_unit', objectId: unit.id, after: { name, code: input.code, covers } }, tx);
    return { id: unit.id, name, code: input.code, covers };
  });
}

export function findUnitByCode(code: string) {
  return getDb().select({ id: policeUnits.id, name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.code, code)).get();
}
