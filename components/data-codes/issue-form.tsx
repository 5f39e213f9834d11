'use client';

import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { dataCodeSchema, DATA_CODE_LABELS as L, MAX_CODE_WEBSITES, type DataCodeData, type DataCodeInput } from '@/lib/data-codes/schemas';
import { ORG_CERT_TYPES } from '@/lib/subjects/rules';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { ACCESS_METHODS } from '@/lib/websites/schemas';
import { issueDataCodeAction } from '@/lib/data-codes/provider-actions';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { useHydrated } from '@/components/forms/use-hydrated';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { RadioGroup, RadioGroupItem } from '@/components/ui/radio-group';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/time';
import { ShownOnceDialog } from './shown-once-dialog';

const CERT_TYPES_OF = { 单位: ORG_CERT_TYPES, 个人: ID_TYPES } as const;
const emptyWebsite = { name: '', domain: '', ip: '', accessMethod: '云服务器' as const };
const defaults: DataCodeInput = {
  subject: { nature: '单位', name: '', certType: ORG_CERT_TYPES[0], certNumber: '', principalName: '', principalPhone: '' },
  websites: [emptyWebsite],
};

/** `subject.certNumber` → the control's id. */
const idOf = (path: string) => path.replaceAll('.', '-');

/** 签发数据码 (SPEC §8.1): the subject's key data and its websites; the code is shown once after 签发. */
export function IssueDataCodeForm({ providerName }: { providerName: string }) {
  const hydrated = useHydrated();
  const [issued, setIssued] = useState<{ display: string; expiresAt: number } | null>(null);
  const form = useForm<DataCodeInput, unknown, DataCodeData>({ resolver: zodResolver(dataCodeSchema), defaultValues: defaults, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, handleSubmit, setError, setValue, control, formState, reset } = form;
  const websites = useFieldArray({ control, name: 'websites' });
  const nature = useWatch({ control, name: 'subject.nature' });
  const { run, pending, formError } = useAction(issueDataCodeAction, {
    setError,
    onSuccess: (data) => {
      setIssued(data);
      reset(defaults);
    },
    failureText: '签发失败，请稍后重试',
  });

  const err = (path: string): string | undefined => {
    let node: unknown = formState.errors;
    for (const k of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    const m = node && typeof node === 'object' ? (node as { message?: unknown }).message : undefined;
    return typeof m === 'string' ? m : undefined;
  };
  const aria = (path: string) => ({ 'aria-invalid': err(path) ? true : undefined, 'aria-describedby': err(path) ? `${idOf(path)}-error` : undefined });
  const busy = formState.isSubmitting || pending;
  const natureError = err('subject.nature');

  return (
    <Card>
      <CardHeader className="flex-col items-start gap-1.5">
        <CardTitle>签发数据码</CardTitle>
        <CardDescription>填写开办主体和网站的关键信息，签发后把数据码交给开办者；开办者绑定后可据此创建主体和网站的草稿。数据码90天内有效，只能绑定一次。</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={handleSubmit((v) => run(v))} noValidate className="space-y-6" data-hydrated={hydrated ? '' : undefined} aria-label="签发数据码">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          <fieldset className="grid gap-4 md:grid-cols-2">
            <legend className="mb-3 text-base font-medium">开办主体</legend>
            <fieldset className="min-w-0 space-y-2 md:col-span-2" aria-describedby={natureError ? 'subject-nature-error' : undefined}>
              <legend className="mb-2 text-sm font-medium">
                <span aria-hidden className="mr-0.5 text-destructive">
                  *
                </span>
                {L['subject.nature']}
              </legend>
              <RadioGroup>
                {(['单位', '个人'] as const).map((o) => (
                  <label key={o} htmlFor={`subject-nature-${o}`} className="inline-flex items-center gap-2 text-sm">
                    <RadioGroupItem
                      id={`subject-nature-${o}`}
                      value={o}
                      aria-invalid={natureError ? true : undefined}
                      {...register('subject.nature', { onChange: () => setValue('subject.certType', CERT_TYPES_OF[o][0]) })}
                    />
                    {o}
                  </label>
                ))}
              </RadioGroup>
              {natureError && (
                <p id="subject-nature-error" role="alert" className="text-sm text-destructive">
                  {natureError}
                </p>
              )}
            </fieldset>
            <Field id="subject-name" label={L['subject.name']} required error={err('subject.name')}>
              <Input id="subject-name" autoComplete="off" maxLength={100} {...register('subject.name')} {...aria('subject.name')} />
            </Field>
            <Field id="subject-certType" label={L['subject.certType']} required error={err('subject.certType')}>
              <NativeSelect id="subject-certType" {...register('subject.certType')} {...aria('subject.certType')}>
                {CERT_TYPES_OF[nature ?? '单位'].map((t) => (
                  <NativeSelectOption key={t} value={t}>
                    {t}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field id="subject-certNumber" label={L['subject.certNumber']} required error={err('subject.certNumber')}>
              <Input id="subject-certNumber" autoComplete="off" maxLength={40} {...register('subject.certNumber')} {...aria('subject.certNumber')} />
            </Field>
            <Field id="subject-principalName" label={L['subject.principalName']} required error={err('subject.principalName')}>
              <Input id="subject-principalName" autoComplete="off" maxLength={50} {...register('subject.principalName')} {...aria('subject.principalName')} />
            </Field>
            <Field id="subject-principalPhone" label={L['subject.principalPhone']} required error={err('subject.principalPhone')}>
              <Input id="subject-principalPhone" type="tel" autoComplete="off" maxLength={20} {...register('subject.principalPhone')} {...aria('subject.principalPhone')} />
            </Field>
          </fieldset>

          <div className="space-y-4">
            <h3 className="text-base font-medium">网站</h3>
            {websites.fields.map((row, i) => {
              const p = (k: 'name' | 'domain' | 'ip' | 'accessMethod') => `websites.${i}.${k}` as const;
              return (
                <fieldset key={row.id} className="grid gap-4 rounded-md border p-4 md:grid-cols-2" data-testid="code-website">
                  <legend className="px-1 text-sm font-medium">{`网站${i + 1}`}</legend>
                  <Field id={idOf(p('name'))} label={L.name} required error={err(p('name'))}>
                    <Input id={idOf(p('name'))} autoComplete="off" maxLength={50} {...register(p('name'))} {...aria(p('name'))} />
                  </Field>
                  <Field id={idOf(p('domain'))} label={L.domain} required error={err(p('domain'))}>
                    <Input id={idOf(p('domain'))} autoComplete="off" maxLength={253} placeholder="例如 www.example.cn" {...register(p('domain'))} {...aria(p('domain'))} />
                  </Field>
                  <Field id={idOf(p('ip'))} label={L.ip} required error={err(p('ip'))}>
                    <Input id={idOf(p('ip'))} autoComplete="off" maxLength={45} {...register(p('ip'))} {...aria(p('ip'))} />
                  </Field>
                  <Field id={idOf(p('accessMethod'))} label={L.accessMethod} required error={err(p('accessMethod'))}>
                    <NativeSelect id={idOf(p('accessMethod'))} {...register(p('accessMethod'))} {...aria(p('accessMethod'))}>
                      {ACCESS_METHODS.map((m) => (
                        <NativeSelectOption key={m} value={m}>
                          {m}
                        </NativeSelectOption>
                      ))}
                    </NativeSelect>
                  </Field>
                  <div className="md:col-span-2">
                    <Button type="button" variant="outline" size="sm" aria-label={`删除网站${i + 1}`} disabled={websites.fields.length <= 1} onClick={() => websites.remove(i)}>
                      删除
                    </Button>
                  </div>
                </fieldset>
              );
            })}
            {err('websites') && (
              <p role="alert" className="text-sm text-destructive">
                {err('websites')}
              </p>
            )}
            <Button type="button" variant="outline" disabled={websites.fields.length >= MAX_CODE_WEBSITES} onClick={() => websites.append(emptyWebsite)}>
              添加网站
            </Button>
          </div>

          <Field id="code-provider" label="网络接入服务商" hint="签发的网站以本服务商为网络接入服务商">
            <Input id="code-provider" value={providerName} readOnly aria-readonly className="bg-muted" />
          </Field>

          <Button type="submit" disabled={busy}>
            {busy ? '签发中…' : '签发'}
          </Button>
        </form>
        <ShownOnceDialog
          open={!!issued}
          onClose={() => setIssued(null)}
          title="数据码已签发"
          label="数据码"
          value={issued?.display ?? ''}
          note="数据码只显示一次，请立即复制并交给开办者"
          extra={issued ? [{ label: '有效期至', value: formatDate(issued.expiresAt) }] : []}
        />
      </CardContent>
    </Card>
  );
}
