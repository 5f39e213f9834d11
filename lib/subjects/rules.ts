/** Consistency rules for 开办主体 (seed 001 填写注意事项; SPEC §3.1). Pure, shared by form and server. */
import { isValidUscc, isValidOrgCode, usccError } from '@/lib/validation/identifiers';
import { beijingDate } from '@/lib/time';

export const UNIT_TYPES = ['企业单位', '事业单位', '政府机构', '大中院校', '社会团体', '国防军队', '境外组织'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const ORG_CERT_TYPES = ['统一社会信用代码证', '组织机构代码证', '军队代号', '境外机构证件'] as const;
export type OrgCertType = (typeof ORG_CERT_TYPES)[number];
export const AUTH_METHODS = ['文件认证', '国家网络身份认证公共服务认证'] as const;

const COMPANY_WORDS = /(有限公司|有限责任公司|股份公司|公司|集团|企业|工作室|商行|厂|店|中心|协会|学校|医院|研究院|事务所)/;
const FAKE_NAME = /^(.)(先生|小姐|女士|老师|经理|总|师傅|同学)$|^(个人|本人|无|测试|不详|未知|管理员|站长)$/;

/**
 * 是否中央/国家级单位 (SPEC §11.3): asked of the 单位 subtypes that can be national-level — 政府机构
 * (政府机关), 事业单位, 社会团体, and 企业单位 (国有企业: a state-owned enterprise is filed as a
 * 企业单位; the form cannot tell it apart, so every 企业单位 answers and the reviewer checks).
 */
export const NATIONAL_LEVEL_UNIT_TYPES: readonly UnitType[] = ['政府机构', '事业单位', '社会团体', '企业单位'];

export function asksNationalLevel(unitType: string | null | undefined): boolean {
  return (NATIONAL_LEVEL_UNIT_TYPES as readonly string[]).includes(unitType ?? '');
}

/**
 * Whether the naming rules treat the subject as national-level: a 单位 of a subtype that asks,
 * declared 是 (or so corrected by the reviewer), and already 有效 (approved). A subject still in
 * review, or one that says 否, may not use 中国, 中华, 国家, 人民… in a name.
 */
export function isNationalLevelForNaming(s: { nature: string; unitType: string | null | undefined; status: string; nationalLevel?: unknown }): boolean {
  return s.nature === '单位' && asksNationalLevel(s.unitType) && s.nationalLevel === '是' && s.status === '有效';
}

/** The naming rules' view of a stored subject (its row, with the form data in `data`). */
export function namingSubjectOf(s: { nature: '个人' | '单位'; unitType: string | null; status: string; data: unknown }): { nature: '个人' | '单位'; unitType?: string; nationalLevel: boolean } {
  const declared = s.data && typeof s.data === 'object' ? (s.data as { nationalLevel?: unknown }).nationalLevel : undefined;
  return { nature: s.nature, unitType: s.unitType ?? undefined, nationalLevel: isNationalLevelForNaming({ ...s, nationalLevel: declared }) };
}

/** The certificate types a unit subtype may use. */
export function certTypesFor(unitType: UnitType): OrgCertType[] {
  if (unitType === '国防军队') return ['军队代号'];
  if (unitType === '境外组织') return ['境外机构证件'];
  return ['统一社会信用代码证', '组织机构代码证'];
}

/** 负责人姓名 (and a 个人 subject's name): a real full name. */
export function personNameError(name: string, allowLatin = false): string | null {
  const n = name.trim();
  if (!n) return '请填写姓名';
  if (/\d/.test(n)) return '姓名不能包含数字';
  if (!allowLatin && /[A-Za-z]/.test(n)) return '姓名不能包含字母';
  if (FAKE_NAME.test(n)) return '请填写真实姓名全称，不得填写“王先生”“李小姐”“个人”等';
  if (COMPANY_WORDS.test(n)) return '个人性质的主体应填写个人姓名，不能填写单位名称';
  if (!allowLatin && !/^[\u3400-\u9fff\u{20000}-\u{2ffff}]{2,}(·[\u3400-\u9fff\u{20000}-\u{2ffff}]+)*$/u.test(n)) return '请填写与证件一致的真实姓名全称';
  if (n.length > 30) return '姓名过长';
  return null;
}

/** 主办单位名称 for a 单位 subject. */
export function orgNameError(name: string, unitType: UnitType | undefined): string | null {
  const n = name.trim();
  if (!n) return '请填写主办单位名称';
  if (/^[\dA-Za-z\s\-_.]+$/.test(n)) return '主办单位名称应填写单位全称，不能只填写数字或字母';
  if (/(网站|官网|\.(com|cn|net|org))$|^www\./i.test(n) || /网$/.test(n)) return '主办单位名称应填写单位全称，不能以网站名称代替';
  if (n.length < 4) return '请填写完整的主办单位名称';
  if (/公司/.test(n) && unitType && unitType !== '企业单位') return '名称含“公司”的主办单位，单位性质应为企业单位';
  return null;
}

/** 主办单位证件号 checked against its type. */
export function orgCertNumberError(type: OrgCertType, value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!v) return '请填写主办单位证件号';
  switch (type) {
    case '统一社会信用代码证':
      return isValidUscc(v) ? null : (usccError(v) ?? '统一社会信用代码不正确');
    case '组织机构代码证':
      return isValidOrgCode(v) ? null : '组织机构代码格式或校验位不正确';
    case '军队代号':
      return /^[\u4e00-\u9fa5A-Z0-9]{4,20}$/.test(v) ? null : '军队代号格式不正确';
    case '境外机构证件':
      return /^[A-Z0-9\-]{3,30}$/.test(v) ? null : '境外机构证件号码应为3-30位字母或数字';
  }
}

