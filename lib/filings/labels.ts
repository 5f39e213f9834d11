/** Labels of a 注销APP / 注销小程序 application's fields (reviewers comment on these). No server imports. */
export const FILING_CANCEL_LABELS = { name: '名称', idents: '标识', filingNumber: '公安备案号', reason: '注销原因', attachmentFileId: '附件说明' } as const;
