'use client';

/**
 * Parts of step 02 every filing object's wizard shares (网站, APP, 小程序…): an upload bound to a
 * form path, the 服务与语种 card (交互服务 / 管制物品 / 前置许可 / 语种, SPEC §4.1) and the 网络接入服务商
 * card with its look-up. They read the form through its context, under `basic`.
 */
import { useEffect, useMemo, useState } from 'react';
import { Controller, useFieldArray, useFormContext, useWatch, type FieldValues, type Path } from 'react-hook-form';
import { CONTROLLED_EXPLANATION, CONTROLLED_ITEMS, LANGUAGES, PERMIT_EXPLANATION, SITE_TYPES } from '@/lib/websites/schemas';
import { PERMIT_ITEMS } from '@/lib/websites/naming';
import type { ServiceFormValues } from '@/lib/forms/service-values';
import { idOf } from '@/lib/websites/form-values';
import { hostToUnicode, registrableDomains } from '@/lib/websites/domains';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { RegionCascader } from '@/components/regions/region-cascader';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { ChoiceGroup, CheckboxGroup, ErrorText, ExplainButton } from '@/components/websites/wizard-controls';
import { ProviderLookupDialog, type ProviderKind } from '@/components/websites/provider-lookup-dialog';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { INTRO_MAX, USER_SCALES } from '@/lib/apps/schemas';

export type StepProps = {
  err: (path: string) => string | undefined;
  fileValue: (id: number | null | undefined) => UploadedFile | null;
  rememberFile: (f: UploadedFile) => void;
};

const YES_NO = ['是', '否'] as const;
const SCOPES = ['境内', '境外'] as const;
// Certificates, qualification proofs and licences are often PDF scans: images or PDF are accepted.
export const DOCUMENT_HINT = '支持 PNG、JPEG 图片或 PDF 文件，大小不超过 5MB';

/** aria-invalid / aria-describedby of the control for a form path. */
export function ariaFor(err: StepProps['err'], path: string, hint?: boolean) {
  return {
    'aria-invalid': err(path) ? true : undefined,
    'aria-describedby': err(path) ? `${idOf(path)}-error` : hint ? `${idOf(path)}-hint` : undefined,
  } as const;
}

/** An upload whose value is the file id at `path`. */
export function FileSlot({
  path,
  label,
  kind = 'document',
  required = true,
  hint,
  className,
  err,
  fileValue,
  rememberFile,
}: StepProps & { path: string; label: string; kind?: 'image' | 'pdf' | 'document'; required?: boolean; hint?: string; className?: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <UploadField
          id={idOf(path)}
          name={path}
          label={label}
          kind={kind}
          required={required}
          hint={hint}
          error={err(path)}
          className={className}
          value={fileValue(field.value as number | null)}
          onChange={(f) => {
            if (f) rememberFile(f);
            field.onChange(f ? f.id : null);
          }}
        />
      )}
    />
  );
}

type ServiceForm = { basic: ServiceFormValues };

/**
 * 服务与语种: 是否提供互联网交互服务 and its types, 管制物品 with their proofs, 相关前置许可 with
 * number and licence, 语种. `names` are this object's words (网站类型 / 服务类型, 网站语种 / 语种).
 */
