import { describe, it, expect } from 'vitest';
import { routeToUnit } from './routing';

const coverage = [
  { unitId: 1, regionCode: '110000' },
  { unitId: 2, regionCode: '110105' },
  { unitId: 3, regionCode: '330100' },
];

describe('routeToUnit', () => {
  it('prefers the unit covering the county', () => expect(routeToUnit('110105', coverage, 9)).toBe(2));
  it('falls back to the unit covering the city', () => expect(routeToUnit('330106', coverage, 9)).toBe(3));
  it('then to the unit covering the province', () => expect(routeToUnit('110108', coverage, 9)).toBe(1));
  it('then to the default unit', () => expect(routeToUnit('440305', coverage, 9)).toBe(9));
  it('returns null when no unit at all exists', () => expect(routeToUnit('440305', [], null)).toBeNull());
});
