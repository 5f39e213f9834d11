'use client';

import { useFormContext } from 'react-hook-form';
import type { AppStoreFormBasic } from '@/lib/app-stores/form-values';
import type { FilingWizardValues } from '@/lib/filings/form-values';
import { MECHANISM_MAX } from '@/lib/app-stores/schemas';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ariaFor, DomainsCard, IpRangesCard, NameField, ProviderCard, ServiceFieldsCard, type StepProps } from '@/components/filings/form-parts';

type Values = FilingWizardValues<AppStoreFormBasic>;

/** 02 应用市场基本信息 (SPEC §15.3). */
export function AppStoreStepBasic({ headingId, nameMessages, ...files }: StepProps & { headingId: string; nameMessages: readonly string[] }) {
  const { err } = files;
  const { register } = useFormContext<Values>();
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);
  const domainMessages = [err('basic.domains.root')].filter((m): m is string => !!m);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            应用市场基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <NameField label="应用市场名称" hint="请填写应用市场对外使用的中文名称，不得使用纯数字或字母、特殊符号" messages={nameMessages} />
          <Field id="basic-appCount" label="上架应用数量" required error={err('basic.appCount')} hint="当前上架的APP数量（个）">
            <Input id="basic-appCount" inputMode="numeric" autoComplete="off" maxLength={9} {...register('basic.appCount')} {...aria('basic.appCount', true)} />
          </Field>
          <div className="hidden md:block" />
          <Field id="basic-reviewMechanism" label="应用上架审核机制" required error={err('basic.reviewMechanism')} hint="说明应用市场如何核验上架APP已办理备案" className="md:col-span-2">
            <Textarea id="basic-reviewMechanism" rows={4} maxLength={MECHANISM_MAX} {...register('basic.reviewMechanism')} {...aria('basic.reviewMechanism', true)} />
          </Field>
        </CardContent>
      </Card>

      <DomainsCard label="网址" object="应用市场" messages={domainMessages} {...files} />
      <IpRangesCard err={err} required />
      <ProviderCard kind="接入服务商" err={err} />
      <ServiceFieldsCard title="应用市场服务与语种" object="应用市场" names={{ types: '服务类型', languages: '语种' }} {...files} />
    </div>
  );
}
