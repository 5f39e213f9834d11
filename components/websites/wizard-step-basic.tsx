'use client';

import { useMemo } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { ACCESS_METHODS } from '@/lib/websites/schemas';
import { checkWebsiteName } from '@/lib/websites/naming';
import { beijingDate } from '@/lib/time';
import { hostToUnicode, registrableDomains } from '@/lib/websites/domains';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ChoiceGroup } from './wizard-controls';
import { idOf, type WizardSubjectView, type WizardValues } from '@/lib/websites/form-values';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { ariaFor, DOCUMENT_HINT, FileSlot, IpRangesCard, NameField, ProviderCard, ServiceFieldsCard, type StepProps } from '@/components/filings/form-parts';

export type { StepProps };

const YES_NO = ['是', '否'] as const;
const MAX_ROWS = 20;

/** Today in Beijing time (yyyy-mm-dd), the latest 网站开通日期. */
function todayInBeijing(): string {
  return beijingDate();
}

/** The naming context's subject part. */
function namingSubject(s: WizardSubjectView) {
  return { nature: s.nature, unitType: s.unitType ?? undefined };
}

/** 网站名称 rules for the current values (SPEC §11.3): shared by the live display and the resolver. */
export function namingViolations(v: WizardValues, subject: WizardSubjectView) {
  const b = v.basic;
  return checkWebsiteName({
    name: b.name,
    domains: b.domains.map((d) => d.domain).filter((d) => d.trim()),
    subject: namingSubject(subject),
    permits: b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : [],
    interactive: b.interactive === '是',
  });
}

/** 02 网站基本信息. */
export function WizardStepBasic({ subject, headingId, err, fileValue, rememberFile }: StepProps & { subject: WizardSubjectView; headingId: string }) {
  const { register, control, setValue, getValues } = useFormContext<WizardValues>();
  const domainRows = useFieldArray({ control, name: 'basic.domains' });
  const basic = useWatch({ control, name: 'basic' });
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);
  const touch = { shouldDirty: true } as const;

  // Live 网站名称 rule errors, once something is typed.
  const violations = namingViolations({ basic } as WizardValues, subject);
  const nameMessages = [...new Set([...(basic.name.trim() ? violations.filter((v) => v.field === 'name').map((v) => v.message) : []), err('basic.name')])].filter(
    (m): m is string => !!m,
  );
  const domainMessages = [
    ...new Set([err('basic.domains.root'), ...violations.filter((v) => v.field === 'domains').map((v) => v.message)]),
  ].filter((m): m is string => !!m);

  const registrables = useMemo(() => registrableDomains(basic.domains.map((d) => d.domain)), [basic.domains]);

  function setPrimary(index: number) {
    getValues('basic.domains').forEach((_, j) => setValue(`basic.domains.${j}.primary`, j === index, touch));
  }

  function removeDomain(index: number) {
    const wasPrimary = getValues(`basic.domains.${index}.primary`);
    domainRows.remove(index);
    if (wasPrimary) setValue('basic.domains.0.primary', true, touch);
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            网站基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <NameField label="网站名称" hint="请填写能反映网站内容的中文名称，不得使用域名、纯数字或字母、特殊符号" messages={nameMessages} />
          <ChoiceGroup id="basic-hasIcp" legend="是否有工信部备案号" options={YES_NO} required registration={register('basic.hasIcp')} error={err('basic.hasIcp')} />
          {basic.hasIcp === '是' ? (
            <Field id="basic-icpNumber" label="工信部备案号" required error={err('basic.icpNumber')} hint="如 京ICP备12345678号-1">
              <Input id="basic-icpNumber" autoComplete="off" maxLength={40} {...register('basic.icpNumber')} {...aria('basic.icpNumber', true)} />
            </Field>
          ) : (
            <div className="hidden md:block" />
          )}
          <Field id="basic-openDate" label="网站开通日期" required error={err('basic.openDate')}>
            <Input id="basic-openDate" type="date" max={todayInBeijing()} {...register('basic.openDate')} {...aria('basic.openDate')} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>网站域名</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground">填写网站的全部域名并指定一个主域名；支持中文域名。</p>
          {domainRows.fields.map((row, i) => {
            const label = i === 0 ? '网站域名' : `网站域名${i + 1}`;
            const path = `basic.domains.${i}.domain`;
            return (
              <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start sm:gap-4">
                <Field id={idOf(path)} label={label} required={i === 0} error={err(path)}>
                  <Input
                    id={idOf(path)}
                    autoComplete="off"
                    inputMode="url"
                    placeholder="如 example.com"
                    maxLength={253}
                    {...register(`basic.domains.${i}.domain`)}
                    {...aria(path)}
                    aria-invalid={err(path) || (i === 0 && domainMessages.length) ? true : undefined}
                  />
                </Field>
                <div className="flex items-center gap-4 sm:mt-[26px]">
                  <label htmlFor={`basic-domains-${i}-primary`} className="inline-flex h-9 items-center gap-2 text-sm">
                    <RadioGroupItem
                      id={`basic-domains-${i}-primary`}
                      name="basic-primaryDomain"
                      checked={basic.domains[i]?.primary ?? false}
                      onChange={() => setPrimary(i)}
                    />
                    主域名
                  </label>
                  <Button type="button" variant="outline" aria-label={`删除第${i + 1}个域名`} disabled={domainRows.fields.length <= 1} onClick={() => removeDomain(i)}>
                    删除
                  </Button>
                </div>
              </div>
            );
          })}
          {domainMessages.length > 0 && (
            <div id="basic-domains-root-error" role="alert" data-field-error className="space-y-0.5 text-sm text-destructive">
              {domainMessages.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </div>
          )}
          <Button type="button" variant="outline" disabled={domainRows.fields.length >= MAX_ROWS} onClick={() => domainRows.append({ domain: '', primary: false })}>
            添加域名
          </Button>

          <div className="space-y-3 border-t pt-4">
            <h3 className="text-sm font-medium">域名证书</h3>
            {registrables.length === 0 ? (
              <p className="text-sm text-muted-foreground">填写网站域名后，请为每个注册域名上传域名证书。</p>
            ) : (
              <div className="grid gap-4 md:grid-cols-2">
                {registrables.map((reg) => {
                  const i = basic.certificates.findIndex((c) => c.registrable === reg);
                  if (i < 0) return null; // appears once the wizard has added its entry
                  return (
                    <FileSlot
                      key={reg}
                      path={`basic.certificates.${i}.fileId`}
                      label={`域名证书（${hostToUnicode(reg) ?? reg}）`}
                      hint={`请上传 ${hostToUnicode(reg) ?? reg} 的域名证书，${DOCUMENT_HINT}`}
                      err={err}
                      fileValue={fileValue}
                      rememberFile={rememberFile}
                    />
                  );
                })}
              </div>
            )}
          </div>
        </CardContent>
      </Card>

      <IpRangesCard err={err} required />

      <ProviderCard kind="接入服务商" method={{ label: '网站接入方式', options: ACCESS_METHODS }} err={err} />
      <ProviderCard kind="域名注册服务商" err={err} />

      <ServiceFieldsCard title="网站服务与语种" object="网站" names={{ types: '网站类型', languages: '网站语种' }} err={err} fileValue={fileValue} rememberFile={rememberFile} />
    </div>
  );
}
