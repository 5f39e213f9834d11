/**
 * The labels of a website's fields, once: the details page, the comparison of 变更网站, the
 * wizard, receipts and reviewers' comments use these. No server imports (client components load it).
 */

/**
 * The rows of <WebsiteDetails> (components/websites/website-details.tsx), keyed like the service's error paths. Reviewer comments keyed by
 * one of these (or by its label, or by a sub-path such as `basic.domains.0.domain`) show in red
 * under that row.
 */
export const WEBSITE_FIELD_LABELS = {
  'basic.name': '网站名称',
  'basic.icpNumber': '工信部备案号',
  'basic.openDate': '网站开通日期',
  'basic.domains': '网站域名',
  'basic.domainCertificates': '域名证书',
  'basic.ipRanges': '服务器IP地址',
  'basic.access': '网络接入服务商',
  'basic.registrar': '域名注册服务商',
  'basic.interactive': '是否提供互联网交互服务',
  'basic.siteTypes': '网站类型',
  'basic.controlled': '是否提供涉及管制物品信息发布服务',
  'basic.controlledItems': '管制物品',
  'basic.permits': '相关前置许可',
  'basic.languages': '网站语种',
  'contacts.securityOwner': '网站安全负责人',
  'contacts.emergencyContact': '网站应急联络人',
} as const;
export type WebsiteField = keyof typeof WEBSITE_FIELD_LABELS;

/** The rows of the 变更网站 comparison (lib/websites/change.ts), in their order. */
export const WEBSITE_CHANGE_LABELS = {
  'basic.name': '网站名称',
  'basic.icpNumber': '工信部备案号',
  'basic.openDate': '网站开通日期',
  'basic.domains': '网站域名',
  'basic.domainCertificates': '域名证书',
  'basic.ipRanges': '服务器IP地址',
  'basic.access': '网络接入服务商',
  'basic.accessMethod': '网站接入方式',
  'basic.registrar': '域名注册服务商',
  'basic.interactive': '是否提供互联网交互服务',
  'basic.siteTypes': '网站类型',
  'basic.controlledItems': '管制物品',
  'basic.permits': '相关前置许可',
  'basic.languages': '网站语种',
} as const;

export type ContactRole = 'securityOwner' | 'emergencyContact';
/** A contact's card title, and the prefix of its fields' names in messages. */
export const CONTACT_TITLES: Record<ContactRole, string> = { securityOwner: '网站安全负责人', emergencyContact: '网站应急联络人' };
export const CONTACT_PREFIX: Record<ContactRole, string> = { securityOwner: '安全负责人', emergencyContact: '应急联络人' };
/** A contact's uploads. */
export const CONTACT_FILE_LABELS = { frontFileId: '证件正面', backFileId: '证件反面', handheldFileId: '证件手持' } as const;

/** 注销网站: the application's own fields. */
export const WEBSITE_CANCEL_LABELS = { websiteName: '网站名称', filingNumber: '公安备案号', domains: '网站域名', reason: '注销原因', attachmentFileId: '附件说明' } as const;
