'use client';

import { Link } from '@/components/ui/link';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { ASSESSMENT_METHODS, ASSESSMENT_TARGET_TYPES, isFilingTarget, SITUATION_MAX, type AssessmentFilingType } from '@/lib/assessments/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { StatusBadge } from '@/components/applications/status-badge';
import { CheckboxGroup, InfoList, warningAlertClass } from '@/components/websites/wizard-controls';
import { idOf, type AssessableFilingOption, type AssessableWebsiteOption, type AssessmentWizardValues } from '@/lib/assessments/form-values';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';


const METHOD_OPTIONS = ASSESSMENT_METHODS.map((m) => ({ value: m, label: m }));

function optionText(w: AssessableWebsiteOption): string {
  const notes = [w.interactive ? '交互式' : '非交互式', w.status];
  if (w.pending) notes.push('已有审核中的安全评估');
  else if (w.approved) notes.push('已通过安全评估');
  return `${w.name}${w.domain ? `（${w.domain}）` : ''} — ${notes.join('，')}`;
}

function filingOptionText(f: AssessableFilingOption): string {
  const notes = [f.status];
  if (f.pending) notes.push('已有审核中的安全评估');
  else if (f.approved) notes.push('已通过安全评估');
  return `${f.name}${f.ident ? `（${f.ident}）` : ''} — ${notes.join('，')}`;
}

export type ReportDownloadState = {
  downloading: boolean;
  /** Characters the PDF could not show (X-Missing-Glyphs), decoded. */
  missingGlyphs: string | null;
  error: string | null;
  done: boolean;
};

