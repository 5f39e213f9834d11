import type { LegalType } from '@/db/schema/users';
import type { UnitType } from '@/lib/subjects/rules';

/** 证件有效期结束时间 of 开始时间 + `years` (the same day, as on the documents). */
export function plusYears(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + 5 years: the last day of February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}

/** The 单位性质 a 法人类型 files its subject as (其他组织: the applicant chooses). */
export function unitTypeOfLegal(t: LegalType): UnitType | null {
  return ({ 企业法人: '企业单位', 机关法人: '政府机构', 事业单位法人: '事业单位', 社会团体法人: '社会团体', 其他组织: null } as const)[t];
}
