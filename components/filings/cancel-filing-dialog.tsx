'use client';

import type { FilingKind } from '@/db/schema/filings';
import { CancelObjectDialog, type CancelDraft } from './cancel-object-dialog';
import { cancelFilingAction, saveFilingCancelDraftAction, sendFilingCancelCodeAction } from '@/lib/filings/actions';

/**
 * 注销 of one row and its dialog (SPEC §15: as 注销网站 of seed 004 §5.2.3, without the 模板 of the
 * 网站注销说明): the subject principal's 姓名, the phone's middle four digits and an SMS code, 注销原因,
 * an optional 附件说明, the 特别声明 and 保存草稿.
 */
export function CancelFilingDialog({
  kind,
  label,
  target,
  phoneMasked,
  draft = null,
  restoreDraft = false,
}: {
  kind: FilingKind;
  /** APP / 小程序 … */
  label: string;
  target: { id: number; name: string; idents: string };
  phoneMasked: string;
  draft?: CancelDraft | null;
  restoreDraft?: boolean;
}) {
  const filingId = target.id;
  return (
    <CancelObjectDialog
      title={`注销${label}`}
      description={`${label}名称：${target.name}；${target.idents}`}
      phoneMasked={phoneMasked}
      draft={draft}
      restoreDraft={restoreDraft}
      statement={[
        '如果负责人手机号码发生变动，请通过开办主体变更流程，修改手机号，待审核通过后再提交注销申请。',
        `如果${label}已不属于您控制，或您无法停止相关服务，请填写说明文件，并由负责人手写签名或单位盖章，上传扫描文件。`,
      ]}
      send={() => sendFilingCancelCodeAction({ kind, filingId })}
      submit={(fields) => cancelFilingAction({ kind, filingId, ...fields })}
      saveDraft={(fields) => saveFilingCancelDraftAction({ kind, filingId, ...fields })}
    />
  );
}
