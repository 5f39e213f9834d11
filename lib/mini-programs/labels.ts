/** The labels of a 小程序's fields, once (SPEC §15.2). No server imports. */

export const MINI_PROGRAM_FIELD_LABELS = {
  'basic.name': '小程序名称',
  'basic.iconFileId': '小程序图标',
  'basic.platform': '所属平台',
  'basic.appId': '小程序ID',
  'basic.icpNumber': '工信部备案号',
  'basic.category': '服务类目',
  'basic.intro': '功能介绍',
  'basic.screenshotFileIds': '运行截图',
  'basic.userScale': '当前用户量',
  'basic.interactive': '是否提供互联网交互服务',
  'basic.siteTypes': '服务类型',
  'basic.controlled': '是否提供涉及管制物品信息发布服务',
  'basic.controlledItems': '管制物品',
  'basic.permits': '相关前置许可',
  'basic.languages': '语种',
  'contacts.securityOwner': '小程序安全负责人',
  'contacts.emergencyContact': '小程序应急联络人',
} as const;
export type MiniProgramField = keyof typeof MINI_PROGRAM_FIELD_LABELS;
