'use client';

import { CancelObjectDialog, type CancelDraft } from '@/components/filings/cancel-object-dialog';
import { cancelWebsiteAction, saveWebsiteCancelDraftAction, sendWebsiteCancelCodeAction } from '@/lib/websites/actions';

export type { CancelDraft };
export type CancelTarget = { id: number; name: string; domains: string[] };

/** 特别声明 of seed 004 §5.2.3, word for word. */
const SPECIAL_STATEMENT = [
  '如果负责人手机号码发生变动，请通过开办主体变更流程，修改手机号，待审核通过后再提交注销申请。',
  '如果网站域名已不属于您控制，或您无法关停相关服务，请填写说明文件，并由负责人手写签名或单位盖章，上传扫描文件。',
];

/** 注销 button of one row and its 注销网站 dialog (身份验证, 注销原因, 附件说明 with its 模板, 特别声明). */
export function CancelWebsiteDialog({ website, phoneMasked, draft = null, restoreDraft = false }: { website: CancelTarget; phoneMasked: string; draft?: CancelDraft | null; restoreDraft?: boolean }) {
  const websiteId = website.id;
  return (
    <CancelObjectDialog
      title="注销网站"
      description={`网站名称：${website.name}；域名：${website.domains.join('、') || '—'}`}
      phoneMasked={phoneMasked}
      draft={draft}
      restoreDraft={restoreDraft}
      statement={SPECIAL_STATEMENT}
      template={{ href: '/api/websites/cancel-template', note: '（网站注销说明，负责人手写签名或单位盖章后扫描上传）' }}
      send={() => sendWebsiteCancelCodeAction({ websiteId })}
      submit={(fields) => cancelWebsiteAction({ websiteId, ...fields })}
      saveDraft={(fields) => saveWebsiteCancelDraftAction({ websiteId, ...fields })}
    />
  );
}
