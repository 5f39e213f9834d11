/**
 * 新办网站申请 / 变更网站 input (SPEC §4.1): one schema per wizard step, and the whole
 * submission re-checked by the server. Pure (no Node APIs): the browser wizard uses it too.
 */
import { z } from 'zod';
import { ID_TYPES, idNumberError, mobileError, emailError, isValidIcpNumber, normalizeIdNumber } from '@/lib/validation/identifiers';
import { AUTH_METHODS, idExpiryError, personNameError } from '@/lib/subjects/rules';
import { domainsError, registrableDomains } from './domains';
import { ipRangesError } from './ip-ranges';
import { nameText, NAME_MAX, plainText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { beijingDate } from '@/lib/time';
import { CONTROLLED_ITEMS, LANGUAGES, checkServiceFields, fileId, serviceFieldsShape, yesNo, type ServiceFieldNames } from '@/lib/filings/service-fields';

const SERVICE_NAMES: ServiceFieldNames = { types: '网站类型', languages: '网站语种' };

export const ACCESS_METHODS = ['专线', '主机托管', '虚拟主机', '云服务器', '其他'] as const;
export const SITE_TYPES = [
  { code: 'A', label: '网络基础类A', description: '为用户提供网络基础类服务，使得网络应用成为可能的基础类服务商。' },
  { code: 'B', label: '网络销售类B', description: '连接用户与商品，提供销售服务、促成双方交易、提高匹配效率等。' },
  { code: 'C', label: '生活服务类C', description: '连接用户与服务，提供出行、旅行、配送、快递、教育、家庭等服务。' },
  { code: 'D', label: '社交文娱类D', description: '连接用户与用户，主要包括即时通信、交友互动、游戏休闲、视听服务等。' },
  { code: 'E', label: '信息咨询类E', description: '连接用户与信息，主要包括新闻发布、搜索服务、提供新闻和用户内容资讯等。' },
  { code: 'F', label: '金融服务类F', description: '连接用户与资金，提供金融服务。' },
  { code: 'G', label: '计算机应用类G', description: '连接用户与计算资源，包括系统支持、云计算、手机软件、应用工具、工业互联网等。' },
] as const;
export { CONTROLLED_ITEMS, LANGUAGES };
export const CONTACT_MODES = ['同主体负责人信息', '自主填写'] as const;
/** 认证方式 of a self-filled contact: as for the subject principal (SPEC §3.1, §4.1). */
export const CONTACT_AUTH_METHODS = AUTH_METHODS;
export const NATIONAL_IDENTITY = '国家网络身份认证公共服务认证' satisfies (typeof CONTACT_AUTH_METHODS)[number];

export const CONTROLLED_EXPLANATION =
  '管制物品是指国家依法实行特别管理的物品，包括民用爆炸物品、放射性物品、管制器具、剧毒化学品、警用装备、枪支弹药、易制爆危险化学品等。网站如发布涉及上述物品的信息，须取得相应资质并上传资质证明。';
export const PERMIT_EXPLANATION =
  '相关前置许可是指网站提供新闻、出版、教育、医疗保健、药品和医疗器械、文化、广播电影电视、宗教等互联网信息服务前，依法须经有关主管部门审核同意取得的许可。未涉及前置审批的网站请选择“否”。';

const opt = (s: z.ZodType<string, string>) => s.optional().default('');
const DOMAIN_MAX = 253;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string | null) => {
  if (message) ctx.addIssue({ code: 'custom', path, message });
};

