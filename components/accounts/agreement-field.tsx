import type { ComponentProps } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { AgreementDialog } from './agreement-dialog';

/**
 * 注册's consent: the checkbox (react-hook-form's registration passed through), the 用户服务协议
 * and 隐私政策 dialogs, and its error.
 */
export function AgreementField({ id, officeName, error, ...checkbox }: { id: string; officeName: string; error?: string } & Omit<ComponentProps<'input'>, 'type' | 'id'>) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-start gap-2 text-sm">
        <Checkbox id={id} className="mt-0.5" aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} {...checkbox} />
        <span>
          <label htmlFor={id}>我已阅读并同意用户服务协议和隐私政策，承诺所填信息真实、准确、完整</label>
          <span className="ml-1">
            （<AgreementDialog title="用户服务协议" officeName={officeName} />
            <AgreementDialog title="隐私政策" officeName={officeName} />）
          </span>
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
