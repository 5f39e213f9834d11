import { describe, it, expect } from 'vitest';
import { filingDigitsOf, formatFilingNumber, isFilingDigits, normalizeFilingNumber, PROVINCE_ABBR } from './filing-number';

describe('formatFilingNumber', () => {
  it('builds {省简称}公网安备{unit6}02{seq6}号 with the 14 digits as the key', () => {
    expect(formatFilingNumber('110105', 13462, '02')).toEqual({ digits: '11010502013462', number: '京公网安备11010502013462号' });
    expect(formatFilingNumber('330212', 2956, '02')).toEqual({ digits: '33021202002956', number: '浙公网安备33021202002956号' });
    expect(formatFilingNumber('110000', 1, '02').digits).toBe('11000002000001');
    expect(formatFilingNumber('110105', 999_999, '02').digits).toBe('11010502999999');
    // The object type's mark (SPEC §15.5): 03 APP.
    expect(formatFilingNumber('110105', 1, '03').number).toBe('京公网安备11010503000001号');
    expect(() => formatFilingNumber('110105', 1, '3')).toThrow('备案对象类型码无效');
  });

  it('uses the public-security abbreviation of every province (53 → 滇, 15 → 蒙, 52 → 贵)', () => {
    const expected: Record<string, string> = {
      '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙',
      '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝',
      '51': '川', '52': '贵', '53': '滇', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
    };
    expect(Object.keys(PROVINCE_ABBR)).toHaveLength(31);
    for (const [prefix, abbr] of Object.entries(expected)) {
      const { number, digits } = formatFilingNumber(`${prefix}0100`, 7, '02');
      expect(number).toBe(`${abbr}公网安备${digits}号`);
      expect(digits).toBe(`${prefix}010002000007`);
    }
  });

  it('refuses codes without a province, malformed codes and sequences out of range', () => {
    expect(() => formatFilingNumber('710100', 1, '02')).toThrow('没有省份简称');
    expect(() => formatFilingNumber('11010', 1, '02')).toThrow('单位区划代码无效');
    expect(() => formatFilingNumber('110105', 0, '02')).toThrow('备案序号超出范围');
    expect(() => formatFilingNumber('110105', 1_000_000, '02')).toThrow('备案序号超出范围');
    expect(() => formatFilingNumber('110105', 1.5, '02')).toThrow('备案序号超出范围');
  });
});

describe('normalizeFilingNumber', () => {
  it('accepts the 14 digits with or without the prefix and 号', () => {
    for (const input of ['11010502013462', '京公网安备11010502013462号', '京公网安备11010502013462', '11010502013462号', '公网安备11010502013462号'])
      expect(normalizeFilingNumber(input), input).toBe('11010502013462');
    expect(normalizeFilingNumber('滇公网安备53010002000001号')).toBe('53010002000001');
  });

  it('ignores spaces and reads full-width digits', () => {
    expect(normalizeFilingNumber(' 京公网安备 1101 0502 0134 62 号 ')).toBe('11010502013462');
    expect(normalizeFilingNumber('京公网安备１１０１０５０２０１３４６２号')).toBe('11010502013462');
    expect(normalizeFilingNumber('１１０１０５０２０１３４６２')).toBe('11010502013462');
  });

  it('refuses anything else', () => {
    for (const input of ['', '1101050201346', '110105020134621', '京ICP备11010502013462号', 'x11010502013462', '京公网安备11010502013462号号', '台公网安备11010502013462号'])
      expect(normalizeFilingNumber(input), input).toBeNull();
  });
});

describe('filingDigitsOf and isFilingDigits', () => {
  it('reads the digits of a stored number', () => {
    expect(filingDigitsOf('京公网安备11010502013462号')).toBe('11010502013462');
    expect(filingDigitsOf(null)).toBeNull();
    expect(filingDigitsOf('京ICP备2026号')).toBeNull();
    expect(isFilingDigits('11010502013462')).toBe(true);
    expect(isFilingDigits('1101050201346')).toBe(false);
  });
});