/** 02 网站基本信息 */
export const basicInfoSchema = z
  .object({
    name: nameText('网站名称', 50).min(1, '请填写网站名称'),
    hasIcp: yesNo,
    icpNumber: opt(nameText('工信部备案号', 50)),
    openDate: nameText('网站开通日期', 20),
    domains: z.array(z.object({ domain: nameText('网站域名', DOMAIN_MAX), primary: z.boolean({ error: '请选择主域名' }) }), { error: '请填写网站域名' }).max(20, '域名过多，请分开备案'),
    domainCertificates: z
      .record(z.string().max(DOMAIN_MAX, '域名证书对应的域名过长'), fileId, { error: '请上传域名证书' })
      .refine((v) => Object.keys(v).length <= 40, '域名证书过多'),
    ipRanges: z.array(z.object({ start: nameText('起始IP地址', 45), end: nameText('结束IP地址', 45) }), { error: 'IP地址段格式不正确' }).max(20, 'IP地址段过多'),
    accessScope: z.enum(['境内', '境外'], { error: '请选择接入商所属地区管辖' }),
    accessRegion: opt(nameText('接入商所属地区', 12)),
    accessName: nameText('网络接入服务商名称', NAME_MAX),
    accessMethod: z.enum(ACCESS_METHODS, { error: '请选择网站接入方式' }),
    registrarScope: z.enum(['境内', '境外'], { error: '请选择域名商所属地区管辖' }),
    registrarRegion: opt(nameText('域名服务商所属地区', 12)),
    registrarName: nameText('域名注册服务商名称', NAME_MAX),
    ...serviceFieldsShape(SERVICE_NAMES),
  })
  .superRefine(
    tolerant((v, ctx) => {
      if (v.hasIcp === '是') issue(ctx, ['icpNumber'], !v.icpNumber ? '请填写工信部备案号' : isValidIcpNumber(v.icpNumber) ? null : '工信部备案号格式不正确，如 京ICP备12345678号-1');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.openDate ?? '')) issue(ctx, ['openDate'], '请选择网站开通日期');
      else if (v.openDate > beijingDate()) issue(ctx, ['openDate'], '网站开通日期不能晚于今天');
      const de = domainsError(v.domains ?? []);
      if (de) issue(ctx, de.index == null ? ['domains'] : ['domains', de.index, 'domain'], de.message);
      else
        for (const reg of registrableDomains((v.domains ?? []).map((d) => d.domain)))
          if (!v.domainCertificates?.[reg]) issue(ctx, ['domainCertificates', reg], `请上传域名证书：${reg}`);
      const ie = ipRangesError(v.ipRanges ?? []);
      if (ie) issue(ctx, ['ipRanges', ie.index, ie.field], ie.message);
      if (v.accessScope === '境内' && !v.accessRegion) issue(ctx, ['accessRegion'], '请选择接入商所属地区');
      if (!v.accessName) issue(ctx, ['accessName'], '请填写网络接入服务商名称');
      if (v.registrarScope === '境内' && !v.registrarRegion) issue(ctx, ['registrarRegion'], '请选择域名服务商所属地区');
      if (!v.registrarName) issue(ctx, ['registrarName'], '请填写域名注册服务商名称');
      checkServiceFields(v, ctx, SERVICE_NAMES);
    }),
    { when: () => true },
  );

/**
 * One of 网站安全负责人 / 网站应急联络人. With 同主体负责人信息 the server copies the subject principal.
 * 国家网络身份认证公共服务认证 needs the token of a pass bound to this 姓名 and 居民身份证 (the
 * server checks the binding); 文件认证 needs the three images.
 */
export const contactSchema = z
  .object({
    mode: z.enum(CONTACT_MODES, { error: '请选择负责人信息来源' }),
    name: opt(nameText('姓名', 50)),
    idType: z.enum(ID_TYPES, { error: '请选择证件类型' }).optional(),
    idNumber: opt(nameText('证件号码', 40)).transform(normalizeIdNumber),
    idExpiry: opt(nameText('证件有效期', 20)),
    phone: opt(nameText('手机号码', 20)),
    email: opt(nameText('电子邮件地址', 100)),
    authMethod: z.enum(CONTACT_AUTH_METHODS, { error: '请选择认证方式' }).optional(),
    frontFileId: fileId,
    backFileId: fileId,
    handheldFileId: fileId,
    identityToken: z.string().trim().max(1000, '国家网络身份认证已失效，请重新认证').optional().default(''),
  })
  .superRefine(
    tolerant((v, ctx) => {
      if (v.mode !== '自主填写') return;
      issue(ctx, ['name'], personNameError(v.name ?? ''));
      if (!v.idType) issue(ctx, ['idType'], '请选择证件类型');
      else issue(ctx, ['idNumber'], idNumberError(v.idType, v.idNumber ?? ''));
      issue(ctx, ['idExpiry'], idExpiryError(v.idExpiry ?? ''));
      issue(ctx, ['phone'], mobileError(v.phone ?? ''));
      if (v.email) issue(ctx, ['email'], emailError(v.email));
      if (!v.authMethod) issue(ctx, ['authMethod'], '请选择认证方式');
      if (v.authMethod === '文件认证') {
        issue(ctx, ['frontFileId'], v.frontFileId ? null : '请上传证件正面');
        issue(ctx, ['backFileId'], v.backFileId ? null : '请上传证件反面');
        issue(ctx, ['handheldFileId'], v.handheldFileId ? null : '请上传证件手持照片');
      } else if (v.authMethod === NATIONAL_IDENTITY) {
        if (v.idType && v.idType !== '居民身份证') issue(ctx, ['authMethod'], '国家网络身份认证仅支持居民身份证，其他证件请选择文件认证');
        else if (!v.identityToken) issue(ctx, ['identityToken'], '请先完成国家网络身份认证');
      }
    }),
    { when: () => true },
  );

/** 03 网站负责人 */
export const contactsSchema = z.object({ securityOwner: contactSchema, emergencyContact: contactSchema });

/** 04 提示说明 */
export const noticeSchema = z.object({ agree: z.literal(true, { error: '请阅读并勾选“我已阅读”' }) });

/** The whole 新办网站 / 变更网站 submission. */
export const websiteSchema = z.object({ basic: basicInfoSchema, contacts: contactsSchema, notice: noticeSchema });

export type BasicInfoInput = z.input<typeof basicInfoSchema>;
export type ContactInput = z.input<typeof contactSchema>;
export type WebsiteInput = z.input<typeof websiteSchema>;
export type WebsiteData = z.output<typeof websiteSchema>;
export type ContactData = z.output<typeof contactSchema>;

