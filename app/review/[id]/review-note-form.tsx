'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { addReviewNoteAction } from '@/lib/review/actions';
import { NOTE_MAX, reviewNoteSchema } from '@/lib/review/schemas';

/** 添加审核备注: internal, seen by the unit's reviewers and admins, never by the applicant. */
export function ReviewNoteForm({ applicationId }: { applicationId: number }) {
  const id = `${useId()}-note`;
  const [body, setBody] = useState('');
  const { run, pending, formError, fieldErrors, setFieldErrors } = useAction(addReviewNoteAction, {
    fields: ['body'],
    refresh: 'refusal',
    onSuccess: () => setBody(''),
    failureText: '保存失败，请稍后重试',
  });
  const error = fieldErrors.body;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = reviewNoteSchema.safeParse({ id: applicationId, body });
    if (!parsed.success) return setFieldErrors({ body: parsed.error.issues[0]?.message ?? '请填写备注内容' });
    await run(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <Field id={id} label="审核备注" error={error} hint={`仅本单位审核人员和管理员可见，申请人看不到。最多${NOTE_MAX}字。`}>
        <Textarea
          id={id}
          value={body}
          rows={3}
          onChange={(e) => {
            setBody(e.target.value);
            if (error) setFieldErrors({});
          }}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? '保存中…' : '添加备注'}
      </Button>
    </form>
  );
}
