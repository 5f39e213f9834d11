import { describe, it, expect } from 'vitest';
import { idWithCheck } from '@/lib/test/fixtures';
import { contactSchema, normalizeContact, CONTACT_AUTH_METHODS } from './schemas';

const NATIONAL = '国家网络身份认证公共服务认证';
const base = { mode: '自主填写', name: '李娜', idType: '居民身份证', idNumber: idWithCheck('11010519880808002'), idExpiry: '9999-12-31', phone: '13712345678' } as const;

const errorsOf = (input: unknown) => {
  const r = contactSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('网站负责人 认证方式', () => {
  it('offers 文件认证 and 国家网络身份认证公共服务认证', () => {
    expect(CONTACT_AUTH_METHODS).toEqual(['文件认证', NATIONAL]);
    expect(errorsOf({ ...base })).toEqual({ authMethod: '请选择认证方式' });
    expect(errorsOf({ ...base, authMethod: '人脸识别' })).toEqual({ authMethod: '请选择认证方式' });
  });

  it('national identity needs a pass and a 居民身份证, and no images', () => {
    expect(errorsOf({ ...base, authMethod: NATIONAL })).toEqual({ identityToken: '请先完成国家网络身份认证' });
    expect(errorsOf({ ...base, authMethod: NATIONAL, identityToken: '  ' })).toEqual({ identityToken: '请先完成国家网络身份认证' });
    expect(errorsOf({ ...base, authMethod: NATIONAL, identityToken: 'sandbox:x.y' })).toEqual({});
    expect(errorsOf({ ...base, idType: '护照', idNumber: 'E12345678', authMethod: NATIONAL, identityToken: 'sandbox:x.y' })).toEqual({
      authMethod: '国家网络身份认证仅支持居民身份证，其他证件请选择文件认证',
    });
  });

  it('文件认证 needs the three images', () => {
    expect(errorsOf({ ...base, authMethod: '文件认证', identityToken: 'sandbox:x.y' })).toEqual({
      frontFileId: '请上传证件正面',
      backFileId: '请上传证件反面',
      handheldFileId: '请上传证件手持照片',
    });
    expect(errorsOf({ ...base, authMethod: '文件认证', frontFileId: 1, backFileId: 2, handheldFileId: 3 })).toEqual({});
  });

  it('同主体负责人信息 needs neither', () => {
    expect(errorsOf({ mode: '同主体负责人信息' })).toEqual({});
  });

  it('normalizeContact keeps only what the 认证方式 uses', () => {
    const all = { frontFileId: 1, backFileId: 2, handheldFileId: 3, identityToken: 'sandbox:x.y' };
    expect(normalizeContact({ mode: '自主填写', authMethod: NATIONAL, ...all })).toEqual({
      mode: '自主填写',
      authMethod: NATIONAL,
      frontFileId: null,
      backFileId: null,
      handheldFileId: null,
      identityToken: 'sandbox:x.y',
    });
    expect(normalizeContact({ mode: '自主填写', authMethod: '文件认证', ...all })).toEqual({ mode: '自主填写', authMethod: '文件认证', ...all, identityToken: '' });
    expect(normalizeContact({ mode: '同主体负责人信息', authMethod: undefined, ...all })).toMatchObject({ frontFileId: null, identityToken: '' });
  });
});