/** Certificate type must agree with the unit subtype. */
export function certTypeError(unitType: UnitType, certType: OrgCertType): string | null {
  return certTypesFor(unitType).includes(certType) ? null : `${unitType}的主办单位证件类型应为${certTypesFor(unitType).join('或')}`;
}

/** 详细地址: specific down to street and number, or village. */
export function detailedAddressError(address: string): string | null {
  const a = address.trim();
  if (!a) return '请填写详细地址';
  if (a.length < 5) return '详细地址过短，请具体到街道门牌号或村组';
  const place = /(路|街|道|巷|弄|胡同|大街|村|组|屯|社区|园区|大厦|广场|小区|里)/.test(a);
  const number = /(\d|[一二三四五六七八九十百]+)\s*(号|栋|幢|座|楼|层|室|单元|组|队|弄)/.test(a) || /村/.test(a) || /信箱/.test(a);
  if (!place || !number) return '详细地址应具体到街道门牌号（城镇）或村组（农村），如“建国路88号”';
  return null;
}

/** 负责人证件有效期: a date not in the past, or 长期有效 (stored as 9999-12-31). */
export const LONG_TERM = '9999-12-31';
export function idExpiryError(value: string, today: Date = new Date()): string | null {
  if (!value) return '请填写证件有效期';
  if (value === LONG_TERM) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return '证件有效期格式不正确';
  // The Beijing date: an ID that expired yesterday is refused from 00:00 Beijing time.
  if (value < beijingDate(today)) return '证件已过有效期，请使用有效证件';
  return null;
}

/** A 个人 subject's name must not look like an organisation; a company-like name means 企业单位. */
export function natureNameError(nature: '个人' | '单位', name: string, unitType?: UnitType): string | null {
  if (nature === '个人') return COMPANY_WORDS.test(name) ? '名称像单位名称，开办主体性质应选择“单位”' : null;
  return /公司/.test(name) && unitType !== '企业单位' ? '名称含“公司”的主办单位，单位性质应为企业单位' : null;
}
