/**
 * The labels of an APP's fields, once (the wizard, details, comparison of 变更APP, receipts and
 * reviewers' comments). No server imports (client components load it).
 */

/** The rows of an APP's details, keyed like the schema's paths (SPEC §15.1). */
export const APP_FIELD_LABELS = {
  'basic.name': 'APP名称',
  'basic.iconFileId': 'APP图标',
  'basic.icpNumber': '工信部备案号',
  'basic.platforms': '运行平台',
  'basic.downloads': '下载渠道',
  'basic.domains': 'APP使用的域名',
  'basic.ipRanges': '服务器IP地址',
  'basic.access': '网络接入服务商',
  'basic.interactive': '是否提供互联网交互服务',
  'basic.siteTypes': '服务类型',
  'basic.controlled': '是否提供涉及管制物品信息发布服务',
  'basic.controlledItems': '管制物品',
  'basic.permits': '相关前置许可',
  'basic.intro': 'APP功能介绍',
  'basic.screenshotFileIds': 'APP运行截图',
  'basic.userScale': '当前用户量',
  'basic.sdks': '第三方SDK',
  'basic.languages': '语种',
  'contacts.securityOwner': 'APP安全负责人',
  'contacts.emergencyContact': 'APP应急联络人',
} as const;
export type AppField = keyof typeof APP_FIELD_LABELS;

/** One 运行平台 row. */
export const APP_PLATFORM_LABELS = { platform: '运行平台', packageName: '包名', signature: '签名', publicKey: '公钥' } as const;
/** One 下载渠道 row and one 第三方SDK row. */
export const APP_DOWNLOAD_LABELS = { store: '应用市场名称', url: '下载链接' } as const;
export const APP_SDK_LABELS = { name: 'SDK名称', vendor: 'SDK服务商', functionType: '功能类型' } as const;
