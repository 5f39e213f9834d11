import { describe, it, expect } from 'vitest';
import { registerSchema, realNameError, applicantNameError } from './schemas';
import { personNameError } from '@/lib/subjects/rules';

const valid = {
  name: '孙丽娟',
  idType: '居民身份证',
  idNumber: '11010519491231002x',
  phone: '13912345678',
  smsCode: '123456',
  email: 'sun@example.com',
  password: 'Secret#2026',
  confirmPassword: 'Secret#2026',
  agree: true,
};

function errors(input: object) {
  const r = registerSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('registerSchema', () => {
  it('accepts a valid registration and normalises the ID number', () => {
    const r = registerSchema.parse(valid);
    expect(r.idNumber).toBe('11010519491231002X');
  });

  it('reports every wrong field at once, cross-field checks included', () => {
    const e = errors({ ...valid, name: '王先生1', idNumber: '110101199902301231', phone: '12345678901', email: 'x@', password: 'abc', confirmPassword: 'abcd', agree: false });
    expect(e).toMatchObject({
      name: '真实姓名不能包含数字',
      idNumber: '证件号码中的出生日期无效',
      phone: '请填写正确的手机号码',
      email: '请填写正确的电子邮件地址',
      password: '登录密码长度应为8-32位',
      confirmPassword: '两次输入的密码不一致',
      agree: '请阅读并同意《用户服务协议》',
    });
  });

  it('checks the ID number against its type', () => {
    expect(errors({ ...valid, idType: '港澳居民来往内地通行证', idNumber: '11010519491231002X' }).idNumber).toBe('港澳居民来往内地通行证号码格式不正确');
    expect(errors({ ...valid, idType: '港澳居民来往内地通行证', idNumber: 'H12345678' })).toEqual({});
  });
});

describe('realNameError', () => {
  it.each(['张三', '欧阳娜娜', '阿依古丽·买买提', 'John Smith'])('accepts %s', (n) => expect(realNameError(n)).toBeNull());
  it.each([
    ['', '请填写真实姓名'],
    ['张', '真实姓名长度应为2-30个字符'],
    ['张3', '真实姓名不能包含数字'],
    ['张@三', '请填写与证件一致的真实姓名'],
  ])('refuses %j', (n, msg) => expect(realNameError(n)).toBe(msg));

  // One rule for a person's name (issue 18): what registration accepts, 同当前账号信息 may put in 负责人姓名.
  it.each(['王先生', '李小姐', '个人', '星河科技有限公司'])('注册 refuses %s as the subject form would', (n) => {
    expect(applicantNameError(n)).not.toBeNull();
    expect(applicantNameError(n)).toBe(personNameError(n, true));
    expect(registerSchema.safeParse({ name: n }).error?.issues.find((i) => i.path[0] === 'name')?.message).toBe(personNameError(n, true));
  });
  it.each(['张三', '欧阳娜娜', '阿依古丽·买买提'])('注册 accepts %s, and so does the subject form', (n) => {
    expect(applicantNameError(n)).toBeNull();
    expect(personNameError(n)).toBeNull();
  });
});
