'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { ACCESS_METHODS } from '@/lib/websites/schemas';
import { checkWebsiteName } from '@/lib/websites/naming';
import { beijingDate } from '@/lib/time';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ChoiceGroup } from './wizard-controls';
import type { WizardSubjectView, WizardValues } from '@/lib/websites/form-values';
import { ariaFor, DomainsCard, IpRangesCard, NameField, ProviderCard, ServiceFieldsCard, type StepProps } from '@/components/filings/form-parts';

export type { StepProps };

const YES_NO = ['是', '否'] as const;

/** Today in Beijing time (yyyy-mm-dd), the latest 网站开通日期. */
function todayInBeijing(): string {
  return beijingDate();
}

/** The naming context's subject part. */
function namingSubject(s: WizardSubjectView) {
  return { nature: s.nature, unitType: s.unitType ?? undefined, nationalLevel: s.nationalLevel };
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
  const { register, control } = useFormContext<WizardValues>();
  const basic = useWatch({ control, name: 'basic' });
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);

  // Live 网站名称 rule errors, once something is typed.
  const violations = namingViolations({ basic } as WizardValues, subject);
  const nameMessages = [...new Set([...(basic.name.trim() ? violations.filter((v) => v.field === 'name').map((v) => v.message) : []), err('basic.name')])].filter(
    (m): m is string => !!m,
  );
  const domainMessages = [
    ...new Set([err('basic.domains.root'), ...violations.filter((v) => v.field === 'domains').map((v) => v.message)]),
  ].filter((m): m is string => !!m);

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

      <DomainsCard label="网站域名" object="网站" messages={domainMessages} err={err} fileValue={fileValue} rememberFile={rememberFile} />

      <IpRangesCard err={err} required />

      <ProviderCard kind="接入服务商" method={{ label: '网站接入方式', options: ACCESS_METHODS }} err={err} />
      <ProviderCard kind="域名注册服务商" err={err} />

      <ServiceFieldsCard title="网站服务与语种" object="网站" names={{ types: '网站类型', languages: '网站语种' }} err={err} fileValue={fileValue} rememberFile={rememberFile} />
    </div>
  );
}
