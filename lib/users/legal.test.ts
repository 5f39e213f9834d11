import { describe, it, expect } from 'vitest';
import { plusYears } from './legal';

describe('plusYears (证件有效期 5年 / 10年 / 20年)', () => {
  it('gives the same day N years on, and the end of February for a 29 February start', () => {
    expect(plusYears('2021-03-15', 5)).toBe('2026-03-15');
    expect(plusYears('2016-12-31', 10)).toBe('2026-12-31');
    expect(plusYears('2020-02-29', 5)).toBe('2025-02-28');
    expect(plusYears('2020-02-29', 20)).toBe('2040-02-29');
  });
});
