/**
 * 新增服务商 / 变更服务商 input, step 02 服务商基本信息 (SPEC §15.4): a provider of access, hosting,
 * cloud, CDN or domain registration filing itself, with its 增值电信业务经营许可证, the provinces it
 * serves and its 机房 (public IP ranges only). Pure: the browser wizard uses it too.
 */
import { z } from 'zod';
import { nameText, NAME_MAX } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { licenceNumberError, normalizeLicenceNumber } from '@/lib/validation/telecom-licence';
import { parseIpRange } from '@/lib/websites/ip-ranges';
import { fileId } from '@/lib/filings/service-fields';

export const PROVIDER_SERVICE_TYPES = ['网络接入服务', '互联网数据中心(IDC)', '云服务', '内容分发网络(CDN)', '域名注册服务', '其他'] as const;
export type ProviderServiceType = (typeof PROVIDER_SERVICE_TYPES)[number];
export const ROOMS_MAX = 50;

/**
 * Which look-ups of the directory (查询网络接入服务商 / 查询域名注册服务商) a filed provider appears in:
 * every service that carries websites is 接入; 域名注册服务 is 域名注册. 其他 alone is in neither.
 */
export function directoryKinds(types: readonly string[]): ('接入服务商' | '域名注册服务商')[] {
  const out: ('接入服务商' | '域名注册服务商')[] = [];
  if (types.some((t) => t !== '域名注册服务' && t !== '其他')) out.push('接入服务商');
  if (types.includes('域名注册服务')) out.push('域名注册服务商');
  return out;
}

/** A province of the 服务地区 cascader: a 6-digit code ending in 0000. */
const PROVINCE = /^\d{2}0000$/;

/** 02 服务商基本信息 */
export const serviceProviderBasicSchema = z
  .object({
    name: nameText('服务商名称', NAME_MAX).min(1, '请填写服务商名称'),
    serviceTypes: z
      .array(z.enum(PROVIDER_SERVICE_TYPES, { error: '请选择服务类型' }), { error: '请选择服务类型' })
      .min(1, '请选择服务类型')
      .max(PROVIDER_SERVICE_TYPES.length, '请选择服务类型'),
    licenceNumber: nameText('增值电信业务经营许可证编号', 30).transform(normalizeLicenceNumber),
    licenceFileId: fileId,
    regions: z
      .array(z.string({ error: '请选择服务地区' }).regex(PROVINCE, '请选择服务地区'), { error: '请选择服务地区' })
      .min(1, '请选择服务地区')
      .max(40, '服务地区过多'),
    rooms: z
      .array(
        z.object({
          name: nameText('机房名称', NAME_MAX),
          address: nameText('机房地址', 200),
          start: nameText('起始IP地址', 45),
          end: nameText('结束IP地址', 45),
        }),
        { error: '机房格式不正确' },
      )
      .max(ROOMS_MAX, '机房过多')
      .default([]),
  })
  .superRefine(
    tolerant((v, ctx) => {
      const issue = (path: (string | number)[], message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path, message });
      };
      issue(['licenceNumber'], licenceNumberError(v.licenceNumber ?? ''));
      if (!v.licenceFileId) issue(['licenceFileId'], '请上传许可证扫描件');
      if (new Set(v.regions).size !== (v.regions?.length ?? 0)) issue(['regions'], '服务地区重复');
      v.rooms?.forEach((r, i) => {
        if (!r.name) issue(['rooms', i, 'name'], '请填写机房名称');
        if (!r.address) issue(['rooms', i, 'address'], '请填写机房地址');
        const p = parseIpRange(r.start ?? '', r.end ?? '');
        if (!p.ok) issue(['rooms', i, p.field], p.message);
      });
    }),
    { when: () => true },
  );

export type ServiceProviderBasicInput = z.input<typeof serviceProviderBasicSchema>;
export type ServiceProviderBasicData = z.output<typeof serviceProviderBasicSchema>;
