/** SPEC §6.1: county → city → province → the office's default unit. */
export type UnitCoverageRow = { unitId: number; regionCode: string };

export function routeToUnit(countyCode: string, coverage: UnitCoverageRow[], defaultUnitId: number | null): number | null {
  const byRegion = new Map(coverage.map((c) => [c.regionCode, c.unitId]));
  const city = `${countyCode.slice(0, 4)}00`;
  const province = `${countyCode.slice(0, 2)}0000`;
  return byRegion.get(countyCode) ?? byRegion.get(city) ?? byRegion.get(province) ?? defaultUnitId;
}
