'use client';

import { useFormContext } from 'react-hook-form';
import { ASSESSMENT_NOTICE_ITEMS, ASSESSMENT_NOTICE_PREAMBLE, ASSESSMENT_NOTICE_TITLE } from '@/lib/assessments/texts';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorText } from '@/components/websites/wizard-controls';
import type { AssessmentWizardValues } from './wizard-values';

/** 04 提示说明: the 网络安全责任告知书 and 我已阅读并同意. */
export function AssessmentStepNotice({ headingId, error }: { headingId: string; error?: string }) {
  const { register } = useFormContext<AssessmentWizardValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="text-center outline-none sm:w-full">
          {ASSESSMENT_NOTICE_TITLE}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm leading-relaxed">
        <p>{ASSESSMENT_NOTICE_PREAMBLE}</p>
        <ol className="list-none space-y-2">
          {ASSESSMENT_NOTICE_ITEMS.map((item) => (
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
            我已阅读并同意
          </label>
          <ErrorText id="notice-agree-error">{error}</ErrorText>
        </div>
      </CardContent>
    </Card>
  );
}
