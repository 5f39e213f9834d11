import { describe, expect, it } from 'vitest';
import {
  fingerprintError,
  isValidFingerprint,
  isValidMiniProgramId,
  isValidObjectIcpNumber,
  isValidPackageName,
  miniProgramIdError,
  normalizeFingerprint,
  objectIcpNumberError,
  packageNameError,
} from './app-identifiers';

describe('包名', () => {
  it('accepts reverse-DNS names of Android, iOS and HarmonyOS apps', () => {
    for (const s of ['com.tencent.mm', 'com.example.my_app', 'cn.gov.beijing.zwfw', 'com.huawei.hmos.health', 'A.b', 'com.Example.App2']) expect(isValidPackageName(s), s).toBe(true);
  });

  it('refuses one segment, segments starting with a digit or underscore, spaces, dashes and Chinese', () => {
    for (const s of ['wechat', 'com.1example', 'com._app', '.com.app', 'com.app.', 'com..app', 'com.my-app', 'com.my app', '中国.应用', 'com.app\n'])
      expect(isValidPackageName(s), JSON.stringify(s)).toBe(false);
    expect(isValidPackageName(`com.${'a'.repeat(252)}`)).toBe(false);
  });

  it('says what is wrong in Chinese', () => {
    expect(packageNameError('')).toBe('请填写包名');
    expect(packageNameError('wechat')).toContain('com.example.app');
    expect(packageNameError('com.tencent.mm')).toBeNull();
  });
});

describe('签名MD5 / 签名SHA-1', () => {
  const md5 = 'A4:0D:A8:0A:59:D1:70:CA:A9:50:CF:15:C1:8C:45:4D';
  const sha1 = '5e8f16062ea3cd2c4a0d547876baa6f38cabf625';

  it('accepts 32 (MD5) and 40 (SHA-1) hex digits, plain or colon-separated, any case', () => {
    expect(isValidFingerprint('MD5', md5)).toBe(true);
    expect(isValidFingerprint('MD5', 'a40da80a59d170caa950cf15c18c454d')).toBe(true);
    expect(isValidFingerprint('SHA-1', sha1)).toBe(true);
    expect(isValidFingerprint('SHA-1', sha1.toUpperCase().match(/../g)!.join(':'))).toBe(true);
    expect(normalizeFingerprint(md5)).toBe('a40da80a59d170caa950cf15c18c454d');
  });

  it('refuses the wrong length, the other kind and non-hex characters', () => {
    expect(isValidFingerprint('MD5', sha1)).toBe(false);
    expect(isValidFingerprint('SHA-1', 'a40da80a59d170caa950cf15c18c454d')).toBe(false);
    expect(isValidFingerprint('MD5', 'g40da80a59d170caa950cf15c18c454d')).toBe(false);
    expect(isValidFingerprint('MD5', 'a40da80a59d170caa950cf15c18c454')).toBe(false);
    expect(isValidFingerprint('MD5', 'A4:0D:A8')).toBe(false);
    expect(fingerprintError('MD5', '')).toBe('请填写签名MD5');
    expect(fingerprintError('SHA-1', 'abc')).toBe('签名SHA-1应为40位十六进制字符（可带冒号分隔）');
    expect(fingerprintError('SHA-1', sha1)).toBeNull();
  });
});

describe('小程序ID', () => {
  it('checks the AppID of each platform', () => {
    expect(isValidMiniProgramId('微信', 'wx1234567890abcdef')).toBe(true);
    expect(isValidMiniProgramId('微信', 'wx1234567890ABCDEF')).toBe(false);
    expect(isValidMiniProgramId('微信', 'wx1234567890abcde')).toBe(false);
    expect(isValidMiniProgramId('微信', 'tt1234567890abcdef')).toBe(false);
    expect(isValidMiniProgramId('支付宝', '2021001234567890')).toBe(true);
    expect(isValidMiniProgramId('支付宝', '1021001234567890')).toBe(false);
    expect(isValidMiniProgramId('百度', '24567890')).toBe(true);
    expect(isValidMiniProgramId('百度', '2456789')).toBe(false);
    expect(isValidMiniProgramId('抖音', 'tt07e3715e98c9aac0')).toBe(true);
    expect(isValidMiniProgramId('抖音', 'wx07e3715e98c9aac0')).toBe(false);
    expect(isValidMiniProgramId('QQ', '1109876543')).toBe(true);
    expect(isValidMiniProgramId('QQ', '110987654')).toBe(false);
    expect(isValidMiniProgramId('快应用', 'com.example.quickapp')).toBe(true);
    expect(isValidMiniProgramId('快应用', 'quickapp')).toBe(false);
    expect(isValidMiniProgramId('其他', 'my-app_01.beta')).toBe(true);
    expect(isValidMiniProgramId('其他', '小程序')).toBe(false);
  });

  it('names the expected form of the chosen platform', () => {
    expect(miniProgramIdError('微信', '')).toBe('请填写小程序ID');
    expect(miniProgramIdError('', 'wx1234567890abcdef')).toBe('请先选择所属平台');
    expect(miniProgramIdError('微信', 'wx123')).toBe('小程序ID格式不正确：微信小程序ID应为wx 加 16 位十六进制字符，如 wx1234567890abcdef');
    expect(miniProgramIdError('微信', 'wx1234567890abcdef')).toBeNull();
  });
});

describe('工信部备案号 of APPs and 小程序', () => {
  it('wants …号-nA for an APP and …号-nX for a 小程序', () => {
    expect(isValidObjectIcpNumber('APP', '京ICP备12345678号-1A')).toBe(true);
    expect(isValidObjectIcpNumber('APP', '粤ICP备2023123456号-12A')).toBe(false);
    expect(isValidObjectIcpNumber('APP', '粤ICP备20231234号-12A')).toBe(true);
    expect(isValidObjectIcpNumber('APP', '京ICP备12345678号-1')).toBe(false);
    expect(isValidObjectIcpNumber('APP', '京ICP备12345678号-2X')).toBe(false);
    expect(isValidObjectIcpNumber('APP', '京ICP证123456号-1A')).toBe(false);
    expect(isValidObjectIcpNumber('小程序', '京ICP备12345678号-2X')).toBe(true);
    expect(isValidObjectIcpNumber('小程序', '京ICP备12345678号-2A')).toBe(false);
    expect(isValidObjectIcpNumber('小程序', '港ICP备12345678号-2X')).toBe(false);
  });

  it('says which ending is expected', () => {
    expect(objectIcpNumberError('APP', '')).toBe('请填写工信部备案号');
    expect(objectIcpNumberError('APP', '京ICP备12345678号-1')).toBe('APP的工信部备案号格式应为 京ICP备12345678号-1A（以 A 结尾）');
    expect(objectIcpNumberError('小程序', '京ICP备12345678号-1A')).toBe('小程序的工信部备案号格式应为 京ICP备12345678号-1X（以 X 结尾）');
    expect(objectIcpNumberError('小程序', '京ICP备12345678号-3X')).toBeNull();
  });
});
