import { describe, it, expect } from 'vitest';
import { maskEmail, maskIdNumber, maskName, maskPhone, phoneMiddleFour } from './mask';

describe('maskIdNumber', () => {
  it('keeps first 3 and last 2 with one star per hidden char', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110*************34');
    expect(maskIdNumber('110101199003071234')).toHaveLength(18);
    expect(maskIdNumber('11010519491231002X')).toBe('110*************2X');
    expect(maskIdNumber('H12345678')).toBe('H12****78');
    expect(maskIdNumber('USA110085060102')).toBe('USA**********02');
  });

  it('fully stars values too short to hide anything', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('123456')).toBe('123*56');
  });
});

describe('maskPhone', () => {
  it('masks an 11-digit mobile as 3 + **** + 4', () => {
    expect(maskPhone('13712342945')).toBe('137****2945');
    expect(maskPhone('19900001111')).toBe('199****1111');
  });

  it('keeps first 3 and last 2 for other strings', () => {
    expect(maskPhone('010-62751234')).toBe('010*******34');
    expect(maskPhone('0755-86013388')).toBe('075********88');
    expect(maskPhone('123456')).toBe('123*56');
  });

  it('fully stars short strings', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskEmail', () => {
  it('keeps first and last char of the local part', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***n@example.com');
    expect(maskEmail('abc@163.com')).toBe('a***c@163.com');
  });

  it('uses first char + *** for 1–2 char local parts', () => {
    expect(maskEmail('ab@example.com')).toBe('a***@example.com');
    expect(maskEmail('a@example.com')).toBe('a***@example.com');
  });

  it('fully stars strings that are not e-mail addresses', () => {
    expect(maskEmail('zhangsan')).toBe('********');
    expect(maskEmail('@example.com')).toBe('************');
    expect(maskEmail('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first char and stars the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李小明')).toBe('李**');
    expect(maskName('John Smith')).toBe('J*********');
  });

  it('handles single-char, empty and astral-plane names', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('𠀀三')).toBe('𠀀*');
  });
});

describe('phoneMiddleFour', () => {
  it('returns digits at index 3..6 of an 11-digit mobile', () => {
    expect(phoneMiddleFour('13712342945')).toBe('1234');
    expect(phoneMiddleFour('19900001111')).toBe('0000');
  });

  it('returns null for anything else', () => {
    expect(phoneMiddleFour('1371234294')).toBeNull();
    expect(phoneMiddleFour('010-62751234')).toBeNull();
    expect(phoneMiddleFour('')).toBeNull();
  });
});
