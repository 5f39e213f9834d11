/** The labels of a 服务商's fields, once (SPEC §15.4). No server imports (client components load it). */
export const SERVICE_PROVIDER_FIELD_LABELS = {
  'basic.name': '服务商名称',
  'basic.serviceTypes': '服务类型',
  'basic.licenceNumber': '增值电信业务经营许可证编号',
  'basic.licenceFileId': '许可证扫描件',
  'basic.regions': '服务地区',
  'basic.rooms': '机房',
  'contacts.securityOwner': '网络安全负责人',
  'contacts.emergencyContact': '应急联络人',
} as const;
export type ServiceProviderField = keyof typeof SERVICE_PROVIDER_FIELD_LABELS;

/** One 机房 row. */
export const ROOM_LABELS = { name: '机房名称', address: '机房地址', start: '起始IP地址', end: '结束IP地址' } as const;
