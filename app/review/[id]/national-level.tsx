'use client';

import { Alert } from '@/components/ui/alert';
import { ConfirmActionButton } from '@/components/forms/confirm-action-button';
import { correctNationalLevelAction } from '@/lib/subjects/actions';

/**
 * 是否中央/国家级单位 of a 新增主体 / 变更主体, highlighted for the reviewer (SPEC §11.3): 是 lets the
 * subject, once 有效, use 中国, 中华, 国家, 人民… in names. The reviewer may correct it while deciding.
 */
export function NationalLevelNotice({ applicationId, declared, canCorrect }: { applicationId: number; declared: '是' | '否'; canCorrect: boolean }) {
  const other = declared === '是' ? '否' : '是';
  return (
    <Alert variant="default" className={declared === '是' ? 'border-amber-500 bg-amber-50 text-foreground' : undefined} data-testid="national-level">
      <p className="font-medium">是否中央/国家级单位：{declared}</p>
      <p>
        {declared === '是'
          ? '申请人声明为中央/国家级单位。审核通过后，该主体的网站名称可使用“中国”“中华”“中央”“全国”“国家”“人民”“人大”等字样，请对照主办单位证件核实。'
          : '申请人声明不是中央/国家级单位，该主体的网站名称不能使用“中国”“中华”“国家”“人民”等字样。'}
      </p>
      {canCorrect && (
        <div className="mt-2">
          <ConfirmActionButton
            label={`更正为“${other}”`}
            title="更正是否中央/国家级单位"
            description={`确定将“是否中央/国家级单位”更正为“${other}”吗？更正将记入操作日志并通知申请人。`}
            failMessage="更正失败，请稍后重试"
            size="sm"
            run={() => correctNationalLevelAction({ applicationId, nationalLevel: other })}
          />
        </div>
      )}
    </Alert>
  );
}
