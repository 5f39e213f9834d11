import { describe, it, expect } from 'vitest';
import {
  ID_TYPES,
  emailError,
  idCardError,
  idNumberError,
  isValidChineseIdCard,
  isValidEmail,
  isValidIcpNumber,
  isValidMobile,
  isValidOfficePhone,
  isValidOrgCode,
  isValidUscc,
  mobileError,
  normalizeIdNumber,
  officePhoneError,
  usccError,
} from './identifiers';

// --- tiny independent helpers (deliberately not imported from the module) ---

/** GB 11643: append the check character to 17 digits. */
function withIdCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((acc, c, i) => acc + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

/** Replace the last character with a different (wrong) check character. */
function withWrongCheck(valid: string): string {
  const last = valid.charAt(valid.length - 1);
  return valid.slice(0, -1) + (last === '1' ? '2' : '1');
}

/** GB 32100: append the check character to 17 characters. */
function withUsccCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = first17.split('').reduce((acc, c, i) => acc + alphabet.indexOf(c) * w[i]!, 0);
  return first17 + alphabet.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714: append the check character to 8 characters. */
function withOrgCheck(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const val = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 'A'.charCodeAt(0) + 10);
  const sum = body.split('').reduce((acc, c, i) => acc + val(c) * w[i]!, 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const TODAY = new Date(2025, 5, 15); // 2025-06-15, fixed for deterministic date checks

describe('normalizeIdNumber', () => {
  it('trims, removes spaces and upper-cases', () => {
    expect(normalizeIdNumber('  11010519491231002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('1101 0519 4912 3100 2x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('abc\u3000def')).toBe('ABCDEF');
    expect(normalizeIdNumber('')).toBe('');
  });
});

describe('isValidChineseIdCard / idCardError', () => {
  it('accepts the well-known sample 11010519491231002X', () => {
    expect(withIdCheck('11010519491231002')).toBe('11010519491231002X');
    expect(isValidChineseIdCard('11010519491231002X')).toBe(true);
    expect(idCardError('11010519491231002X')).toBeNull();
  });

  it('accepts numbers built with a computed check digit', () => {
    for (const first17 of [
      '11010119900307123', // → ...3
      '44030419850615271', // → ...5
      '31011519800101001', // → ...6
      '11010120000229123', // leap day 2000, → ...X
      '65010220250615001', // born "today"
      '81000019000101001', // 1900-01-01, Hong Kong code
    ]) {
      const id = withIdCheck(first17);
      expect(isValidChineseIdCard(id, TODAY), id).toBe(true);
    }
    expect(isValidChineseIdCard('110101199003071233')).toBe(true);
    expect(isValidChineseIdCard('44030419850615207X')).toBe(true);
  });

  it('accepts lower-case x and stray spaces after normalisation', () => {
    expect(isValidChineseIdCard('11010519491231002x')).toBe(true);
    expect(isValidChineseIdCard(' 110105 19491231 002x ')).toBe(true);
    expect(idCardError('11010519491231002x')).toBeNull();
  });

  it('rejects wrong length', () => {
    expect(idCardError('1101051949123100')).toBe('证件号码应为18位');
    expect(idCardError('11010519491231002X1')).toBe('证件号码应为18位');
    expect(idCardError('110105491231002')).toBe('证件号码应为18位'); // old 15-digit form
    expect(isValidChineseIdCard('1101051949123100')).toBe(false);
  });

  it('rejects an empty value', () => {
    expect(idCardError('')).toBe('请填写证件号码');
    expect(idCardError('   ')).toBe('请填写证件号码');
  });

  it('rejects non-digit characters', () => {
    expect(isValidChineseIdCard('1101051949123100AX')).toBe(false);
    expect(isValidChineseIdCard('X10105194912310021')).toBe(false);
    expect(idCardError('11010519491231002Y')).not.toBeNull();
  });

  it('rejects a wrong check digit with the checksum message', () => {
    expect(isValidChineseIdCard('110105194912310021')).toBe(false);
    expect(idCardError('110105194912310021')).toBe('证件号码校验位不正确');
    const wrong = withWrongCheck(withIdCheck('44030419850615271'));
    expect(idCardError(wrong)).toBe('证件号码校验位不正确');
  });

  it('rejects an impossible birth date even with a correct checksum', () => {
    const feb30 = withIdCheck('11010119990230123'); // 1999-02-30
    expect(feb30).toBe('110101199902301231');
    expect(isValidChineseIdCard(feb30)).toBe(false);
    expect(idCardError(feb30)).toBe('证件号码中的出生日期无效');
    for (const first17 of [
      '11010119000229123', // 1900 is not a leap year
      '11010119991301123', // month 13
      '11010119990001123', // month 0
      '11010119990431123', // April 31
      '11010119990100123', // day 0
      '11010118991231123', // before 1900
    ]) {
      expect(idCardError(withIdCheck(first17)), first17).toBe('证件号码中的出生日期无效');
    }
  });

  it('rejects a birth date in the future', () => {
    const tomorrow = withIdCheck('65010220250616001');
    expect(idCardError(tomorrow, TODAY)).toBe('证件号码中的出生日期无效');
    const far = withIdCheck('11010121000101123'); // 2100-01-01
    expect(isValidChineseIdCard(far)).toBe(false);
    expect(idCardError(far)).toBe('证件号码中的出生日期无效');
  });

  it('rejects an unknown province code', () => {
    for (const first17 of ['99010119900307123', '00010119900307123', '10010119900307123', '24010119900307123']) {
      const id = withIdCheck(first17);
      expect(isValidChineseIdCard(id), id).toBe(false);
      expect(idCardError(id)).toBe('证件号码的地区码无效');
    }
  });
});

describe('isValidUscc / usccError', () => {
  it('accepts known valid codes', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91110108551385082Q')).toBe(true);
    expect(usccError('91350100M000100Y43')).toBeNull();
  });

  it('accepts a code whose check character is 0', () => {
    const zero = withUsccCheck('91440300715260014');
    expect(zero).toBe('914403007152600140');
    expect(isValidUscc(zero)).toBe(true);
  });

  it('accepts computed codes and normalises lower case / spaces', () => {
    for (const first17 of ['12100000400000624', '51110000500021676', 'Y1110000MA0012345', '93440101MA5C12345']) {
      expect(isValidUscc(withUsccCheck(first17)), first17).toBe(true);
    }
    expect(isValidUscc(' 91110108551385082q ')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91110108551385082R')).toBe(false);
    expect(isValidUscc('914403007152600141')).toBe(false);
    expect(usccError('91350100M000100Y44')).toBe('统一社会信用代码校验位不正确');
  });

  it('rejects forbidden letters I, O, S, V, Z', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z']) {
      const code = `91350100M000100${bad}43`;
      expect(isValidUscc(code), code).toBe(false);
      expect(usccError(code)).toContain('I、O、S、V、Z');
    }
    expect(isValidUscc('91110108551385082I')).toBe(false);
  });

  it('rejects wrong length and empty values', () => {
    expect(usccError('91350100M000100Y4')).toBe('统一社会信用代码应为18位');
    expect(usccError('91350100M000100Y433')).toBe('统一社会信用代码应为18位');
    expect(usccError('')).toBe('请填写统一社会信用代码');
    expect(isValidUscc('')).toBe(false);
  });
});

describe('isValidOrgCode', () => {
  it('accepts computed codes with and without the dash', () => {
    for (const body of ['71526001', 'MA5C1234', '55138508', 'D2143569', '00000001']) {
      const code = withOrgCheck(body);
      expect(isValidOrgCode(code), code).toBe(true);
      expect(isValidOrgCode(`${body}-${code.charAt(8)}`), code).toBe(true);
    }
  });

  it('covers the X (10) and 0 (11) check characters', () => {
    const checks = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const code = withOrgCheck(String(10000000 + n));
      checks.add(code.charAt(8));
      expect(isValidOrgCode(code), code).toBe(true);
    }
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
  });

  it('accepts lower-case x after normalisation', () => {
    const withX = [...Array(200).keys()].map((n) => withOrgCheck(String(10000000 + n))).find((c) => c.endsWith('X'))!;
    expect(isValidOrgCode(withX.slice(0, 8) + '-x')).toBe(true);
  });

  it('rejects wrong check characters and malformed input', () => {
    const good = withOrgCheck('71526001');
    expect(isValidOrgCode(withWrongCheck(good))).toBe(false);
    expect(isValidOrgCode('7152600')).toBe(false);
    expect(isValidOrgCode('715260011-1')).toBe(false);
    expect(isValidOrgCode('7152600--1')).toBe(false);
    expect(isValidOrgCode('71526001-Y')).toBe(false);
    expect(isValidOrgCode('')).toBe(false);
  });
});

