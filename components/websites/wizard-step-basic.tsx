'use client';

import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import {
  ACCESS_METHODS,
  CONTROLLED_EXPLANATION,
  CONTROLLED_ITEMS,
  LANGUAGES,
  PERMIT_EXPLANATION,
  SITE_TYPES,
} from '@/lib/websites/schemas';
import { checkWebsiteName, PERMIT_ITEMS } from '@/lib/websites/naming';
import { beijingDate } from '@/lib/time';
import { hostToUnicode, registrableDomains } from '@/lib/websites/domains';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { RegionCascader } from '@/components/regions/region-cascader';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { ChoiceGroup, CheckboxGroup, ErrorText, ExplainButton } from './wizard-controls';
import { ProviderLookupDialog, type ProviderKind } from './provider-lookup-dialog';
import { idOf, type WizardSubjectView, type WizardValues } from '@/lib/websites/form-values';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { RadioGroupItem } from '@/components/ui/radio-group';

type Path = FieldPath<WizardValues>;
export type StepProps = {
  err: (path: string) => string | undefined;
  fileValue: (id: number | null | undefined) => UploadedFile | null;
  rememberFile: (f: UploadedFile) => void;
};

const YES_NO = ['是', '否'] as const;
const SCOPES = ['境内', '境外'] as const;
const MAX_ROWS = 20;
// Certificates, qualification proofs and licences are often PDF scans: images or PDF are accepted.
const IMAGE_HINT = '支持 PNG、JPEG 图片或 PDF 文件，大小不超过 5MB';

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
  const { register, control, setValue, getValues, clearErrors } = useFormContext<WizardValues>();
  const domainRows = useFieldArray({ control, name: 'basic.domains' });
  const ipRows = useFieldArray({ control, name: 'basic.ipRanges' });
  const basic = useWatch({ control, name: 'basic' });
  const [lookup, setLookup] = useState<ProviderKind | null>(null);

  const aria = (path: string, hint?: boolean) => ({
    'aria-invalid': err(path) ? true : undefined,
    'aria-describedby': err(path) ? `${idOf(path)}-error` : hint ? `${idOf(path)}-hint` : undefined,
  });
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

  /** The checked items, in the list's order, keeping what was already filled for each. */
  function setControlledItems(next: string[]) {
    const cur = getValues('basic.controlledItems');
    setValue(
      'basic.controlledItems',
      CONTROLLED_ITEMS.filter((x) => next.includes(x)).map((x) => cur.find((c) => c.item === x) ?? { item: x, fileId: null }),
      touch,
    );
  }

  function setPermits(next: string[]) {
    const cur = getValues('basic.permits');
    setValue(
      'basic.permits',
      PERMIT_ITEMS.filter((x) => next.includes(x)).map((x) => cur.find((p) => p.item === x) ?? { item: x, licenseNumber: '', fileId: null }),
      touch,
    );
  }

  const upload = (path: Path, label: string, opts: { hint?: string; className?: string } = {}) => (
    <Controller
      key={path}
      control={control}
      name={path}
      render={({ field }) => (
        <UploadField
          id={idOf(path)}
          name={path}
          label={label}
          kind="document"
          required
          hint={opts.hint}
          error={err(path)}
          className={opts.className}
          value={fileValue(field.value as number | null)}
          onChange={(f) => {
            if (f) rememberFile(f);
            field.onChange(f ? f.id : null);
          }}
        />
      )}
    />
  );

  const providerGroup = (kind: ProviderKind) => {
    const access = kind === '接入服务商';
    const p = access
      ? { scope: 'basic.accessScope', region: 'basic.accessRegion', name: 'basic.accessName' }
      : { scope: 'basic.registrarScope', region: 'basic.registrarRegion', name: 'basic.registrarName' };
    const t = access
      ? { title: '网络接入服务商', scope: '接入商所属地区管辖', region: '接入商所属地区', name: '网络接入服务商名称', button: '查询网络接入服务商' }
      : { title: '域名注册服务商', scope: '注册商所属地区管辖', region: '注册商所属地区', name: '域名注册服务商名称', button: '查询域名注册服务商' };
    const scope = access ? basic.accessScope : basic.registrarScope;
    return (
      <Card>
        <CardHeader className="flex-wrap">
          <CardTitle>{t.title}</CardTitle>
          <Button type="button" variant="outline" size="sm" onClick={() => setLookup(kind)}>
            {t.button}
          </Button>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <ChoiceGroup
            id={idOf(p.scope)}
            legend={t.scope}
            options={SCOPES}
            required
            registration={register(p.scope as 'basic.accessScope')}
            error={err(p.scope)}
            className="md:col-span-2"
          />
          {scope === '境内' && (
            <Controller
              control={control}
              name={p.region as 'basic.accessRegion'}
              render={({ field }) => (
                <RegionCascader
                  id={idOf(p.region)}
                  name={p.region}
                  label={t.region}
                  required
                  error={err(p.region)}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  className="md:col-span-2"
                />
              )}
            />
          )}
          <Field id={idOf(p.name)} label={t.name} required error={err(p.name)} hint="可通过查询选择，查询不到时请手动填写">
            <Input id={idOf(p.name)} autoComplete="off" maxLength={100} {...register(p.name as 'basic.accessName')} {...aria(p.name, true)} />
          </Field>
          {access && (
            <Field id={idOf('basic.accessMethod')} label="网站接入方式" required error={err('basic.accessMethod')}>
              <NativeSelect id={idOf('basic.accessMethod')} {...register('basic.accessMethod')} {...aria('basic.accessMethod')}>
                <NativeSelectOption value="">请选择</NativeSelectOption>
                {ACCESS_METHODS.map((m) => (
                  <NativeSelectOption key={m} value={m}>
                    {m}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
          )}
          <ProviderLookupDialog
            kind={kind}
            open={lookup === kind}
            onOpenChange={(o) => setLookup(o ? kind : null)}
            initialScope={scope}
            initialRegion={access ? basic.accessRegion : basic.registrarRegion}
            initialName={access ? basic.accessName : basic.registrarName}
            onSelect={(choice) => {
              setValue(p.scope as 'basic.accessScope', choice.scope, touch);
              setValue(p.region as 'basic.accessRegion', choice.scope === '境内' ? (choice.regionCode ?? '') : '', touch);
              setValue(p.name as 'basic.accessName', choice.name, touch);
              clearErrors([p.scope, p.region, p.name] as Path[]);
            }}
          />
        </CardContent>
      </Card>
    );
  };

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
            网站基本信息
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <div className="space-y-1.5 md:col-span-2">
            <div className="flex items-center gap-0.5 text-sm font-medium">
              <span className="text-destructive" aria-hidden>
                *
              </span>
              <label htmlFor="basic-name">网站名称</label>
            </div>
            <Input
              id="basic-name"
              autoComplete="off"
              maxLength={50}
              {...register('basic.name')}
              aria-invalid={nameMessages.length ? true : undefined}
              aria-describedby={nameMessages.length ? 'basic-name-error' : 'basic-name-hint'}
            />
            {nameMessages.length ? (
              <ul id="basic-name-error" data-field-error aria-live="polite" className="space-y-0.5 text-sm text-destructive">
                {nameMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p id="basic-name-hint" className="text-xs text-muted-foreground">
                请填写能反映网站内容的中文名称，不得使用域名、纯数字或字母、特殊符号
              </p>
            )}
          </div>
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
                  return upload(`basic.certificates.${i}.fileId`, `域名证书（${hostToUnicode(reg) ?? reg}）`, { hint: `请上传 ${hostToUnicode(reg) ?? reg} 的域名证书，${IMAGE_HINT}` });
                })}
              </div>
            )}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>服务器IP地址</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground">请填写公网IP（IPv4 或 IPv6），不要填写内网IP；单个IP的起始IP与结束IP相同。</p>
          {ipRows.fields.map((row, i) => {
            const n = i === 0 ? '' : String(i + 1);
            const start = `basic.ipRanges.${i}.start`;
            const end = `basic.ipRanges.${i}.end`;
            return (
              <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start sm:gap-4">
                <Field id={idOf(start)} label={`起始IP${n}`} required={i === 0} error={err(start)}>
                  <Input id={idOf(start)} autoComplete="off" maxLength={64} {...register(`basic.ipRanges.${i}.start`)} {...aria(start)} />
                </Field>
                <Field id={idOf(end)} label={`结束IP${n}`} required={i === 0} error={err(end)}>
                  <Input id={idOf(end)} autoComplete="off" maxLength={64} {...register(`basic.ipRanges.${i}.end`)} {...aria(end)} />
                </Field>
                <Button
                  type="button"
                  variant="outline"
                  aria-label={`删除第${i + 1}个IP地址段`}
                  className="justify-self-start sm:mt-[26px]"
                  disabled={ipRows.fields.length <= 1}
                  onClick={() => ipRows.remove(i)}
                >
                  删除
                </Button>
              </div>
            );
          })}
          <ErrorText id="basic-ipRanges-root-error">{err('basic.ipRanges.root')}</ErrorText>
          <Button type="button" variant="outline" disabled={ipRows.fields.length >= MAX_ROWS} onClick={() => ipRows.append({ start: '', end: '' })}>
            添加IP
          </Button>
        </CardContent>
      </Card>

      {providerGroup('接入服务商')}
      {providerGroup('域名注册服务商')}

      <Card>
        <CardHeader>
          <CardTitle>网站服务与语种</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <div className="space-y-3">
            <ChoiceGroup
              id="basic-interactive"
              legend="是否提供互联网交互服务"
              options={YES_NO}
              required
              registration={register('basic.interactive')}
              error={err('basic.interactive')}
              hint="交互式服务指为互联网用户提供信息发布、交流互动等服务，包括但不限于论坛、网络购物、在线支付等；单位门户网站一般为非交互式。"
            />
            {basic.interactive === '是' && (
              <>
                <Controller
                  control={control}
                  name="basic.siteTypes"
                  render={({ field }) => (
                    <CheckboxGroup
                      id="basic-siteTypes"
                      legend="网站类型"
                      required
                      options={SITE_TYPES.map((t) => ({ value: t.code, label: t.label, description: t.description }))}
                      value={field.value}
                      onChange={field.onChange}
                      error={err('basic.siteTypes')}
                      columns="md:grid-cols-2"
                    />
                  )}
                />
                <Alert variant="info" role="note">
                  提供互联网交互服务的网站须先完成安全评估，安全评估审核通过后方可备案。
                </Alert>
              </>
            )}
          </div>

          <div className="space-y-3 border-t pt-4">
            <ChoiceGroup
              id="basic-controlled"
              legend="是否提供涉及管制物品信息发布服务"
              options={YES_NO}
              required
              registration={register('basic.controlled')}
              error={err('basic.controlled')}
              aside={<ExplainButton title="什么是管制物品?" text={CONTROLLED_EXPLANATION} />}
            />
            {basic.controlled === '是' && (
              <>
                <CheckboxGroup
                  id="basic-controlledItems"
                  legend="涉及的管制物品"
                  required
                  options={CONTROLLED_ITEMS.map((x) => ({ value: x, label: x }))}
                  value={basic.controlledItems.map((c) => c.item)}
                  onChange={setControlledItems}
                  error={err('basic.controlledItems.root')}
                  columns="grid-cols-2 sm:grid-cols-4"
                />
                {basic.controlledItems.length > 0 && (
                  <div className="grid gap-4 md:grid-cols-2">
                    {basic.controlledItems.map((c, i) => upload(`basic.controlledItems.${i}.fileId`, `${c.item}资质证明`, { hint: `请上传${c.item}相关资质证明，${IMAGE_HINT}` }))}
                  </div>
                )}
              </>
            )}
          </div>

          <div className="space-y-3 border-t pt-4">
            <ChoiceGroup
              id="basic-permitsNeeded"
              legend="相关前置许可"
              options={YES_NO}
              required
              registration={register('basic.permitsNeeded')}
              error={err('basic.permitsNeeded')}
              aside={<ExplainButton title="什么是相关前置许可?" text={PERMIT_EXPLANATION} />}
            />
            {basic.permitsNeeded === '是' && (
              <>
                <CheckboxGroup
                  id="basic-permits"
                  legend="前置许可类别"
                  required
                  options={PERMIT_ITEMS.map((x) => ({ value: x, label: x }))}
                  value={basic.permits.map((p) => p.item)}
                  onChange={setPermits}
                  error={err('basic.permits.root')}
                  columns="grid-cols-2 sm:grid-cols-3"
                />
                {basic.permits.map((p, i) => {
                  const license = `basic.permits.${i}.licenseNumber`;
                  return (
                    <div key={p.item} className="grid gap-4 rounded-md border p-4 md:grid-cols-2">
                      <Field id={idOf(license)} label={`${p.item}许可证号`} required error={err(license)}>
                        <Input id={idOf(license)} autoComplete="off" maxLength={100} {...register(`basic.permits.${i}.licenseNumber`)} {...aria(license)} />
                      </Field>
                      {upload(`basic.permits.${i}.fileId`, `${p.item}许可证件`)}
                    </div>
                  );
                })}
              </>
            )}
          </div>

          <div className="border-t pt-4">
            <Controller
              control={control}
              name="basic.languages"
              render={({ field }) => (
                <CheckboxGroup
                  id="basic-languages"
                  legend="网站语种"
                  required
                  options={LANGUAGES.map((x) => ({ value: x, label: x }))}
                  value={field.value}
                  onChange={field.onChange}
                  error={err('basic.languages')}
                  columns="grid-cols-2 sm:grid-cols-4 lg:grid-cols-5"
                />
              )}
            />
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
