'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { scheduleInterviewAction } from '@/lib/review/actions';
import { INTERVIEW_KIND_OPTIONS, scheduleInterviewSchema } from '@/lib/review/schemas';
import { Textarea } from '@/components/ui/textarea';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { useAction } from '@/components/forms/use-action';

type Kind = (typeof INTERVIEW_KIND_OPTIONS)[number];

/**
 * 安排面审 / 实地检查 of an interactive website whose 安全评估 is 通过. 时间 is entered and shown
 * in Beijing time whatever the browser's zone; `minLocal` (now, Beijing) comes from the server.
 */
export function ScheduleInterviewForm({ applicationId, minLocal }: { applicationId: number; minLocal: string }) {
  const base = useId();
  const ids = { kind: `${base}-kind`, time: `${base}-time`, place: `${base}-place`, materials: `${base}-materials` };
  const [kind, setKind] = useState<Kind>('面审');
  const [scheduledAt, setScheduledAt] = useState('');
  const [place, setPlace] = useState('');
  const [materials, setMaterials] = useState('');
  const [confirming, setConfirming] = useState(false);
  const {
    run,
    pending,
    formError,
    setFormError,
    fieldErrors: errors,
    setFieldErrors: setErrors,
  } = useAction(scheduleInterviewAction, {
    // On success the action's revalidation re-renders the page as 待面审 (this form goes away);
    // after a refusal the page may be stale.
    refresh: 'refusal',
    keepFormError: true,
    failureText: '提交失败，请稍后重试',
  });

  const input = () => ({ id: applicationId, kind, scheduledAt, place, materials });
  const onSite = kind === '实地检查';

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = scheduleInterviewSchema.safeParse(input());
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    setConfirming(true);
  }

  async function confirm() {
    const res = await run(input());
    if (res) setConfirming(false);
  }

  const described = (key: string, id: string, hint = false) => (errors[key] ? `${id}-error` : hint ? `${id}-hint` : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="安排面审或实地检查" data-testid="schedule-interview-form">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">方式</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {INTERVIEW_KIND_OPTIONS.map((k) => (
            <div key={k} className="flex items-center gap-2">
              <RadioGroupItem
                id={`${ids.kind}-${k}`}
                name={ids.kind}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                disabled={pending}
              />
              <label htmlFor={`${ids.kind}-${k}`} className="text-sm">
                {k}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id={ids.time} label="时间" required error={errors.scheduledAt} hint="北京时间">
        <Input
          id={ids.time}
          type="datetime-local"
          value={scheduledAt}
          min={minLocal}
          onChange={(e) => setScheduledAt(e.target.value)}
          aria-invalid={!!errors.scheduledAt}
          aria-describedby={described('scheduledAt', ids.time, true)}
          disabled={pending}
        />
      </Field>
      <Field id={ids.place} label="地点" required={!onSite} error={errors.place} hint={onSite ? '实地检查可不填，默认为网站运营场所' : undefined}>
        <Input
          id={ids.place}
          value={place}
          maxLength={200}
          onChange={(e) => setPlace(e.target.value)}
          aria-invalid={!!errors.place}
          aria-describedby={described('place', ids.place, onSite)}
          disabled={pending}
        />
      </Field>
      <Field id={ids.materials} label="需携带材料" required={!onSite} error={errors.materials} hint={onSite ? '选填' : '如：营业执照原件、负责人身份证原件、网站安全管理制度'}>
        <Textarea
          id={ids.materials}
          value={materials}
          maxLength={500}
          rows={3}
          onChange={(e) => setMaterials(e.target.value)}
          className="min-h-24"
          aria-invalid={!!errors.materials}
          aria-describedby={described('materials', ids.materials, true)}
          disabled={pending}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? '提交中…' : `安排${kind}`}
      </Button>

      <Dialog open={confirming} onOpenChange={(o) => !pending && setConfirming(o)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>确认安排{kind}？</DialogTitle>
            <DialogDescription>提交后将通知申请人{kind}的时间{onSite ? '' : '、地点和需携带的材料'}。</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setConfirming(false)} disabled={pending}>
              取消
            </Button>
            <Button type="button" onClick={confirm} disabled={pending}>
              {pending ? '提交中…' : '确定'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
