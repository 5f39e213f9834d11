import { describe, it, expect } from 'vitest';
import {
  beijingDistricts,
  citiesOf,
  cityOf,
  countiesOf,
  isCounty,
  normalizeRegionCode,
  provinceOf,
  provinces,
  regionByCode,
  regionFullName,
  regionLevel,
  regionPath,
} from './regions';

describe('provinces', () => {
  it('contains the 31 mainland provincial-level divisions (no HK/MO/TW in the data)', () => {
    const list = provinces();
    expect(list).toHaveLength(31);
    expect(list[0]).toEqual({ code: '110000', name: '北京市' });
    expect(list.at(-1)).toEqual({ code: '650000', name: '新疆维吾尔自治区' });
    expect(list.map((p) => p.code)).not.toContain('710000');
    expect(list.map((p) => p.code)).not.toContain('810000');
    expect(list.map((p) => p.code)).not.toContain('820000');
  });

  it('returns a fresh array each call', () => {
    const a = provinces();
    a.pop();
    expect(provinces()).toHaveLength(31);
  });

  it('has every code normalised to 6 digits', () => {
    for (const p of provinces()) {
      expect(p.code).toMatch(/^\d{2}0000$/);
      for (const c of citiesOf(p.code)) {
        expect(c.code).toMatch(/^\d{4}00$/);
        expect(c.code.slice(0, 2)).toBe(p.code.slice(0, 2));
        for (const k of countiesOf(c.code)) {
          expect(k.code).toMatch(/^\d{6}$/);
          expect(k.code.slice(0, 4)).toBe(c.code.slice(0, 4));
        }
      }
    }
  });
});

describe('normalisation', () => {
  it('normalises 2/4/6-digit codes', () => {
    expect(normalizeRegionCode('11')).toBe('110000');
    expect(normalizeRegionCode('1101')).toBe('110100');
    expect(normalizeRegionCode('110105')).toBe('110105');
    expect(normalizeRegionCode('abc')).toBeUndefined();
    expect(normalizeRegionCode('1101051')).toBeUndefined();
  });

  it('looks up normalised province and city codes', () => {
    expect(regionByCode('110000')).toEqual({ code: '110000', name: '北京市' });
    expect(regionByCode('11')).toEqual({ code: '110000', name: '北京市' });
    expect(regionByCode('110100')).toEqual({ code: '110100', name: '市辖区' });
    expect(regionByCode('330100')).toEqual({ code: '330100', name: '杭州市' });
    expect(citiesOf('110000')).toEqual([{ code: '110100', name: '市辖区' }]);
  });
});

describe('Beijing', () => {
  it('has 16 districts including 110105 朝阳区', () => {
    const districts = beijingDistricts();
    expect(districts).toHaveLength(16);
    expect(districts[0]).toEqual({ code: '110101', name: '东城区' });
    expect(districts.at(-1)).toEqual({ code: '110119', name: '延庆区' });
    expect(districts).toContainEqual({ code: '110105', name: '朝阳区' });
    expect(districts.every((d) => isCounty(d.code))).toBe(true);
    expect(countiesOf('110100')).toEqual(districts);
  });
});

