/**
 * What a provider issues a 数据码 with (SPEC §8.1): the key data of one subject and one or more
 * websites. The same schema checks the 签发数据码 form and the JSON of POST /api/provider/data-codes;
 * its messages name the field (Chinese), keyed by path (`subject.certNumber`, `websites.0.domain`).
 */
import { z } from 'zod';
import { ID_TYPES, idNumberError, mobileError, normalizeIdNumber, type IdType } from '@/lib/validation/identifiers';
import { ORG_CERT_TYPES, orgCertNumberError, type OrgCertType } from '@/lib/subjects/rules';
import { nameText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { parseDomain } from '@/lib/websites/domains';
import { parseIpRange } from '@/lib/websites/ip-ranges';
import { ACCESS_METHODS } from '@/lib/websites/schemas';

export const MAX_CODE_WEBSITES = 20;
export const CERT_TYPES = [...ORG_CERT_TYPES, ...ID_TYPES] as const;

export const DATA_CODE_LABELS = {
  'subject.nature': '开办主体性质',
  'subject.name': '主体名称',
  'subject.certType': '证件类型',
  'subject.certNumber': '证件号码',
  'subject.principalName': '负责人姓名',
  'subject.principalPhone': '负责人手机号码',
  name: '网站名称',
  domain: '域名',
  ip: '服务器IP地址',
  accessMethod: '网站接入方式',
} as const;

const text = (label: string, max: number) => nameText(label, max).default('');

export const dataCodeWebsiteSchema = z.object({
  name: text('网站名称', 50).refine((v) => v.trim() !== '', '请填写网站名称'),
  domain: text('域名', 253).superRefine((v, ctx) => {
    const d = parseDomain(v);
    if (!d.ok) ctx.addIssue({ code: 'custom', message: v.trim() ? d.message : '请填写域名' });
  }),
  ip: text('服务器IP地址', 45).superRefine((v, ctx) => {
    const r = parseIpRange(v, v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: v.trim() ? r.message.replace('IP地址', '服务器IP地址') : '请填写服务器IP地址' });
  }),
  accessMethod: z.enum(ACCESS_METHODS, { error: '请选择网站接入方式' }),
});

export const dataCodeSchema = z
  .object({
    subject: z.object(
      {
        nature: z.enum(['单位', '个人'], { error: '请选择开办主体性质' }),
        name: text('主体名称', 100).refine((v) => v.trim() !== '', '请填写主体名称'),
        certType: z.enum(CERT_TYPES, { error: '请选择证件类型' }),
        certNumber: text('证件号码', 40).transform(normalizeIdNumber),
        principalName: text('负责人姓名', 50).refine((v) => v.trim() !== '', '请填写负责人姓名'),
        principalPhone: text('负责人手机号码', 20).transform((v) => v.trim()),
      },
      { error: '请填写开办主体信息' },
    ),
    websites: z.array(dataCodeWebsiteSchema, { error: '请至少填写一个网站' }).min(1, '请至少填写一个网站').max(MAX_CODE_WEBSITES, `一个数据码最多包含${MAX_CODE_WEBSITES}个网站`),
  })
  .superRefine(
    tolerant((v, ctx) => {
    const s = v.subject;
    const orgType = (ORG_CERT_TYPES as readonly string[]).includes(s.certType);
    if (s.nature === '单位' && !orgType) ctx.addIssue({ code: 'custom', path: ['subject', 'certType'], message: '单位主体的证件类型应为主办单位证件' });
    else if (s.nature === '个人' && orgType) ctx.addIssue({ code: 'custom', path: ['subject', 'certType'], message: '个人主体的证件类型应为个人证件' });
    else {
      const err = orgType ? orgCertNumberError(s.certType as OrgCertType, s.certNumber) : idNumberError(s.certType as IdType, s.certNumber);
      if (err) ctx.addIssue({ code: 'custom', path: ['subject', 'certNumber'], message: err });
    }
    const phoneErr = mobileError(s.principalPhone);
    if (phoneErr) ctx.addIssue({ code: 'custom', path: ['subject', 'principalPhone'], message: phoneErr.replace(/^请填写手机号码$/, '请填写负责人手机号码') });
    const seen = new Map<string, number>();
    v.websites.forEach((w, i) => {
      const d = parseDomain(w.domain);
      if (!d.ok) return;
      if (seen.has(d.ascii)) ctx.addIssue({ code: 'custom', path: ['websites', i, 'domain'], message: `域名与第${seen.get(d.ascii)! + 1}个网站重复` });
      else seen.set(d.ascii, i);
    });
    }),
    // Every error at once: the 证件号码 and phone are checked even when a website row is wrong.
    { when: () => true },
  );

export type DataCodeInput = z.input<typeof dataCodeSchema>;
export type DataCodeData = z.output<typeof dataCodeSchema>;
