'use client';

import { useMemo } from 'react';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { PROVIDER_SERVICE_TYPES, ROOMS_MAX } from '@/lib/service-providers/schemas';
import type { ServiceProviderFormBasic } from '@/lib/service-providers/form-values';
import type { FilingWizardValues } from '@/lib/filings/form-values';
import { provinces } from '@/lib/regions/regions';
import { idOf } from '@/lib/websites/form-values';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CheckboxGroup, ErrorText } from '@/components/websites/wizard-controls';
import { ariaFor, DOCUMENT_HINT, FileSlot, type StepProps } from '@/components/filings/form-parts';

type Values = FilingWizardValues<ServiceProviderFormBasic>;

/** 02 服务商基本信息 (SPEC §15.4): 服务类型, 许可证, 服务地区 and 机房. */
export function ServiceProviderStepBasic({ headingId, ...files }: StepProps & { headingId: string; nameMessages?: readonly string[] }) {
  const { err } = files;
  const { register, control } = useFormContext<Values>();
  const rooms = useFieldArray({ control, name: 'basic.rooms' });
  const provinceOptions = useMemo(() => provinces().map((p) => ({ value: p.code, label: p.name })), []);
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            服务商基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <Field id="basic-name" label="服务商名称" required error={err('basic.name')} hint="与营业执照上的单位名称一致" className="md:col-span-2">
            <Input id="basic-name" autoComplete="off" maxLength={100} {...register('basic.name')} {...aria('basic.name', true)} />
          </Field>
          <Controller
            control={control}
            name="basic.serviceTypes"
            render={({ field }) => (
              <CheckboxGroup
                id="basic-serviceTypes"
                legend="服务类型"
                required
                options={PROVIDER_SERVICE_TYPES.map((t) => ({ value: t, label: t }))}
                value={field.value}
                onChange={field.onChange}
                error={err('basic.serviceTypes')}
                className="md:col-span-2"
                columns="grid-cols-2 sm:grid-cols-3"
              />
            )}
          />
          <Field id="basic-licenceNumber" label="增值电信业务经营许可证编号" required error={err('basic.licenceNumber')} hint="如 B1-20180001 或 京B2-20201234">
            <Input id="basic-licenceNumber" autoComplete="off" maxLength={30} {...register('basic.licenceNumber')} {...aria('basic.licenceNumber', true)} />
          </Field>
          <FileSlot path="basic.licenceFileId" label="许可证扫描件" hint={DOCUMENT_HINT} {...files} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>服务地区</CardTitle>
        </CardHeader>
        <CardContent>
          <Controller
            control={control}
            name="basic.regions"
            render={({ field }) => (
              <CheckboxGroup
                id="basic-regions"
                legend="服务地区"
                required
                options={provinceOptions}
                value={field.value}
                onChange={field.onChange}
                error={err('basic.regions')}
                columns="grid-cols-2 sm:grid-cols-4 lg:grid-cols-6"
              />
            )}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>机房</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground">填写自有或租用的机房及其公网IP段（没有可不填）。</p>
          {rooms.fields.map((row, i) => {
            const n = i === 0 ? '' : String(i + 1);
            const p = (k: string) => `basic.rooms.${i}.${k}`;
            return (
              <div key={row.id} className="grid gap-4 rounded-md border p-4 md:grid-cols-2">
                <Field id={idOf(p('name'))} label={`机房名称${n}`} required error={err(p('name'))}>
                  <Input id={idOf(p('name'))} autoComplete="off" maxLength={100} {...register(`basic.rooms.${i}.name`)} {...aria(p('name'))} />
                </Field>
                <Field id={idOf(p('address'))} label={`机房地址${n}`} required error={err(p('address'))}>
                  <Input id={idOf(p('address'))} autoComplete="off" maxLength={200} {...register(`basic.rooms.${i}.address`)} {...aria(p('address'))} />
                </Field>
                <Field id={idOf(p('start'))} label={`起始IP${n}`} required error={err(p('start'))}>
                  <Input id={idOf(p('start'))} autoComplete="off" maxLength={64} {...register(`basic.rooms.${i}.start`)} {...aria(p('start'))} />
                </Field>
                <Field id={idOf(p('end'))} label={`结束IP${n}`} required error={err(p('end'))}>
                  <Input id={idOf(p('end'))} autoComplete="off" maxLength={64} {...register(`basic.rooms.${i}.end`)} {...aria(p('end'))} />
                </Field>
                <Button type="button" variant="outline" aria-label={`删除第${i + 1}个机房`} className="justify-self-start" onClick={() => rooms.remove(i)}>
                  删除
                </Button>
              </div>
            );
          })}
          <ErrorText id="basic-rooms-root-error">{err('basic.rooms.root')}</ErrorText>
          <Button type="button" variant="outline" disabled={rooms.fields.length >= ROOMS_MAX} onClick={() => rooms.append({ name: '', address: '', start: '', end: '' })}>
            添加机房
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