/** 01 填写自评估报告: 类型 (网站 / APP / 小程序) then 评估对象 (seed 002), 开展评估情况, 评估方法, and 下载自评估报告. */
export function AssessmentStepReport({
  headingId,
  websites,
  filings,
  err,
  download,
  onDownload,
}: {
  headingId: string;
  websites: AssessableWebsiteOption[];
  filings: AssessableFilingOption[];
  err: (path: string) => string | undefined;
  download: ReportDownloadState;
  onDownload: () => void;
}) {
  const { register, control, setValue } = useFormContext<AssessmentWizardValues>();
  const report = useWatch({ control, name: 'report' });
  const filingType = isFilingTarget(report.targetType) ? report.targetType : null;
  const chosen = filingType ? null : (websites.find((w) => String(w.id) === report.websiteId) ?? null);
  const ofType = filingType ? filings.filter((f) => f.kind === filingType) : [];
  const chosenFiling = ofType.find((f) => String(f.id) === report.filingId) ?? null;
  // Another 类型: the object chosen under the previous one no longer applies.
  const typeField = register('report.targetType', {
    onChange: () => {
      setValue('report.websiteId', '');
      setValue('report.filingId', '');
    },
  });
  const aria = (path: string, hint?: boolean) => ({
    'aria-invalid': err(path) ? true : undefined,
    'aria-describedby': err(path) ? `${idOf(path)}-error` : hint ? `${idOf(path)}-hint` : undefined,
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
          填写自评估报告
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {/* Seed 002: 评估对象 — first 类型, then the 评估对象 of that type. */}
        <div className="min-w-0 space-y-4">
          <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
            <Field id={idOf('report.targetType')} label="类型" required error={err('report.targetType')}>
              <NativeSelect id={idOf('report.targetType')} {...typeField} {...aria('report.targetType')}>
                {ASSESSMENT_TARGET_TYPES.map((t) => (
                  <NativeSelectOption key={t} value={t}>
                    {t}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            {filingType ? (
              <FilingChoice type={filingType} options={ofType} err={err} register={register} aria={aria} />
            ) : websites.length ? (
              <Field id={idOf('report.websiteId')} label="评估对象" required error={err('report.websiteId')} hint="交互式网站排在前面；已有审核中安全评估的网站不能重复发起">
                <NativeSelect id={idOf('report.websiteId')} {...register('report.websiteId')} {...aria('report.websiteId', true)}>
                  <NativeSelectOption value="">请选择网站</NativeSelectOption>
                  {websites.map((w) => (
                    <NativeSelectOption key={w.id} value={String(w.id)} disabled={w.pending}>
                      {optionText(w)}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
            ) : (
              <div className="space-y-1.5">
                <p className="text-sm font-medium">评估对象</p>
                <Alert variant="destructive" data-testid="no-websites">
                  <p>当前主体暂无可发起安全评估的网站。请先办理新办网站申请，交互式网站须通过安全评估后方可备案。</p>
                  <Link href="/my/websites/new" className="mt-2 inline-block font-medium underline underline-offset-4">
                    新办网站申请
                  </Link>
                </Alert>
                {err('report.websiteId') && (
                  <p id={`${idOf('report.websiteId')}-error`} role="alert" data-field-error className="text-sm text-destructive">
                    {err('report.websiteId')}
                  </p>
                )}
              </div>
            )}
          </div>
          {chosenFiling && (
            <div className="space-y-3 rounded-md border bg-muted/30 p-4" data-testid="chosen-filing">
              <InfoList
                rows={[
                  [`${chosenFiling.kind}名称`, chosenFiling.name],
                  [chosenFiling.identLabel, chosenFiling.ident],
                  [chosenFiling.platformLabel, chosenFiling.platform],
                  [`${chosenFiling.kind}状态`, <StatusBadge key="status" status={chosenFiling.status} />],
                  ['是否提供互联网交互服务', chosenFiling.interactive ? '是' : '否'],
                  ['公安备案号', chosenFiling.filingNumber ?? ''],
                ]}
              />
              {chosenFiling.approved && !chosenFiling.pending && (
                <p className="text-sm text-muted-foreground">该{chosenFiling.kind}已通过安全评估。功能、技术架构等发生重大变化时，应重新发起安全评估。</p>
              )}
            </div>
          )}
          {chosen && (
            <div className="space-y-3 rounded-md border bg-muted/30 p-4" data-testid="chosen-website">
              <InfoList
                rows={[
                  ['网站名称', chosen.name],
                  ['网站域名', chosen.domain ?? ''],
                  ['网站状态', <StatusBadge key="status" status={chosen.status} />],
                  ['是否提供互联网交互服务', chosen.interactive ? '是' : '否'],
                  ['公安备案号', chosen.filingNumber ?? ''],
                ]}
              />
              {!chosen.interactive && (
                <p className="text-sm text-muted-foreground">该网站未提供互联网交互服务，备案无需安全评估；如拟新增交互服务功能，可提前发起安全评估。</p>
              )}
              {chosen.approved && !chosen.pending && (
                <p className="text-sm text-muted-foreground">该网站已通过安全评估。网站功能、技术架构等发生重大变化时，应重新发起安全评估。</p>
              )}
            </div>
          )}
        </div>

        <Field
          id={idOf('report.situation')}
          label="开展评估情况"
          required
          error={err('report.situation')}
          hint={`请说明评估时间、评估范围、参与人员或机构、发现的安全问题及整改落实情况等（${report.situation.length}/${SITUATION_MAX}字）`}
        >
          <Textarea
            id={idOf('report.situation')}
            rows={8}
            maxLength={SITUATION_MAX}
            placeholder="请输入"
            className="min-h-40"
            {...register('report.situation')}
            {...aria('report.situation', true)}
          />
        </Field>

        <Controller
          control={control}
          name="report.methods"
          render={({ field }) => (
            <CheckboxGroup
              id={idOf('report.methods')}
              legend="评估方法"
              required
              options={METHOD_OPTIONS}
              value={field.value}
              onChange={field.onChange}
              error={err('report.methods')}
              columns="sm:grid-cols-3 lg:grid-cols-5"
            />
          )}
        />
        {report.methods.includes('其他') && (
          <Field id={idOf('report.methodOther')} label="其他评估方法" required error={err('report.methodOther')}>
            <Input id={idOf('report.methodOther')} maxLength={100} autoComplete="off" placeholder="请输入" {...register('report.methodOther')} {...aria('report.methodOther')} />
          </Field>
        )}

        <div className="space-y-3 border-t pt-4">
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" variant="outline" onClick={onDownload} disabled={download.downloading}>
              {download.downloading ? '正在生成…' : '下载自评估报告'}
            </Button>
            <p className="text-sm text-muted-foreground">填写完成后下载自评估报告，打印后由负责人签字并加盖公章，扫描为PDF文件，在下一步上传。</p>
          </div>
          {download.done && !download.missingGlyphs && (
            <p role="status" className="text-sm text-success">
              自评估报告已下载。
            </p>
          )}
          {download.missingGlyphs && (
            <Alert className={warningAlertClass} data-testid="missing-glyphs">
              以下字符无法在PDF中显示，请修改后重新下载：{download.missingGlyphs}
            </Alert>
          )}
          {download.error && <Alert variant="destructive">{download.error}</Alert>}
        </div>
      </CardContent>
    </Card>
  );
}

type Aria = (path: string, hint?: boolean) => { 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };

/** 评估对象 of 类型 APP / 小程序: the subject's interactive ones (those that need a 安全评估). */
function FilingChoice({
  type,
  options,
  err,
  register,
  aria,
}: {
  type: AssessmentFilingType;
  options: AssessableFilingOption[];
  err: (path: string) => string | undefined;
  register: ReturnType<typeof useFormContext<AssessmentWizardValues>>['register'];
  aria: Aria;
}) {
  const path = 'report.filingId';
  if (!options.length)
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-medium">评估对象</p>
        <Alert variant="destructive" data-testid="no-filings">
          <p>
            当前主体暂无需要安全评估的{type}。提供互联网交互服务的{type}办理新增{type}申请后，须通过安全评估方可备案。
          </p>
        </Alert>
        {err(path) && (
          <p id={`${idOf(path)}-error`} role="alert" data-field-error className="text-sm text-destructive">
            {err(path)}
          </p>
        )}
      </div>
    );
  return (
    <Field id={idOf(path)} label="评估对象" required error={err(path)} hint={`仅列出提供互联网交互服务的${type}；已有审核中安全评估的${type}不能重复发起`}>
      <NativeSelect id={idOf(path)} {...register(path)} {...aria(path, true)}>
        <NativeSelectOption value="">{`请选择${type}`}</NativeSelectOption>
        {options.map((f) => (
          <NativeSelectOption key={f.id} value={String(f.id)} disabled={f.pending}>
            {filingOptionText(f)}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </Field>
  );
}