describe('levels and parents', () => {
  it('reports levels', () => {
    expect(regionLevel('110000')).toBe('province');
    expect(regionLevel('110100')).toBe('city');
    expect(regionLevel('110105')).toBe('county');
    expect(regionLevel('999999')).toBeUndefined();
  });

  it('isCounty only for county-level codes', () => {
    expect(isCounty('110105')).toBe(true);
    expect(isCounty('330106')).toBe(true);
    expect(isCounty('110000')).toBe(false);
    expect(isCounty('110100')).toBe(false);
    expect(isCounty('999999')).toBe(false);
    expect(isCounty('')).toBe(false);
  });

  it('returns 6-digit parent codes', () => {
    expect(cityOf('110105')).toBe('110100');
    expect(provinceOf('110105')).toBe('110000');
    expect(cityOf('330106')).toBe('330100');
    expect(provinceOf('330106')).toBe('330000');
    expect(cityOf('330100')).toBe('330100');
    expect(provinceOf('330100')).toBe('330000');
    expect(provinceOf('330000')).toBe('330000');
    expect(cityOf('330000')).toBeUndefined();
  });

  it('builds paths', () => {
    expect(regionPath('330106')).toEqual([
      { code: '330000', name: '浙江省' },
      { code: '330100', name: '杭州市' },
      { code: '330106', name: '西湖区' },
    ]);
    expect(regionPath('330100').map((r) => r.code)).toEqual(['330000', '330100']);
    expect(regionPath('330000').map((r) => r.code)).toEqual(['330000']);
    expect(regionPath('999999')).toEqual([]);
  });
});

describe('regionFullName', () => {
  it('drops the 市辖区 placeholder for a Beijing district', () => {
    expect(regionFullName('110105')).toBe('北京市朝阳区');
  });

  it('joins province, prefecture city and county', () => {
    expect(regionFullName('330106')).toBe('浙江省杭州市西湖区');
    expect(regionFullName('330100')).toBe('浙江省杭州市');
    expect(regionFullName('330000')).toBe('浙江省');
  });

  it('drops 省直辖县级行政区划 for a province-administered county-level city', () => {
    expect(regionByCode('429000')).toEqual({ code: '429000', name: '省直辖县级行政区划' });
    expect(cityOf('429004')).toBe('429000');
    expect(regionFullName('429004')).toBe('湖北省仙桃市');
    expect(regionFullName('469002')).toBe('海南省琼海市');
  });

  it('drops 自治区直辖县级行政区划 and 县 placeholders', () => {
    expect(regionFullName('659001')).toBe('新疆维吾尔自治区石河子市');
    expect(regionByCode('500200')).toEqual({ code: '500200', name: '县' });
    expect(regionFullName('500229')).toBe('重庆市城口县');
  });

  it('keeps the province name for a direct-administered municipality itself', () => {
    expect(regionFullName('110000')).toBe('北京市');
    expect(regionFullName('110100')).toBe('北京市');
  });
});

describe('prefecture-level cities without counties', () => {
  it('treat the city itself as its only county-level unit (township codes dropped)', () => {
    expect(countiesOf('441900')).toEqual([{ code: '441900', name: '东莞市' }]);
    expect(countiesOf('442000')).toEqual([{ code: '442000', name: '中山市' }]);
    expect(countiesOf('460400')).toEqual([{ code: '460400', name: '儋州市' }]);
    expect(countiesOf('620200')).toEqual([{ code: '620200', name: '嘉峪关市' }]);
    expect(isCounty('441900')).toBe(true);
    expect(regionLevel('441900')).toBe('city');
    expect(regionFullName('441900')).toBe('广东省东莞市');
    expect(regionByCode('441900003')).toBeUndefined();
  });
});

describe('unknown codes', () => {
  it('return undefined / empty', () => {
    expect(regionByCode('999999')).toBeUndefined();
    expect(regionByCode('')).toBeUndefined();
    expect(regionLevel('abc')).toBeUndefined();
    expect(provinceOf('999999')).toBeUndefined();
    expect(cityOf('999999')).toBeUndefined();
    expect(citiesOf('990000')).toEqual([]);
    expect(countiesOf('990100')).toEqual([]);
    expect(regionFullName('999999')).toBe('');
  });
});

describe('counts', () => {
  it('matches the bundled dataset', () => {
    const cities = provinces().flatMap((p) => citiesOf(p.code));
    expect(cities).toHaveLength(342);
    const counties = cities.flatMap((c) => countiesOf(c.code)).filter((r) => regionLevel(r.code) === 'county');
    expect(counties).toHaveLength(2974);
  });
});
