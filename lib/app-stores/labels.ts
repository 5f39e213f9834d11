/** The labels of an 应用市场's fields, once (SPEC §15.3). No server imports (client components load it). */
export const APP_STORE_FIELD_LABELS = {
  'basic.name': '应用市场名称',
  'basic.domains': '网址',
  'basic.domainCertificates': '域名证书',
  'basic.ipRanges': '服务器IP地址',
  'basic.access': '网络接入服务商',
  'basic.appCount': '上架应用数量',
  'basic.reviewMechanism': '应用上架审核机制',
  'basic.interactive': '是否提供互联网交互服务',
  'basic.siteTypes': '服务类型',
  'basic.controlled': '是否提供涉及管制物品信息发布服务',
  'basic.controlledItems': '管制物品',
  'basic.permits': '相关前置许可',
  'basic.languages': '语种',
  'contacts.securityOwner': '应用市场安全负责人',
  'contacts.emergencyContact': '应用市场应急联络人',
} as const;
export type AppStoreField = keyof typeof APP_STORE_FIELD_LABELS;