describe('isValidMobile / mobileError', () => {
  it('accepts 13–19 prefixes', () => {
    for (const p of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(isValidMobile(`${p}712342945`), p).toBe(true);
    }
    expect(mobileError('13712342945')).toBeNull();
  });

  it('rejects 10/11/12 prefixes, wrong length and non-digits', () => {
    expect(isValidMobile('12712342945')).toBe(false);
    expect(isValidMobile('11712342945')).toBe(false);
    expect(isValidMobile('10712342945')).toBe(false);
    expect(isValidMobile('1371234294')).toBe(false); // 10 digits
    expect(isValidMobile('137123429451')).toBe(false); // 12 digits
    expect(isValidMobile('1371234294a')).toBe(false);
    expect(isValidMobile('+8613712342945')).toBe(false);
    expect(mobileError('12712342945')).toBe('请填写正确的手机号码');
    expect(mobileError('')).toBe('请填写手机号码');
  });
});

describe('isValidOfficePhone / officePhoneError', () => {
  it('accepts real-looking office numbers', () => {
    expect(isValidOfficePhone('010-62751234')).toBe(true);
    expect(isValidOfficePhone('0755-86013388')).toBe(true);
    expect(isValidOfficePhone('021-5432198')).toBe(true);
    expect(isValidOfficePhone('0571-88157858')).toBe(true);
    expect(officePhoneError('010-62751234')).toBeNull();
  });

  it('rejects obviously fake subscriber numbers', () => {
    for (const fake of ['010-00000000', '010-88888888', '010-8888888', '010-12345678', '010-87654321', '0755-2345678', '0755-9876543']) {
      expect(isValidOfficePhone(fake), fake).toBe(false);
      expect(officePhoneError(fake)).toBe('请填写真实的办公室电话');
    }
  });

  it('rejects malformed numbers', () => {
    for (const bad of ['010 12345678', '10-1234567', '010-123456', '010-123456789', '01-12345678', '01234-1234567', '01062751234', '13712342945']) {
      expect(isValidOfficePhone(bad), bad).toBe(false);
      expect(officePhoneError(bad)).toMatch(/^办公室电话格式应为 区号-号码/);
    }
    expect(officePhoneError('')).toBe('请填写办公室电话');
  });
});

