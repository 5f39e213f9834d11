'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { APP_PLATFORMS, FINGERPRINT_OF } from '@/lib/apps/schemas';
import { platformRows, type AppFormBasic } from '@/lib/apps/form-values';
import type { FilingWizardValues } from '@/lib/filings/form-values';
import { idOf } from '@/lib/websites/form-values';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CheckboxGroup, ErrorText } from '@/components/websites/wizard-controls';
import { ariaFor, FileSlot, IcpFields, IpRangesCard, NameField, ProviderCard, IntroField, ScreenshotSlots, ServiceFieldsCard, UserScaleField, type StepProps } from '@/components/filings/form-parts';

type Values = FilingWizardValues<AppFormBasic>;
const MAX_ROWS = 20;

/** 02 APP基本信息 (SPEC §15.1). `nameMessages`: the naming rules' live messages and the form's. */
export function AppStepBasic({ headingId, nameMessages, ...files }: StepProps & { headingId: string; nameMessages: readonly string[] }) {
  const { err } = files;
  const { register, control, setValue, getValues } = useFormContext<Values>();
  const platforms = useWatch({ control, name: 'basic.platforms' });
  const downloads = useFieldArray({ control, name: 'basic.downloads' });
  const domains = useFieldArray({ control, name: 'basic.domains' });
  const sdks = useFieldArray({ control, name: 'basic.sdks' });
  const aria = (path: string, hint?: boolean) => ariaFor(err, path, hint);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            APP基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <NameField label="APP名称" hint="请填写APP在应用市场中显示的名称，不得使用纯数字或字母、特殊符号" messages={nameMessages} />
          <FileSlot path="basic.iconFileId" label="APP图标" kind="image" hint="正方形 PNG 或 JPEG 图片，不超过 5MB" {...files} />
          <div className="hidden md:block" />
          <IcpFields err={err} example="京ICP备12345678号-1A" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>运行平台</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <CheckboxGroup
            id="basic-platforms"
            legend="运行平台"
            required
            options={APP_PLATFORMS.map((p) => ({ value: p, label: p }))}
            value={platforms.map((p) => p.platform)}
            onChange={(next) => setValue('basic.platforms', platformRows(next, getValues('basic.platforms')), { shouldDirty: true })}
            error={err('basic.platforms.root') ?? err('basic.platforms')}
            columns="grid-cols-2 sm:grid-cols-4"
          />
          {platforms.map((p, i) => {
            const pkg = `basic.platforms.${i}.packageName`;
            const sig = `basic.platforms.${i}.signature`;
            const key = `basic.platforms.${i}.publicKey`;
            const fp = FINGERPRINT_OF[p.platform];
            return (
              <div key={p.platform} className="grid gap-4 rounded-md border p-4 md:grid-cols-2">
                <h3 className="text-sm font-medium md:col-span-2">{p.platform}</h3>
                <Field id={idOf(pkg)} label={`${p.platform}包名`} required error={err(pkg)} hint={p.platform === 'iOS' ? 'Bundle ID，如 com.example.app' : '如 com.example.app'}>
                  <Input id={idOf(pkg)} autoComplete="off" maxLength={255} {...register(`basic.platforms.${i}.packageName`)} {...aria(pkg, true)} />
                </Field>
                <Field id={idOf(sig)} label={`${p.platform}签名${fp}`} required error={err(sig)} hint={fp === 'MD5' ? '签名证书的MD5，32位十六进制，可带冒号' : '签名证书的SHA-1，40位十六进制，可带冒号'}>
                  <Input id={idOf(sig)} autoComplete="off" maxLength={80} {...register(`basic.platforms.${i}.signature`)} {...aria(sig, true)} />
                </Field>
                <Field id={idOf(key)} label={`${p.platform}公钥`} error={err(key)} className="md:col-span-2">
                  <Textarea id={idOf(key)} rows={2} maxLength={4000} {...register(`basic.platforms.${i}.publicKey`)} {...aria(key)} />
                </Field>
              </div>
            );
          })}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>下载渠道</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {downloads.fields.map((row, i) => {
            const n = i === 0 ? '' : String(i + 1);
            const store = `basic.downloads.${i}.store`;
            const url = `basic.downloads.${i}.url`;
            return (
              <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] sm:items-start sm:gap-4">
                <Field id={idOf(store)} label={`应用市场名称${n}`} required error={err(store)}>
                  <Input id={idOf(store)} autoComplete="off" maxLength={100} {...register(`basic.downloads.${i}.store`)} {...aria(store)} />
                </Field>
                <Field id={idOf(url)} label={`下载链接${n}`} required error={err(url)}>
                  <Input id={idOf(url)} autoComplete="off" inputMode="url" placeholder="https://" maxLength={500} {...register(`basic.downloads.${i}.url`)} {...aria(url)} />
                </Field>
                <Button type="button" variant="outline" aria-label={`删除第${i + 1}个下载渠道`} className="justify-self-start sm:mt-[26px]" disabled={downloads.fields.length <= 1} onClick={() => downloads.remove(i)}>
                  删除
                </Button>
              </div>
            );
          })}
          <ErrorText id="basic-downloads-root-error">{err('basic.downloads.root')}</ErrorText>
          <Button type="button" variant="outline" disabled={downloads.fields.length >= MAX_ROWS} onClick={() => downloads.append({ store: '', url: '' })}>
            添加下载渠道
          </Button>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>APP使用的域名</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground">填写APP访问的服务端域名（没有可不填）；支持中文域名。</p>
          {domains.fields.map((row, i) => {
            const path = `basic.domains.${i}.domain`;
            return (
              <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start sm:gap-4">
                <Field id={idOf(path)} label={`APP使用的域名${i === 0 ? '' : i + 1}`} required error={err(path)}>
                  <Input id={idOf(path)} autoComplete="off" inputMode="url" placeholder="如 api.example.com" maxLength={253} {...register(`basic.domains.${i}.domain`)} {...aria(path)} />
                </Field>
                <Button type="button" variant="outline" aria-label={`删除第${i + 1}个域名`} className="justify-self-start sm:mt-[26px]" onClick={() => domains.remove(i)}>
                  删除
                </Button>
              </div>
            );
          })}
          <ErrorText id="basic-domains-root-error">{err('basic.domains.root')}</ErrorText>
          <Button type="button" variant="outline" disabled={domains.fields.length >= MAX_ROWS} onClick={() => domains.append({ domain: '' })}>
            添加域名
          </Button>
        </CardContent>
      </Card>

      <IpRangesCard err={err} />
      <ProviderCard kind="接入服务商" err={err} />

      <Card>
        <CardHeader>
          <CardTitle>APP功能与用户</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <IntroField label="APP功能介绍" err={err} />
          <ScreenshotSlots label="APP运行截图" {...files} />
          <UserScaleField err={err} />
          <div className="space-y-3 border-t pt-4 md:col-span-2">
            <h3 className="text-sm font-medium">第三方SDK</h3>
            <p className="text-sm text-muted-foreground">填写APP集成的第三方SDK（没有可不填）。</p>
            {sdks.fields.map((row, i) => {
              const n = i === 0 ? '' : String(i + 1);
              const paths = { name: `basic.sdks.${i}.name`, vendor: `basic.sdks.${i}.vendor`, functionType: `basic.sdks.${i}.functionType` } as const;
              return (
                <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start sm:gap-4">
                  <Field id={idOf(paths.name)} label={`SDK名称${n}`} required error={err(paths.name)}>
                    <Input id={idOf(paths.name)} autoComplete="off" maxLength={100} {...register(`basic.sdks.${i}.name`)} {...aria(paths.name)} />
                  </Field>
                  <Field id={idOf(paths.vendor)} label={`SDK服务商${n}`} required error={err(paths.vendor)}>
                    <Input id={idOf(paths.vendor)} autoComplete="off" maxLength={100} {...register(`basic.sdks.${i}.vendor`)} {...aria(paths.vendor)} />
                  </Field>
                  <Field id={idOf(paths.functionType)} label={`功能类型${n}`} required error={err(paths.functionType)}>
                    <Input id={idOf(paths.functionType)} autoComplete="off" maxLength={50} placeholder="如 推送、统计、支付" {...register(`basic.sdks.${i}.functionType`)} {...aria(paths.functionType)} />
                  </Field>
                  <Button type="button" variant="outline" aria-label={`删除第${i + 1}个SDK`} className="justify-self-start sm:mt-[26px]" onClick={() => sdks.remove(i)}>
                    删除
                  </Button>
                </div>
              );
            })}
            <ErrorText id="basic-sdks-root-error">{err('basic.sdks.root')}</ErrorText>
            <Button type="button" variant="outline" disabled={sdks.fields.length >= 50} onClick={() => sdks.append({ name: '', vendor: '', functionType: '' })}>
              添加SDK
            </Button>
          </div>
        </CardContent>
      </Card>

      <ServiceFieldsCard title="APP服务与语种" object="APP" names={{ types: '服务类型', languages: '语种' }} {...files} />
    </div>
  );
}
