/** The labels of a subject's fields, once (form, details, comparison, receipts and reviewers' comments). No server imports. */

/** Labels of every 新增主体 field: the form, the comparison table and reviewers' comments use them. */
export const SUBJECT_FIELD_LABELS = {
  nature: '开办主体性质',
  unitType: '单位性质',
  nationalLevel: '是否中央/国家级单位',
  orgCredentialToken: '机关事业单位网络身份认证凭证',
  orgName: '主办单位名称',
  orgCertType: '主办单位证件类型',
  orgCertNumber: '主办单位证件号',
  orgCertFileId: '主办单位有效证件',
  legalRepName: '法定代表人姓名',
  officeRegion: '单位办公地址',
  officeAddress: '单位办公详细地址',
  regRegion: '单位注册地址',
  regAddress: '单位注册详细地址',
  faceRecognition: '本企业在境内应用人脸识别技术处理人脸信息',
  generativeAi: '本企业是否利用生成式人工智能技术向境内公众提供服务',
  principalName: '负责人姓名',
  principalIdType: '负责人证件类型',
  principalIdNumber: '负责人证件号码',
  principalIdExpiry: '负责人证件有效期',
  principalRegion: '负责人常住地址',
  principalAddress: '负责人常住详细地址',
  principalPhone: '负责人手机号码',
  officePhone: '办公室电话',
  principalEmail: '电子邮件地址',
  authMethod: '认证方式',
  idFrontFileId: '身份证人像面',
  idBackFileId: '身份证国徽面',
  idHandheldFileId: '身份证手持',
  identityToken: '国家网络身份认证',
} as const;
export type SubjectField = keyof typeof SUBJECT_FIELD_LABELS;

/** 注销主体: the application's own fields (the subject itself is shown with SUBJECT_FIELD_LABELS). */
export const SUBJECT_CANCEL_LABELS = { subjectName: '主体名称', reason: '注销原因', attachmentFileId: '附件说明' } as const;
