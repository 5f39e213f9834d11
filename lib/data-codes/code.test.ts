import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, dataCodeStatus, formatCode, generateCode, maskCode, normalizeCode } from './code';

describe('数据码 characters', () => {
  it('draws 16 characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const c = generateCode();
      expect(c).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('folds what people type: groups, full width, lower case', () => {
    expect(normalizeCode('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeCode(' ＡＢＣＤ ＥＦＧＨ ＪＫＭＮ ＰＱＲＳ ')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeCode('ABCDEFGHJKMNPQR')).toBeNull();
    expect(normalizeCode('ABCDEFGHJKMNPQRO')).toBeNull(); // O is not in the alphabet
  });

  it('shows the code in groups once and masked after', () => {
    expect(formatCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(maskCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-****-****-PQRS');
  });

  it('is 未绑定 until bound, revoked or 90 days old', () => {
    const row = { revokedAt: null, boundAt: null, expiresAt: 1_000 };
    expect(dataCodeStatus(row, 999)).toBe('未绑定');
    expect(dataCodeStatus(row, 1_000)).toBe('已过期');
    expect(dataCodeStatus({ ...row, boundAt: 500 }, 2_000)).toBe('已绑定');
    expect(dataCodeStatus({ ...row, revokedAt: 600 }, 10)).toBe('已作废');
  });
});
