import { describe, expect, it } from 'vitest';
import { isValidLicenceNumber, licenceNumberError, normalizeLicenceNumber } from './telecom-licence';

describe('增值电信业务经营许可证编号', () => {
  it.each(['B1-20180001', 'A2-20150123', '京B2-20201234', '粤B1-20090001', 'ｂ１－２０１８０００１', ' 沪b2-20191234 '])('accepts %s', (s) => {
    expect(isValidLicenceNumber(s)).toBe(true);
    expect(licenceNumberError(s)).toBeNull();
  });

  it.each(['B1-2018001', 'B-20180001', '11-20180001', 'B12-20180001', '港B2-20201234', 'B1_20180001', 'B1-201800012', '京ICP备12345678号'])('refuses %s', (s) => {
    expect(isValidLicenceNumber(s)).toBe(false);
    expect(licenceNumberError(s)).toBe('增值电信业务经营许可证编号格式不正确，如 B1-20180001 或 京B2-20201234');
  });

  it('asks for an empty one and stores the normalized form', () => {
    expect(licenceNumberError('  ')).toBe('请填写增值电信业务经营许可证编号');
    expect(normalizeLicenceNumber('ｂ１－２０１８０００１')).toBe('B1-20180001');
    expect(normalizeLicenceNumber(' 京b2—20201234')).toBe('京B2-20201234');
  });
});
