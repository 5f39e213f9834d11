import { describe, it, expect } from 'vitest';
import { normalizeFilingNumber } from './filing-number';

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
