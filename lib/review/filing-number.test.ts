import { describe, it, expect } from 'vitest';
import { formatFilingNumber, PROVINCE_ABBR } from './filing-number';

describe('formatFilingNumber', () => {
  it('builds {省简称}公网安备{unit6}02{seq6}号 with the 14 digits as the key', () => {
    expect(formatFilingNumber('110105', 13462)).toEqual({ digits: '11010502013462', number: '京公网安备11010502013462号' });
    expect(formatFilingNumber('330212', 2956)).toEqual({ digits: '33021202002956', number: '浙公网安备33021202002956号' });
    expect(formatFilingNumber('110000', 1).digits).toBe('11000002000001');
    expect(formatFilingNumber('110105', 999_999).digits).toBe('11010502999999');
  });

  it('uses the public-security abbreviation of every province (53 → 滇, 15 → 蒙, 52 → 贵)', () => {
    const expected: Record<string, string> = {
      '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙',
      '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝',
      '51': '川', '52': '贵', '53': '滇', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
    };
    expect(Object.keys(PROVINCE_ABBR)).toHaveLength(31);
    for (const [prefix, abbr] of Object.entries(expected)) {
      const { number, digits } = formatFilingNumber(`${prefix}0100`, 7);
      expect(number).toBe(`${abbr}公网安备${digits}号`);
      expect(digits).toBe(`${prefix}010002000007`);
    }
  });

  it('refuses codes without a province, malformed codes and sequences out of range', () => {
    expect(() => formatFilingNumber('710100', 1)).toThrow('没有省份简称');
    expect(() => formatFilingNumber('11010', 1)).toThrow('单位区划代码无效');
    expect(() => formatFilingNumber('110105', 0)).toThrow('备案序号超出范围');
    expect(() => formatFilingNumber('110105', 1_000_000)).toThrow('备案序号超出范围');
    expect(() => formatFilingNumber('110105', 1.5)).toThrow('备案序号超出范围');
  });
});
