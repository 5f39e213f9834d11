'use client';

import { useFormContext } from 'react-hook-form';
import { NOTICE_ITEMS, NOTICE_PREAMBLE, NOTICE_TITLE } from '@/lib/websites/schemas';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorText } from './wizard-controls';
import type { WizardValues } from './wizard-values';

/** 04 提示说明: 互联网信息服务单位网络安全责任告知书 and 我已阅读. */
export function WizardStepNotice({ headingId, error }: { headingId: string; error?: string }) {
  const { register } = useFormContext<WizardValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="text-center outline-none sm:w-full">
          {NOTICE_TITLE}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm leading-relaxed">
        <p>{NOTICE_PREAMBLE}</p>
        <ol className="list-none space-y-2">
          {NOTICE_ITEMS.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <div className="space-y-1 border-t pt-4">
          <label htmlFor="notice-agree" className="inline-flex items-center gap-2 font-medium">
            <input
              id="notice-agree"
              type="checkbox"
              className="size-4 accent-primary"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'notice-agree-error' : undefined}
              {...register('notice.agree')}
            />
            我已阅读
          </label>
          <ErrorText id="notice-agree-error">{error}</ErrorText>
        </div>
      </CardContent>
    </Card>
  );
}
