'use client';

import { useFormContext } from 'react-hook-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorText } from '@/components/websites/wizard-controls';
import { Checkbox } from '@/components/ui/checkbox';

/**
 * 04 提示说明 of a wizard: a 告知书 (title, preamble, numbered items) and the checkbox the applicant
 * ticks before 提交, registered as `notice.agree` in the surrounding react-hook-form.
 */
export function NoticeStep({
  headingId,
  error,
  title,
  preamble,
  items,
  agreeLabel,
}: {
  headingId: string;
  error?: string;
  title: string;
  preamble: string;
  items: readonly string[];
  agreeLabel: string;
}) {
  const { register } = useFormContext<{ notice: { agree: boolean } }>();
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="text-center outline-none sm:w-full">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm leading-relaxed">
        <p>{preamble}</p>
        <ol className="list-none space-y-2">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <div className="space-y-1 border-t pt-4">
          <label htmlFor="notice-agree" className="inline-flex items-center gap-2 font-medium">
            <Checkbox
              id="notice-agree"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'notice-agree-error' : undefined}
              {...register('notice.agree')}
            />
            {agreeLabel}
          </label>
          <ErrorText id="notice-agree-error">{error}</ErrorText>
        </div>
      </CardContent>
    </Card>
  );
}