export function ServiceFieldsCard({
  title,
  object,
  names,
  ...files
}: StepProps & { title: string; object: string; names: { types: string; languages: string } }) {
  const { register, control, setValue, getValues } = useFormContext<ServiceForm>();
  const basic = useWatch({ control, name: 'basic' });
  const { err } = files;
  const touch = { shouldDirty: true } as const;

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

  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
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
            hint={`交互式服务指为互联网用户提供信息发布、交流互动等服务，包括但不限于论坛、网络购物、在线支付等；单位门户${object === '网站' ? '网站' : object}一般为非交互式。`}
          />
          {basic.interactive === '是' && (
            <>
              <Controller
                control={control}
                name="basic.siteTypes"
                render={({ field }) => (
                  <CheckboxGroup
                    id="basic-siteTypes"
                    legend={names.types}
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
                提供互联网交互服务的{object}须先完成安全评估，安全评估审核通过后方可备案。
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
                  {basic.controlledItems.map((c, i) => (
                    <FileSlot key={c.item} path={`basic.controlledItems.${i}.fileId`} label={`${c.item}资质证明`} hint={`请上传${c.item}相关资质证明，${DOCUMENT_HINT}`} {...files} />
                  ))}
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
                      <Input id={idOf(license)} autoComplete="off" maxLength={100} {...register(`basic.permits.${i}.licenseNumber`)} {...ariaFor(err, license)} />
                    </Field>
                    <FileSlot path={`basic.permits.${i}.fileId`} label={`${p.item}许可证件`} {...files} />
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
                legend={names.languages}
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
  );
}

/** The provider group's form paths and words: seed 004's labels (名称 is read out within the card's group). */
const PROVIDER = {
  接入服务商: {
    paths: { scope: 'basic.accessScope', region: 'basic.accessRegion', name: 'basic.accessName' },
    words: { title: '网络接入服务商', scope: '接入商所属地区管辖', region: '接入商所属地区', name: '名称', button: '查询网络接入服务商' },
  },
  域名注册服务商: {
    paths: { scope: 'basic.registrarScope', region: 'basic.registrarRegion', name: 'basic.registrarName' },
    words: { title: '域名注册服务商', scope: '域名商所属地区管辖', region: '域名服务商所属地区', name: '名称', button: '查询域名注册服务商' },
  },
} as const;

/**
 * 网络接入服务商 / 域名注册服务商: 所属地区管辖, 所属地区 (境内), 名称, with 查询… picking one from
 * the directory. `method` adds 网站接入方式 (websites only).
 */
export function ProviderCard({ kind, method, err }: Pick<StepProps, 'err'> & { kind: ProviderKind; method?: { label: string; options: readonly string[] } }) {
  const { register, control, setValue, clearErrors } = useFormContext<FieldValues>();
  const [open, setOpen] = useState(false);
  const { paths: p, words: t } = PROVIDER[kind];
  const scope = useWatch({ control, name: p.scope }) as '境内' | '境外';
  const region = useWatch({ control, name: p.region }) as string;
  const name = useWatch({ control, name: p.name }) as string;
  const touch = { shouldDirty: true } as const;
  const titleId = `${idOf(p.name)}-group`;
  return (
    <Card role="group" aria-labelledby={titleId}>
      <CardHeader className="flex-wrap">
        <CardTitle id={titleId}>{t.title}</CardTitle>
        <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)}>
          {t.button}
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        <ChoiceGroup id={idOf(p.scope)} legend={t.scope} options={SCOPES} required registration={register(p.scope)} error={err(p.scope)} className="md:col-span-2" />
        {scope === '境内' && (
          <Controller
            control={control}
            name={p.region}
            render={({ field }) => (
              <RegionCascader
                id={idOf(p.region)}
                name={p.region}
                label={t.region}
                required
                error={err(p.region)}
                value={field.value as string}
                onChange={field.onChange}
                onBlur={field.onBlur}
                className="md:col-span-2"
              />
            )}
          />
        )}
        <Field id={idOf(p.name)} label={t.name} required error={err(p.name)} hint="可通过查询选择，查询不到时请手动填写">
          <Input id={idOf(p.name)} autoComplete="off" maxLength={100} {...register(p.name)} {...ariaFor(err, p.name, true)} />
        </Field>
        {method && (
          <Field id={idOf('basic.accessMethod')} label={method.label} required error={err('basic.accessMethod')}>
            <NativeSelect id={idOf('basic.accessMethod')} {...register('basic.accessMethod')} {...ariaFor(err, 'basic.accessMethod')}>
              <NativeSelectOption value="">请选择</NativeSelectOption>
              {method.options.map((m) => (
                <NativeSelectOption key={m} value={m}>
                  {m}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
        )}
        <ProviderLookupDialog
          kind={kind}
          open={open}
          onOpenChange={setOpen}
          initialScope={scope}
          initialRegion={region}
          initialName={name}
          onSelect={(choice) => {
            setValue(p.scope, choice.scope, touch);
            setValue(p.region, choice.scope === '境内' ? (choice.regionCode ?? '') : '', touch);
            setValue(p.name, choice.name, touch);
            clearErrors([p.scope, p.region, p.name] as Path<FieldValues>[]);
          }}
        />
      </CardContent>
    </Card>
  );
}

const MAX_ROWS = 20;

/**
 * 服务器IP地址: rows of 起始IP / 结束IP under `basic.ipRanges`. Websites need one row (`required`);
 * an APP may have none.
 */
export function IpRangesCard({ err, required }: Pick<StepProps, 'err'> & { required?: boolean }) {
  const { register, control } = useFormContext<{ basic: { ipRanges: { start: string; end: string }[] } }>();
  const rows = useFieldArray({ control, name: 'basic.ipRanges' });
  const min = required ? 1 : 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle>服务器IP地址</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-muted-foreground">请填写公网IP（IPv4 或 IPv6），不要填写内网IP；单个IP的起始IP与结束IP相同。</p>
        {rows.fields.map((row, i) => {
          const n = i === 0 ? '' : String(i + 1);
          const start = `basic.ipRanges.${i}.start`;
          const end = `basic.ipRanges.${i}.end`;
          return (
            <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start sm:gap-4">
              <Field id={idOf(start)} label={`起始IP${n}`} required={i < min || !required} error={err(start)}>
                <Input id={idOf(start)} autoComplete="off" maxLength={64} {...register(`basic.ipRanges.${i}.start`)} {...ariaFor(err, start)} />
              </Field>
              <Field id={idOf(end)} label={`结束IP${n}`} required={i < min || !required} error={err(end)}>
                <Input id={idOf(end)} autoComplete="off" maxLength={64} {...register(`basic.ipRanges.${i}.end`)} {...ariaFor(err, end)} />
              </Field>
              <Button
                type="button"
                variant="outline"
                aria-label={`删除第${i + 1}个IP地址段`}
                className="justify-self-start sm:mt-[26px]"
                disabled={rows.fields.length <= min}
                onClick={() => rows.remove(i)}
              >
                删除
              </Button>
            </div>
          );
        })}
        <ErrorText id="basic-ipRanges-root-error">{err('basic.ipRanges.root')}</ErrorText>
        <Button type="button" variant="outline" disabled={rows.fields.length >= MAX_ROWS} onClick={() => rows.append({ start: '', end: '' })}>
          添加IP
        </Button>
      </CardContent>
    </Card>
  );
}

/** 名称 with the naming rules' messages under it (live ones first, then the form's). */
export function NameField({ label, hint, messages }: { label: string; hint: string; messages: readonly string[] }) {
  const { register } = useFormContext<{ basic: { name: string } }>();
  return (
    <div className="space-y-1.5 md:col-span-2">
      <div className="flex items-center gap-0.5 text-sm font-medium">
        <span className="text-destructive" aria-hidden>
          *
        </span>
        <label htmlFor="basic-name">{label}</label>
      </div>
      <Input
        id="basic-name"
        autoComplete="off"
        maxLength={50}
        {...register('basic.name')}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? 'basic-name-error' : 'basic-name-hint'}
      />
      {messages.length ? (
        <ul id="basic-name-error" data-field-error aria-live="polite" className="space-y-0.5 text-sm text-destructive">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <p id="basic-name-hint" className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}

/** 是否有工信部备案号 and, with 是, 工信部备案号. */
export function IcpFields({ err, example }: Pick<StepProps, 'err'> & { example: string }) {
  const { register, control } = useFormContext<{ basic: { hasIcp: string; icpNumber: string } }>();
  const hasIcp = useWatch({ control, name: 'basic.hasIcp' });
  return (
    <>
      <ChoiceGroup id="basic-hasIcp" legend="是否有工信部备案号" options={YES_NO} required registration={register('basic.hasIcp')} error={err('basic.hasIcp')} />
      {hasIcp === '是' ? (
        <Field id="basic-icpNumber" label="工信部备案号" required error={err('basic.icpNumber')} hint={`如 ${example}`}>
          <Input id="basic-icpNumber" autoComplete="off" maxLength={50} {...register('basic.icpNumber')} {...ariaFor(err, 'basic.icpNumber', true)} />
        </Field>
      ) : (
        <div className="hidden md:block" />
      )}
    </>
  );
}

const SCREENSHOTS_MAX = 5;

/** 运行截图: 3–5 image slots under `basic.screenshots` (empty ones are not submitted). */
export function ScreenshotSlots({ label, ...files }: StepProps & { label: string }) {
  const { control } = useFormContext<{ basic: { screenshots: { fileId: number | null }[] } }>();
  const rows = useFieldArray({ control, name: 'basic.screenshots' });
  return (
    <fieldset className="space-y-3 md:col-span-2" aria-describedby={files.err('basic.screenshots.root') ? 'basic-screenshots-root-error' : undefined}>
      <legend className="mb-2 text-sm font-medium">
        <span aria-hidden className="mr-0.5 text-destructive">
          *
        </span>
        {label}
      </legend>
      <p className="text-sm text-muted-foreground">请上传3～5张运行界面截图，PNG 或 JPEG 图片，每张不超过 5MB。</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {rows.fields.map((row, i) => (
          <FileSlot key={row.id} path={`basic.screenshots.${i}.fileId`} label={`${label}${i + 1}`} kind="image" required={i < 3} {...files} />
        ))}
      </div>
      <ErrorText id="basic-screenshots-root-error">{files.err('basic.screenshots.root')}</ErrorText>
      <Button type="button" variant="outline" disabled={rows.fields.length >= SCREENSHOTS_MAX} onClick={() => rows.append({ fileId: null })}>
        添加截图
      </Button>
    </fieldset>
  );
}

/** 当前用户量 (SPEC §15.1, §15.2). */
export function UserScaleField({ err }: Pick<StepProps, 'err'>) {
  const { register } = useFormContext<{ basic: { userScale: string } }>();
  return (
    <Field id="basic-userScale" label="当前用户量" required error={err('basic.userScale')}>
      <NativeSelect id="basic-userScale" {...register('basic.userScale')} {...ariaFor(err, 'basic.userScale')}>
        <NativeSelectOption value="">请选择</NativeSelectOption>
        {USER_SCALES.map((s) => (
          <NativeSelectOption key={s} value={s}>
            {s}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </Field>
  );
}

/** 功能介绍 with its count of characters. */
export function IntroField({ label, err }: Pick<StepProps, 'err'> & { label: string }) {
  const { register, control } = useFormContext<{ basic: { intro: string } }>();
  const intro = useWatch({ control, name: 'basic.intro' });
  return (
    <Field id="basic-intro" label={label} required error={err('basic.intro')} hint={`${intro.length}/${INTRO_MAX}`} className="md:col-span-2">
      <Textarea id="basic-intro" rows={4} maxLength={INTRO_MAX} {...register('basic.intro')} {...ariaFor(err, 'basic.intro', true)} />
    </Field>
  );
}

type DomainsForm = { basic: { domains: { domain: string; primary: boolean }[]; certificates: { registrable: string; fileId: number | null }[] } };

/**
 * 网站域名 / 网址: domain rows with one 主域名, and one 域名证书 per registrable domain. Certificate
 * entries are added as domains appear and never dropped (an upload survives a typo). `messages`:
 * the list's own errors (naming rules on domains included).
 */
export function DomainsCard({ label, object, messages, ...files }: StepProps & { label: string; object: string; messages: readonly string[] }) {
  const { err } = files;
  const { register, control, setValue, getValues } = useFormContext<DomainsForm>();
  const domainRows = useFieldArray({ control, name: 'basic.domains' });
  const domains = useWatch({ control, name: 'basic.domains' });
  const certificates = useWatch({ control, name: 'basic.certificates' });
  const touch = { shouldDirty: true } as const;
  const registrablesKey = useMemo(() => registrableDomains(domains.map((d) => d.domain)).join('\n'), [domains]);
  const registrables = registrablesKey ? registrablesKey.split('\n') : [];
  useEffect(() => {
    const regs = registrablesKey ? registrablesKey.split('\n') : [];
    const certs = getValues('basic.certificates');
    const missing = regs.filter((r) => !certs.some((c) => c.registrable === r));
    if (missing.length) setValue('basic.certificates', [...certs, ...missing.map((registrable) => ({ registrable, fileId: null }))]);
  }, [registrablesKey, getValues, setValue]);

  function setPrimary(index: number) {
    getValues('basic.domains').forEach((_, j) => setValue(`basic.domains.${j}.primary`, j === index, touch));
  }

  function removeDomain(index: number) {
    const wasPrimary = getValues(`basic.domains.${index}.primary`);
    domainRows.remove(index);
    if (wasPrimary) setValue('basic.domains.0.primary', true, touch);
  }

  const basic = { domains, certificates };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{label}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-muted-foreground">填写{object}的全部域名并指定一个主域名；支持中文域名。</p>
        {domainRows.fields.map((row, i) => {
          const rowLabel = i === 0 ? label : `${label}${i + 1}`;
          const path = `basic.domains.${i}.domain`;
          return (
            <div key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start sm:gap-4">
              <Field id={idOf(path)} label={rowLabel} required={i === 0} error={err(path)}>
                <Input
                  id={idOf(path)}
                  autoComplete="off"
                  inputMode="url"
                  placeholder="如 example.com"
                  maxLength={253}
                  {...register(`basic.domains.${i}.domain`)}
                  {...ariaFor(err, path)}
                  aria-invalid={err(path) || (i === 0 && messages.length) ? true : undefined}
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
        {messages.length > 0 && (
          <div id="basic-domains-root-error" role="alert" data-field-error className="space-y-0.5 text-sm text-destructive">
            {messages.map((m) => (
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
            <p className="text-sm text-muted-foreground">填写{label}后，请为每个注册域名上传域名证书。</p>
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
                    {...files}
                  />
                );
              })}
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