describe('isValidEmail / emailError', () => {
  it('accepts valid addresses', () => {
    for (const ok of ['zhangsan@example.com', 'a.b+tag@sub.example.cn', 'user_1@163.com', "o'neil@x.org", 'admin@localhost']) {
      expect(isValidEmail(ok), ok).toBe(true);
    }
    expect(emailError('zhangsan@example.com')).toBeNull();
  });

  it('rejects invalid addresses', () => {
    for (const bad of ['', 'zhangsan', 'zhangsan@', '@example.com', 'a@b@c.com', 'zhang san@example.com', 'a@-example.com', 'a@example-.com', 'a@example..com', '张三@example.com']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
    expect(emailError('zhangsan@')).toBe('请填写正确的电子邮件地址');
    expect(emailError('')).toBe('请填写电子邮件地址');
  });
});

describe('isValidIcpNumber', () => {
  it('accepts valid ICP numbers', () => {
    for (const ok of ['京ICP备12345678号-1', '京ICP备12345678号', '粤ICP证030173号', '沪ICP备123456号-12', '新ICP备1234567号']) {
      expect(isValidIcpNumber(ok), ok).toBe(true);
    }
  });

  it('rejects invalid ICP numbers', () => {
    for (const bad of ['京ICP12345678号', 'ICP备12345678号', '京ICP备12345号', '京ICP备123456789号', '京icp备12345678号', '京ICP备12345678号-', '京ICP备12345678', '港ICP备12345678号', '京ICP备12345678号-1 ']) {
      expect(isValidIcpNumber(bad), bad).toBe(false);
    }
  });
});

describe('ID_TYPES / idNumberError', () => {
  it('lists the five certificate types', () => {
    expect(ID_TYPES).toEqual(['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '外国人永久居留身份证']);
  });

  it('requires a value for every type', () => {
    for (const t of ID_TYPES) expect(idNumberError(t, '  '), t).toBe('请填写证件号码');
  });

  it('居民身份证 delegates to idCardError', () => {
    expect(idNumberError('居民身份证', '11010519491231002x')).toBeNull();
    expect(idNumberError('居民身份证', '110105194912310021')).toBe('证件号码校验位不正确');
    expect(idNumberError('居民身份证', '1101051949')).toBe('证件号码应为18位');
  });

  it('港澳居民来往内地通行证', () => {
    expect(idNumberError('港澳居民来往内地通行证', 'H12345678')).toBeNull();
    expect(idNumberError('港澳居民来往内地通行证', 'M1234567801')).toBeNull();
    expect(idNumberError('港澳居民来往内地通行证', 'h12345678')).toBeNull();
    for (const bad of ['A12345678', 'H1234567', 'H123456789', '12345678']) {
      expect(idNumberError('港澳居民来往内地通行证', bad), bad).toBe('港澳居民来往内地通行证号码格式不正确');
    }
  });

  it('台湾居民来往大陆通行证', () => {
    expect(idNumberError('台湾居民来往大陆通行证', '12345678')).toBeNull();
    expect(idNumberError('台湾居民来往大陆通行证', '1234567801')).toBeNull();
    for (const bad of ['1234567', '123456789', 'T12345678']) {
      expect(idNumberError('台湾居民来往大陆通行证', bad), bad).toBe('台湾居民来往大陆通行证号码格式不正确');
    }
  });

  it('护照', () => {
    expect(idNumberError('护照', 'E12345678')).toBeNull();
    expect(idNumberError('护照', 'ea1234567')).toBeNull();
    expect(idNumberError('护照', '12345')).toBeNull();
    for (const bad of ['1234', 'A12345678901234567', 'E1234-5678']) {
      expect(idNumberError('护照', bad), bad).toBe('护照号码格式不正确');
    }
  });

  it('外国人永久居留身份证 (15-char 2004 form and 18-digit 2023 form)', () => {
    expect(idNumberError('外国人永久居留身份证', 'USA110085060102')).toBeNull();
    expect(idNumberError('外国人永久居留身份证', 'usa110085060102')).toBeNull();
    const v2023 = withIdCheck('93115619900101001');
    expect(idNumberError('外国人永久居留身份证', v2023)).toBeNull();
    // no province check for the 2023 form (first digit 9 is not a province)
    expect(isValidChineseIdCard(v2023)).toBe(false);
    expect(idNumberError('外国人永久居留身份证', withWrongCheck(v2023))).toBe('外国人永久居留身份证号码校验位不正确');
    for (const bad of ['US110085060102', 'USA11008506010', withIdCheck('11010119900307123'), '1234']) {
      expect(idNumberError('外国人永久居留身份证', bad), bad).toBe('外国人永久居留身份证号码格式不正确');
    }
  });
});
