/**
 * 新增APP / 变更APP input, step 02 APP基本信息 (SPEC §15.1). 负责人 and 提示说明 are the website's
 * steps (lib/websites/schemas.ts contactsSchema, noticeSchema). Pure: the browser wizard uses it too.
 */
import { z } from 'zod';
import { nameText, NAME_MAX, plainText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { fingerprintError, objectIcpNumberError, packageNameError, type FingerprintKind } from '@/lib/validation/app-identifiers';
import { parseDomain } from '@/lib/websites/domains';
import { parseIpRange } from '@/lib/websites/ip-ranges';
import { checkServiceFields, fileId, serviceFieldsShape, yesNo, type ServiceFieldNames } from '@/lib/filings/service-fields';

export const APP_PLATFORMS = ['安卓', 'iOS', '鸿蒙', '其他'] as const;
export type AppPlatform = (typeof APP_PLATFORMS)[number];
/**
 * The signing fingerprint asked for on each platform: SPEC §15.1 names 签名MD5 for Android and
 * 签名SHA-1 for iOS; 鸿蒙 and 其他 (signed like Android packages) give the MD5.
 */
export const FINGERPRINT_OF: Record<AppPlatform, FingerprintKind> = { 安卓: 'MD5', iOS: 'SHA-1', 鸿蒙: 'MD5', 其他: 'MD5' };
export const USER_SCALES = ['一万以下', '一万至十万', '十万至一百万', '一百万至一千万', '一千万以上'] as const;
export const INTRO_MAX = 500;
export const SCREENSHOTS_MIN = 3;
export const SCREENSHOTS_MAX = 5;

const SERVICE_NAMES: ServiceFieldNames = { types: '服务类型', languages: '语种' };
const URL_MAX = 500;

/** 下载链接: an http(s) address. */
export function downloadUrlError(s: string): string | null {
  if (!s.trim()) return '请填写下载链接';
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : '下载链接须以 http:// 或 https:// 开头';
  } catch {
    return '下载链接格式不正确，如 https://example.com/app.apk';
  }
}

/** 02 APP基本信息 */
export const appBasicSchema = z
  .object({
    name: nameText('APP名称', 50).min(1, '请填写APP名称'),
    iconFileId: fileId,
    hasIcp: yesNo,
    icpNumber: nameText('工信部备案号', 50).optional().default(''),
    platforms: z
      .array(
        z.object({
          platform: z.enum(APP_PLATFORMS, { error: '请选择运行平台' }),
          packageName: nameText('包名', 255),
          signature: nameText('签名', 80),
          publicKey: plainText('公钥', 4000).optional().default(''),
        }),
        { error: '请选择运行平台' },
      )
      .min(1, '请选择运行平台')
      .max(APP_PLATFORMS.length, '运行平台过多'),
    downloads: z
      .array(z.object({ store: nameText('应用市场名称', NAME_MAX), url: nameText('下载链接', URL_MAX) }), { error: '请填写下载渠道' })
      .min(1, '请填写下载渠道')
      .max(20, '下载渠道过多'),
    domains: z.array(z.object({ domain: nameText('APP使用的域名', 253) }), { error: 'APP使用的域名格式不正确' }).max(20, '域名过多').default([]),
    ipRanges: z.array(z.object({ start: nameText('起始IP地址', 45), end: nameText('结束IP地址', 45) }), { error: 'IP地址段格式不正确' }).max(20, 'IP地址段过多').default([]),
    accessScope: z.enum(['境内', '境外'], { error: '请选择接入商所属地区管辖' }),
    accessRegion: nameText('接入商所属地区', 12).optional().default(''),
    accessName: nameText('网络接入服务商名称', NAME_MAX),
    ...serviceFieldsShape(SERVICE_NAMES),
    intro: plainText('APP功能介绍', INTRO_MAX).min(1, '请填写APP功能介绍'),
    screenshotFileIds: z
      .array(fileId, { error: '请上传APP运行截图' })
      .min(SCREENSHOTS_MIN, `请上传${SCREENSHOTS_MIN}～${SCREENSHOTS_MAX}张APP运行截图`)
      .max(SCREENSHOTS_MAX, `请上传${SCREENSHOTS_MIN}～${SCREENSHOTS_MAX}张APP运行截图`),
    userScale: z.enum(USER_SCALES, { error: '请选择当前用户量' }),
    sdks: z
      .array(z.object({ name: nameText('SDK名称', NAME_MAX), vendor: nameText('SDK服务商', NAME_MAX), functionType: nameText('功能类型', 50) }), { error: '第三方SDK格式不正确' })
      .max(50, '第三方SDK过多')
      .default([]),
  })
  .superRefine(
    tolerant((v, ctx) => {
      const issue = (path: (string | number)[], message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path, message });
      };
      if (!v.iconFileId) issue(['iconFileId'], '请上传APP图标');
      if (v.hasIcp === '是') issue(['icpNumber'], objectIcpNumberError('APP', v.icpNumber ?? ''));
      const seen = new Set<string>();
      v.platforms?.forEach((p, i) => {
        if (seen.has(p.platform)) issue(['platforms', i, 'platform'], `运行平台“${p.platform}”重复`);
        seen.add(p.platform);
        issue(['platforms', i, 'packageName'], packageNameError(p.packageName ?? ''));
        if (p.platform in FINGERPRINT_OF) issue(['platforms', i, 'signature'], fingerprintError(FINGERPRINT_OF[p.platform], p.signature ?? ''));
      });
      v.downloads?.forEach((d, i) => {
        if (!d.store) issue(['downloads', i, 'store'], '请填写应用市场名称');
        issue(['downloads', i, 'url'], downloadUrlError(d.url ?? ''));
      });
      v.sdks?.forEach((d, i) => {
        if (!d.name) issue(['sdks', i, 'name'], '请填写SDK名称');
        if (!d.vendor) issue(['sdks', i, 'vendor'], '请填写SDK服务商');
        if (!d.functionType) issue(['sdks', i, 'functionType'], '请填写功能类型');
      });
      v.domains?.forEach((d, i) => {
        const r = parseDomain(d.domain ?? '');
        if (!r.ok) issue(['domains', i, 'domain'], r.message);
      });
      v.ipRanges?.forEach((r, i) => {
        const p = parseIpRange(r.start ?? '', r.end ?? '');
        if (!p.ok) issue(['ipRanges', i, p.field], p.message);
      });
      if (v.accessScope === '境内' && !v.accessRegion) issue(['accessRegion'], '请选择接入商所属地区');
      if (!v.accessName) issue(['accessName'], '请填写网络接入服务商名称');
      v.screenshotFileIds?.forEach((f, i) => issue(['screenshotFileIds', i], f ? null : '请重新上传截图'));
      checkServiceFields(v, ctx, SERVICE_NAMES);
    }),
    { when: () => true },
  );

export type AppBasicInput = z.input<typeof appBasicSchema>;
export type AppBasicData = z.output<typeof appBasicSchema>;
