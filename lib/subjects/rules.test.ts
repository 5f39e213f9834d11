import { describe, it, expect } from 'vitest';
import {
  personNameError,
  orgNameError,
  orgCertNumberError,
  certTypeError,
  certTypesFor,
  detailedAddressError,
  idExpiryError,
  natureNameError,
  LONG_TERM,
} from './rules';

describe('负责人姓名 must be a real full name', () => {
  it.each(['张伟', '欧阳娜娜', '阿依古丽·买买提'])('accepts %s', (n) => expect(personNameError(n)).toBeNull());
  it.each([
    ['王先生', '请填写真实姓名全称，不得填写“王先生”“李小姐”“个人”等'],
    ['李小姐', '请填写真实姓名全称，不得填写“王先生”“李小姐”“个人”等'],
    ['个人', '请填写真实姓名全称，不得填写“王先生”“李小姐”“个人”等'],
    ['张伟2', '姓名不能包含数字'],
    ['张Wei', '姓名不能包含字母'],
    ['北京云帆有限公司', '个人性质的主体应填写个人姓名，不能填写单位名称'],
    ['', '请填写姓名'],
  ])('refuses %j', (n, msg) => expect(personNameError(n)).toBe(msg));
  it('accepts a Latin name only for foreign documents', () => {
    expect(personNameError('John Smith', true)).toBeNull();
    expect(personNameError('John Smith')).toBe('姓名不能包含字母');
  });
});

describe('主办单位名称', () => {
  it('accepts a full legal name', () => expect(orgNameError('北京云帆网络科技有限公司', '企业单位')).toBeNull());
  it('refuses digits or letters only', () => expect(orgNameError('ABC123', '企业单位')).toBe('主办单位名称应填写单位全称，不能只填写数字或字母'));
  it('refuses a website name', () => {
    expect(orgNameError('云帆科技网', '企业单位')).toBe('主办单位名称应填写单位全称，不能以网站名称代替');
    expect(orgNameError('yunfan.com', '企业单位')).toBe('主办单位名称应填写单位全称，不能只填写数字或字母');
    expect(orgNameError('云帆官网', '企业单位')).toBe('主办单位名称应填写单位全称，不能以网站名称代替');
  });
  it('requires 企业单位 for a name containing 公司', () => {
    expect(orgNameError('北京云帆网络科技有限公司', '事业单位')).toBe('名称含“公司”的主办单位，单位性质应为企业单位');
    expect(orgNameError('北京市海淀区图书馆', '事业单位')).toBeNull();
  });
});

describe('nature agrees with the name', () => {
  it('a 个人 subject is not named like a company', () => {
    expect(natureNameError('个人', '张伟')).toBeNull();
    expect(natureNameError('个人', '张伟工作室')).toBe('名称像单位名称，开办主体性质应选择“单位”');
  });
  it('a name with 公司 is 企业单位', () => {
    expect(natureNameError('单位', '某某有限公司', '企业单位')).toBeNull();
    expect(natureNameError('单位', '某某有限公司', '社会团体')).toBe('名称含“公司”的主办单位，单位性质应为企业单位');
  });
});

describe('certificate type agrees with the unit subtype', () => {
  it('offers the right types', () => {
    expect(certTypesFor('企业单位')).toEqual(['统一社会信用代码证', '组织机构代码证']);
    expect(certTypesFor('国防军队')).toEqual(['军队代号']);
    expect(certTypesFor('境外组织')).toEqual(['境外机构证件']);
  });
  it('accepts a matching type and refuses another', () => {
    expect(certTypeError('企业单位', '统一社会信用代码证')).toBeNull();
    expect(certTypeError('企业单位', '军队代号')).toBe('企业单位的主办单位证件类型应为统一社会信用代码证或组织机构代码证');
    expect(certTypeError('国防军队', '军队代号')).toBeNull();
    expect(certTypeError('境外组织', '统一社会信用代码证')).toBe('境外组织的主办单位证件类型应为境外机构证件');
  });
  it('checks the number for its type', () => {
    expect(orgCertNumberError('统一社会信用代码证', '91350100M000100Y43')).toBeNull();
    expect(orgCertNumberError('统一社会信用代码证', '91350100M000100Y44')).not.toBeNull();
    expect(orgCertNumberError('组织机构代码证', 'D2143569-X')).toBeNull();
    expect(orgCertNumberError('组织机构代码证', 'D2143569-5')).toBe('组织机构代码格式或校验位不正确');
    expect(orgCertNumberError('军队代号', '军A1234')).toBeNull();
    expect(orgCertNumberError('军队代号', '!')).toBe('军队代号格式不正确');
    expect(orgCertNumberError('境外机构证件', 'HK-123456')).toBeNull();
    expect(orgCertNumberError('境外机构证件', '1')).toBe('境外机构证件号码应为3-30位字母或数字');
  });
});

describe('详细地址 must be specific', () => {
  it.each(['建国路88号', '朝阳区建国门外大街1号国贸大厦A座2001室', '密云区溪翁庄镇石马峪村', '中关村南大街5号院3号楼'])('accepts %s', (a) =>
    expect(detailedAddressError(a)).toBeNull(),
  );
  it.each(['北京市朝阳区', '朝阳', '某某大厦', ''])('refuses %j', (a) => expect(detailedAddressError(a)).not.toBeNull());
});

describe('证件有效期', () => {
  const today = new Date('2026-11-23T00:00:00Z');
  it('accepts a future date and 长期有效', () => {
    expect(idExpiryError('2030-01-01', today)).toBeNull();
    expect(idExpiryError(LONG_TERM, today)).toBeNull();
  });
  it('refuses a past date and nonsense', () => {
    expect(idExpiryError('2020-01-01', today)).toBe('证件已过有效期，请使用有效证件');
    expect(idExpiryError('', today)).toBe('请填写证件有效期');
    expect(idExpiryError('2030/01/01', today)).toBe('证件有效期格式不正确');
  });
  it('compares with the Beijing date, also between 00:00 and 08:00 Beijing time', () => {
    const early = new Date('2026-05-20T19:00:00Z'); // 2026-05-21 03:00 in Beijing
    expect(idExpiryError('2026-05-20', early)).toBe('证件已过有效期，请使用有效证件');
    expect(idExpiryError('2026-05-21', early)).toBeNull();
  });
});
