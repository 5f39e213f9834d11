'use client';

import { useState } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/forms/use-action';
import { revealPiiAction } from '@/lib/review/actions';

type Revealed = { label: string; value: string }[];

/**
 * 查看完整信息 (SPEC §6.3): the full 证件号码 and 手机号码 of this application, to compare with the
 * ID photos. Each press asks the server again and is written to the audit log; 隐藏 forgets them.
 */
export function RevealPii({ applicationId }: { applicationId: number }) {
  const [values, setValues] = useState<Revealed | null>(null);
  const { run, pending, formError } = useAction(revealPiiAction, { onSuccess: setValues, failureText: '查看失败，请稍后重试' });
  return (
    <div className="space-y-3 rounded-md border border-dashed p-3 text-sm" data-testid="reveal-pii">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-muted-foreground">证件号码、手机号码已脱敏显示。查看完整信息将记入审计日志。</p>
        {values ? (
          <Button type="button" variant="outline" size="sm" onClick={() => setValues(null)}>
            <EyeOff aria-hidden />
            隐藏完整信息
          </Button>
        ) : (
          <Button type="button" variant="outline" size="sm" disabled={pending} onClick={() => void run({ id: applicationId })}>
            <Eye aria-hidden />
            {pending ? '正在获取…' : '查看完整信息'}
          </Button>
        )}
      </div>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      {values && (
        <dl className="grid gap-x-8 gap-y-2 md:grid-cols-2" aria-label="完整信息">
          {values.length === 0 && <p className="text-muted-foreground">该申请没有需要核对的证件号码或手机号码。</p>}
          {values.map((v) => (
            <div key={v.value} className="grid grid-cols-[minmax(6rem,40%)_1fr] gap-3">
              <dt className="text-muted-foreground">{v.label}</dt>
              <dd className="font-mono break-all">{v.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