/**
 * Drops what the chosen 认证方式 does not use before storing: the images of a national-identity
 * contact, the token of a 文件认证 one (and both for 同主体负责人信息, which the server fills).
 */
export function normalizeContact<C extends Pick<ContactData, 'mode' | 'authMethod' | 'frontFileId' | 'backFileId' | 'handheldFileId' | 'identityToken'>>(c: C): C {
  const self = c.mode === '自主填写';
  const files = self && c.authMethod === '文件认证';
  const national = self && c.authMethod === NATIONAL_IDENTITY;
  return {
    ...c,
    frontFileId: files ? c.frontFileId : null,
    backFileId: files ? c.backFileId : null,
    handheldFileId: files ? c.handheldFileId : null,
    identityToken: national ? c.identityToken : '',
  };
}

/** The emergency contact carries a 7×24 duty: the same person as the security owner is only warned about. */
export function sameContactWarning(c: Pick<WebsiteInput['contacts'], 'securityOwner' | 'emergencyContact'>): string | null {
  const a = c.securityOwner;
  const b = c.emergencyContact;
  const same =
    (a.mode === '同主体负责人信息' && b.mode === '同主体负责人信息') ||
    (a.mode === '自主填写' && b.mode === '自主填写' && !!a.idNumber && normalizeIdNumber(a.idNumber) === normalizeIdNumber(b.idNumber ?? ''));
  return same ? '网站安全负责人与网站应急联络人为同一人。应急联络人须7×24小时保持联络畅通，建议由不同人员担任。' : null;
}

/** 互联网信息服务单位网络安全责任告知书 (seed 004, 新办网站申请 04 提示说明). */
export const NOTICE_TITLE = '互联网信息服务单位网络安全责任告知书';
export const NOTICE_PREAMBLE =
  '为了保护网络信息安全，保障公民、法人和其他组织的合法权益，维护国家安全和社会公共利益，根据《中华人民共和国计算机信息系统安全保护条例》、《计算机信息网络国际联网安全保护管理办法》等相关法律法规规定，现就你单位应依法履行的网络安全责任告知书如下：';
export const NOTICE_ITEMS = [
  '一、具备法律法规所要求的相应资质；互联网信息服务提供者应为独立承担法律责任的主体，从事互联网信息服务依据法律、行政法规以及国务院有关规定，需经有关部门许可的应取得相应许可资质。',
  '二、依法接受公安机关监督、检查、指导；',
  '三、协助公安机关依法查处涉网违法犯罪活动；',
  '四、根据《中华人民共和国计算机信息系统安全保护条例》、《计算机信息技术网络国际互联网安全保护管理办法》、《互联网安全保护技术措施规定》、《互联网交互式服务安全保护要求》、《互联网服务安全评估基本程序及要求》等相关法律法规以及安全管理标准规范，履行违法信息过滤、公共信息巡查、用户资质查验、日志信息留存和应急快速处置等安全保护义务，落实安全管理责任和相关安全保护技术措施；',
  '五、在网站首页显著位置张贴公安机关核发的备案图标；',
  '六、当联网备案信息发生变更时，请您于变更后30日内登录本平台提交变更信息，若未按规定要求、时限办理变更手续，公安机关将依法通知接入商暂停网站接入；',
  '七、当网站不再开办时，请您于5个工作日内登录本平台，向属地公安机关网安部门提出撤销申请。',
] as const;

// 注销网站

/** 注销网站 input, shared by the dialog (checked before sending) and the action. */
/** 注销 of any filed object: the subject principal's name, the phone's middle four digits, the SMS code, 注销原因 and 附件说明. */
export const cancelIdentityShape = {
  principalName: nameText('负责人姓名', 50).min(1, '请填写负责人姓名'),
  middleFour: z.string({ error: '请填写手机号码中间四位' }).trim().regex(/^\d{4}$/, '请填写手机号码中间四位'),
  code: z.string({ error: '请填写6位短信验证码' }).trim().regex(/^\d{6}$/, '请填写6位短信验证码'),
  reason: plainText('注销原因', 500).min(1, '请填写注销原因'),
  attachmentFileId: z.number().int().positive().nullable(),
};

export const cancelWebsiteSchema = z.object({
  websiteId: z.number().int().positive(),
  ...cancelIdentityShape,
  draftId: z.number().int().positive().nullable().optional(),
});
export type CancelWebsiteInput = z.input<typeof cancelWebsiteSchema>;

export const websiteIdSchema = z.object({ websiteId: z.number().int().positive() });

/** 保存草稿 of the dialog: what was typed so far, unchecked (a draft may be incomplete). */
export const cancelWebsiteDraftSchema = z.object({
  websiteId: z.number().int().positive(),
  draftId: z.number().int().positive().nullable(),
  principalName: nameText('负责人姓名', 50),
  reason: plainText('注销原因', 500),
  attachmentFileId: z.number().int().positive().nullable(),
});
