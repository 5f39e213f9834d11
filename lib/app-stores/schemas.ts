/**
 * 新增应用市场 / 变更应用市场 input, step 02 应用市场基本信息 (SPEC §15.3): the store's name, its 网址
 * (domains with 域名证书, as websites), servers, access provider, how many APPs it lists and how it
 * checks they are filed. 负责人 and 提示说明 are the website's. Pure: the browser wizard uses it too.
 */
import { z } from 'zod';
import { nameText, NAME_MAX, plainText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { domainsError, registrableDomains } from '@/lib/websites/domains';
import { ipRangesError } from '@/lib/websites/ip-ranges';
import { checkServiceFields, fileId, serviceFieldsShape, type ServiceFieldNames } from '@/lib/filings/service-fields';

const SERVICE_NAMES: ServiceFieldNames = { types: '服务类型', languages: '语种' };
const DOMAIN_MAX = 253;
export const MECHANISM_MAX = 500;
/** 上架应用数量: a whole number, at most this. */
export const APP_COUNT_MAX = 100_000_000;

export function appCountError(s: string): string | null {
  const t = s.trim();
  if (!t) return '请填写上架应用数量';
  if (!/^\d{1,9}$/.test(t)) return '上架应用数量须为整数';
  return Number(t) > APP_COUNT_MAX ? '上架应用数量过大' : null;
}

/** 02 应用市场基本信息 */
export const appStoreBasicSchema = z
  .object({
    name: nameText('应用市场名称', 50).min(1, '请填写应用市场名称'),
    domains: z.array(z.object({ domain: nameText('网址', DOMAIN_MAX), primary: z.boolean({ error: '请选择主域名' }) }), { error: '请填写网址' }).max(20, '域名过多'),
    domainCertificates: z
      .record(z.string().max(DOMAIN_MAX, '域名证书对应的域名过长'), fileId, { error: '请上传域名证书' })
      .refine((v) => Object.keys(v).length <= 40, '域名证书过多'),
    ipRanges: z.array(z.object({ start: nameText('起始IP地址', 45), end: nameText('结束IP地址', 45) }), { error: 'IP地址段格式不正确' }).max(20, 'IP地址段过多'),
    accessScope: z.enum(['境内', '境外'], { error: '请选择接入商所属地区管辖' }),
    accessRegion: nameText('接入商所属地区', 12).optional().default(''),
    accessName: nameText('网络接入服务商名称', NAME_MAX),
    appCount: nameText('上架应用数量', 12),
    reviewMechanism: plainText('应用上架审核机制', MECHANISM_MAX).min(1, '请填写应用上架审核机制'),
    ...serviceFieldsShape(SERVICE_NAMES),
  })
  .superRefine(
    tolerant((v, ctx) => {
      const issue = (path: (string | number)[], message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path, message });
      };
      const de = domainsError(v.domains ?? []);
      if (de) issue(de.index == null ? ['domains'] : ['domains', de.index, 'domain'], de.message.replace('网站域名', '网址'));
      else for (const reg of registrableDomains((v.domains ?? []).map((d) => d.domain))) if (!v.domainCertificates?.[reg]) issue(['domainCertificates', reg], `请上传域名证书：${reg}`);
      const ie = ipRangesError(v.ipRanges ?? []);
      if (ie) issue(['ipRanges', ie.index, ie.field], ie.message);
      if (v.accessScope === '境内' && !v.accessRegion) issue(['accessRegion'], '请选择接入商所属地区');
      if (!v.accessName) issue(['accessName'], '请填写网络接入服务商名称');
      issue(['appCount'], appCountError(v.appCount ?? ''));
      checkServiceFields(v, ctx, SERVICE_NAMES);
    }),
    { when: () => true },
  );

export type AppStoreBasicInput = z.input<typeof appStoreBasicSchema>;
export type AppStoreBasicData = z.output<typeof appStoreBasicSchema>;
