import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { idWithCheck, usccWithCheck } from '@/lib/test/fixtures';
import { dataCodeSchema } from './schemas';

const valid = () => ({
  subject: {
    nature: '单位',
    name: '北京星河科技有限公司',
    certType: '统一社会信用代码证',
    certNumber: usccWithCheck('91110105MA01C8K2X'),
    principalName: '李华',
    principalPhone: '13912340001',
  },
  websites: [{ name: '星河官网', domain: 'www.xinghe-tech.cn', ip: '120.92.10.8', accessMethod: '云服务器' }],
});

const errors = (input: unknown) => {
  const r = dataCodeSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe('签发数据码 input', () => {
  it('accepts a 单位 with one website', () => {
    expect(errors(valid())).toEqual({});
  });

  it('names each wrong field in Chinese, by its path', () => {
    const v = valid();
    const good = v.subject.certNumber;
    v.subject.certNumber = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    v.subject.principalPhone = '1391234';
    v.websites[0].domain = 'localhost';
    v.websites[0].ip = '10.0.0.1';
    const e = errors(v);
    expect(e['subject.certNumber']).toMatch(/统一社会信用代码/);
    expect(e['subject.principalPhone']).toBe('请填写正确的手机号码');
    expect(e['websites.0.domain']).toBeTruthy();
    expect(e['websites.0.ip']).toBe('请填写公网IP');
  });

  it('says everything at once: a missing 网站接入方式 does not hide a wrong 负责人手机号码', () => {
    const v = valid();
    v.subject.principalPhone = '12345';
    const e = errors({ ...v, websites: [{ ...v.websites[0], accessMethod: undefined }] });
    expect(e).toMatchObject({ 'subject.principalPhone': '请填写正确的手机号码', 'websites.0.accessMethod': '请选择网站接入方式' });
  });

  it('checks a person’s 证件号码 by its type and refuses an org certificate type for a person', () => {
    const v = valid();
    v.subject = { ...v.subject, nature: '个人', name: '陈静', certType: '居民身份证', certNumber: idWithCheck('11010819920716004') };
    expect(errors(v)).toEqual({});
    expect(errors({ ...v, subject: { ...v.subject, certType: '统一社会信用代码证' } })['subject.certType']).toBe('个人主体的证件类型应为个人证件');
    expect(errors({ ...v, subject: { ...v.subject, certNumber: '110108199207160041' } })['subject.certNumber']).toBeTruthy();
  });

  it('needs at least one website and refuses the same domain twice', () => {
    expect(errors({ ...valid(), websites: [] }).websites).toBe('请至少填写一个网站');
    const v = valid();
    v.websites.push({ ...v.websites[0], name: '星河商城', domain: 'WWW.xinghe-tech.cn' });
    expect(errors(v)['websites.1.domain']).toBe('域名与第1个网站重复');
    expect(errors({ subject: {}, websites: [{}] })).toMatchObject({ 'subject.nature': '请选择开办主体性质', 'websites.0.accessMethod': '请选择网站接入方式' });
  });
});
