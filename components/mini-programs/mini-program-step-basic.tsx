'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { MINI_PROGRAM_PLATFORMS } from '@/lib/mini-programs/schemas';
import { miniProgramIdExample } from '@/lib/validation/app-identifiers';
import type { MiniProgramFormBasic } from '@/lib/mini-programs/form-values';
import type { FilingWizardValues } from '@/lib/filings/form-values';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { ariaFor, FileSlot, IcpFields, NameField, IntroField, ScreenshotSlots, ServiceFieldsCard, UserScaleField, type StepProps } from '@/components/filings/form-parts';

type Values = FilingWizardValues<MiniProgramFormBasic>;

/** 02 小程序基本信息 (SPEC §15.2): no domains, IPs or access provider. */
export function MiniProgramStepBasic({ headingId, nameMessages, ...files }: StepProps & { headingId: string; nameMessages: readonly string[] }) {
  const { err } = files;
  const { register, control } = useFormContext<Values>();
  const platform = useWatch({ control, name: 'basic.platform' });
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);
  const example = miniProgramIdExample(platform);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            小程序基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <NameField label="小程序名称" hint="请填写小程序在平台上显示的名称，不得使用纯数字或字母、特殊符号" messages={nameMessages} />
          <FileSlot path="basic.iconFileId" label="小程序图标" kind="image" hint="正方形 PNG 或 JPEG 图片，不超过 5MB" {...files} />
          <div className="hidden md:block" />
          <Field id="basic-platform" label="所属平台" required error={err('basic.platform')}>
            <NativeSelect id="basic-platform" {...register('basic.platform')} {...aria('basic.platform')}>
              <NativeSelectOption value="">请选择</NativeSelectOption>
              {MINI_PROGRAM_PLATFORMS.map((p) => (
                <NativeSelectOption key={p} value={p}>
                  {p}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          {platform === '其他' ? (
            <Field id="basic-platformOther" label="平台名称" required error={err('basic.platformOther')}>
              <Input id="basic-platformOther" autoComplete="off" maxLength={100} {...register('basic.platformOther')} {...aria('basic.platformOther')} />
            </Field>
          ) : (
            <div className="hidden md:block" />
          )}
          <Field id="basic-appId" label="小程序ID" required error={err('basic.appId')} hint={example ? `${platform}小程序ID为${example}` : '请先选择所属平台'}>
            <Input id="basic-appId" autoComplete="off" maxLength={64} {...register('basic.appId')} {...aria('basic.appId', true)} />
          </Field>
          <div className="hidden md:block" />
          <IcpFields err={err} example="京ICP备12345678号-2X" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>小程序功能与用户</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <Field id="basic-category" label="服务类目" required error={err('basic.category')} hint="平台上登记的服务类目，如 生活服务 > 家政">
            <Input id="basic-category" autoComplete="off" maxLength={100} {...register('basic.category')} {...aria('basic.category', true)} />
          </Field>
          <UserScaleField err={err} />
          <IntroField label="功能介绍" err={err} />
          <ScreenshotSlots label="运行截图" {...files} />
        </CardContent>
      </Card>

      <ServiceFieldsCard title="小程序服务与语种" object="小程序" names={{ types: '服务类型', languages: '语种' }} {...files} />
    </div>
  );
}
