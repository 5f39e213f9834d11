'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Controller, useForm, type FieldErrors, type Resolver, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { subjectFormSchema } from '@/lib/subjects/schemas';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { UNIT_TYPES, AUTH_METHODS, LONG_TERM, asksNationalLevel, certTypesFor, type UnitType } from '@/lib/subjects/rules';
import {
  IDENTITY_UNAVAILABLE,
  ORG_CREDENTIAL_CHOICE,
  identityPassLabel,
  offeredAuthMethods,
  offersOrgCredential,
  orgCredentialPassLabel,
  type IdentityMode,
} from '@/lib/identity/labels';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { cn } from '@/lib/utils';
import type { ChangeRow } from '@/lib/subjects/service';
import { Field } from '@/components/forms/field';
import { LeaveGuard, useUnsavedInput } from '@/components/forms/leave-guard';
import { reach } from '@/components/forms/use-action';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Checkbox } from '@/components/ui/checkbox';
import { RadioGroup as RadioItems, RadioGroupItem } from '@/components/ui/radio-group';
import { useHydrated } from '@/components/forms/use-hydrated';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { RegionCascader } from '@/components/regions/region-cascader';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { DraftPrompt } from './draft-prompt';
import { ChangeCompareDialog } from './change-compare-dialog';
import { OrgCredentialDialog, type OrgCredentialPass } from './org-credential-dialog';
import {
  draftPayload,
  FORM_FIELD_ORDER,
  toSubjectInput,
  type RestoredDraft,
  type SubjectFormMode,
  type SubjectFormValues,
} from '@/lib/subjects/form-values';
import {
  previewSubjectChangeAction,
  saveSubjectDraftAction,
  submitNewSubjectAction,
  submitSubjectChangeAction,
  verifyIdentityAction,
} from '@/lib/subjects/actions';

type SubjectFormOutput = z.output<typeof subjectFormSchema>;
type Failure = { formError?: string; fieldErrors?: Record<string, string> };

const L = SUBJECT_FIELD_LABELS;
const YES_NO = ['是', '否'] as const;
const ADDRESS_HINT = '请填写街道、镇信息，如 xx街道xx路xx号';
type PiiField = 'principalIdNumber' | 'principalPhone';
const RADIO_FIELDS: SubjectField[] = ['nature', 'nationalLevel', 'faceRecognition', 'generativeAi', 'authMethod'];

/** The masked account values 同当前账号信息 shows (the server copies the real ones). */
export type AccountPrincipal = { name: string; idType: string; idNumberMasked: string; phoneMasked: string };

/** A 法人注册 account's organisation: 主办单位信息 同当前账号信息 copies it (seed 004). */
export type AccountOrganisation = { orgName: string; creditCode: string; legalRepName: string; unitType: UnitType | null };

export type SubjectFormProps = {
  mode: SubjectFormMode;
  initialValues: SubjectFormValues;
  /** Display data of files already chosen (initial values and the draft), by id. */
  files: Record<number, UploadedFile>;
  /** For 同当前账号信息 (new / resubmit). */
  account?: AccountPrincipal | null;
  /** A 法人 account's organisation, for 主办单位信息 同当前账号信息 / 自主填报 (new / resubmit). */
  organisation?: AccountOrganisation | null;
  /** Masked 证件号码 / 手机号码 on record (change / resubmit): empty inputs keep them. */
  registered?: { principalIdNumber: string; principalPhone: string } | null;
  subjectId?: number | null;
  resubmitOf?: number | null;
  /** A draft to offer ('prompt') or to restore at once ('restore', from ?draft=). */
  draft?: RestoredDraft | null;
  draftAction?: 'prompt' | 'restore';
  /** 认证方式 offered (SPEC §13: the sandbox only in the demo or with WLBA_IDENTITY_SANDBOX=1). */
  identity: IdentityMode;
  /** 机关事业单位网络身份认证凭证: offered to 大中院校 / 事业单位 / 政府机构 unless 'off'. */
  orgCredential?: IdentityMode;
};

/** Where 主办单位信息 comes from: the 法人 account, the applicant, or the 机关事业单位 credential. */
type OrgSource = 'account' | 'self' | 'credential';
const ORG_FIELDS = ['orgName', 'orgCertType', 'orgCertNumber', 'legalRepName'] as const;

/** Where the first error of a field sends the focus. */
function focusIdOf(field: SubjectField): string {
  return RADIO_FIELDS.includes(field) ? `${field}-0` : field;
}

/** 同当前账号信息: the account's name and type; 证件号码 / 手机号码 stay empty for the server to copy. */
function withAccount(v: SubjectFormValues, a: AccountPrincipal): SubjectFormValues {
  return { ...v, principalName: a.name, principalIdType: (ID_TYPES as readonly string[]).includes(a.idType) ? a.idType : '居民身份证', principalIdNumber: '', principalPhone: '' };
}

/**
 * zod (the same schema as the server) on the form's values. The schema lets 证件号码 / 手机号码
 * stay empty for the server to fill; a plain 新增主体 without 同当前账号信息 has nothing to fill them from.
 */
function subjectResolver(mode: SubjectFormMode, sameAsAccount: { current: boolean }): Resolver<SubjectFormValues, unknown, SubjectFormOutput> {
  const base = zodResolver(subjectFormSchema);
  return async (values, ctx, options) => {
    const r = await base(toSubjectInput(values) as never, ctx, options as never);
    const extra: FieldErrors<SubjectFormValues> = {};
    if (mode === 'new' && !sameAsAccount.current) {
      if (!values.principalIdNumber.trim()) extra.principalIdNumber = { type: 'required', message: '请填写负责人证件号码' };
      if (!values.principalPhone.trim()) extra.principalPhone = { type: 'required', message: '请填写负责人手机号码' };
    }
    const errors = { ...extra, ...(r.errors as FieldErrors<SubjectFormValues>) };
    if (Object.keys(errors).length) return { values: {}, errors };
    return r as { values: SubjectFormOutput; errors: Record<string, never> };
  };
}

function restoredNotice(mode: SubjectFormMode, draft: RestoredDraft): string {
  const parts = ['已使用草稿。'];
  if (!draft.sameAsAccount)
    parts.push(mode === 'change' ? '草稿不保存负责人证件号码和负责人手机号码，如需修改请重新填写。' : '草稿不保存负责人证件号码和负责人手机号码，请重新填写。');
  if (draft.values.authMethod === '国家网络身份认证公共服务认证') parts.push('请重新发起国家网络身份认证。');
  if (offersOrgCredential(draft.values.unitType) && !draft.values.orgCertFileId) parts.push('如通过机关事业单位网络身份认证凭证填报，请重新扫码认证。');
  return parts.join('');
}

/** 新增主体 / 变更主体 / 重新提交: one form, SPEC §3.1 field by field. */
export function SubjectForm({
  mode,
  initialValues,
  files: initialFiles,
  account,
  organisation = null,
  registered,
  subjectId = null,
  resubmitOf = null,
  draft,
  draftAction,
  identity,
  orgCredential = 'off',
}: SubjectFormProps) {
  const router = useRouter();
  const restoreAtOnce = draftAction === 'restore' && !!draft;
  const canUseAccount = mode !== 'change' && !!account;
  const canUseOrganisation = mode !== 'change' && !!organisation;
  // 主办单位信息: 同当前账号信息 (the 法人 account's own data), 自主填报, or the credential (both read-only).
  // A subject filed with the credential opens with it (变更主体), unless the credential is no longer offered here.
  const [orgSource, setOrgSource] = useState<OrgSource>(() => (initialValues.orgCredentialToken && !restoreAtOnce && orgCredential !== 'off' ? 'credential' : 'self'));
  const [credentialOpen, setCredentialOpen] = useState(false);
  const [credentialLabel, setCredentialLabel] = useState<string | null>(null);
  const orgFromAccount = orgSource === 'account';
  const orgLocked = orgSource !== 'self';

  const [sameAsAccount, setSameAsAccountState] = useState(() => canUseAccount && restoreAtOnce && draft!.sameAsAccount);
  const sameRef = useRef(sameAsAccount);
  const [draftId, setDraftId] = useState<number | null>(restoreAtOnce ? draft!.id : null);
  const [promptOpen, setPromptOpen] = useState(draftAction === 'prompt' && !!draft);
  const [notice, setNotice] = useState<string | null>(restoreAtOnce ? restoredNotice(mode, draft!) : null);
  const [files, setFiles] = useState(initialFiles);
  const [formError, setFormError] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verifiedLabel, setVerifiedLabel] = useState<string | null>(null);
  const [rows, setRows] = useState<ChangeRow[]>([]);
  const [compareOpen, setCompareOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const pendingChange = useRef<SubjectFormOutput | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const start = restoreAtOnce ? draft!.values : initialValues;
  const defaults = sameAsAccount && account ? withAccount(start, account) : start;

  const [resolver] = useState(() => subjectResolver(mode, sameRef));

  const hydrated = useHydrated();
  const form = useForm<SubjectFormValues, unknown, SubjectFormOutput>({
    resolver,
    defaultValues: defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, setError, clearErrors, setValue, getValues, reset, watch, formState } = form;
  const { unsaved, markSaved } = useUnsavedInput(form);
  const errors = formState.errors;
  const err = (k: keyof SubjectFormValues) => errors[k]?.message as string | undefined;
  const aria = (k: keyof SubjectFormValues, hint?: boolean) => ({
    'aria-invalid': err(k) ? true : undefined,
    'aria-describedby': err(k) ? `${k}-error` : hint ? `${k}-hint` : undefined,
  });
  const revalidate = () => ({ shouldValidate: formState.isSubmitted, shouldDirty: true });

  const nature = watch('nature');
  const unitType = watch('unitType');
  const authMethod = watch('authMethod');
  const identityToken = watch('identityToken');
  const orgCredentialToken = watch('orgCredentialToken');
  const credentialOffered = orgCredential !== 'off' && offersOrgCredential(unitType);

  // A verification vouches for one name and number: changing them drops it.
  useEffect(() => {
    const sub = watch((_v, { name }) => {
      if ((name === 'principalName' || name === 'principalIdType' || name === 'principalIdNumber') && getValues('identityToken')) {
        setValue('identityToken', '');
        setVerifiedLabel(null);
      }
      // So does the credential for the four 主办单位 fields it filled (and it is only for three 单位性质).
      if ((ORG_FIELDS as readonly string[]).includes(name ?? '') || name === 'unitType' || name === 'nature') {
        if (getValues('orgCredentialToken') && (name !== 'unitType' || !offersOrgCredential(getValues('unitType')))) {
          setValue('orgCredentialToken', '');
          setCredentialLabel(null);
          setOrgSource('self');
        }
      }
    });
    return () => sub.unsubscribe();
  }, [watch, getValues, setValue]);

  function setSameAsAccount(on: boolean) {
    sameRef.current = on;
    setSameAsAccountState(on);
    if (on && account) {
      const v = withAccount(getValues(), account);
      for (const k of ['principalName', 'principalIdType', 'principalIdNumber', 'principalPhone'] as const) setValue(k, v[k], revalidate());
    }
    clearErrors(['principalName', 'principalIdType', 'principalIdNumber', 'principalPhone']);
  }

  function focusFirst(keys: string[]) {
    const first = FORM_FIELD_ORDER.find((k) => keys.includes(k));
    requestAnimationFrame(() => {
      const el = first ? document.getElementById(focusIdOf(first)) : alertRef.current;
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      if (first) el.focus({ preventScroll: true });
    });
  }

  function showFailure(res: Failure) {
    const onFields: string[] = [];
    const elsewhere: string[] = [];
    for (const [k, message] of Object.entries(res.fieldErrors ?? {})) {
      const key = k.replace(/^data\./, '');
      if ((FORM_FIELD_ORDER as string[]).includes(key)) {
        setError(key as keyof SubjectFormValues, { type: 'server', message });
        onFields.push(key);
      } else if (key !== '_form') elsewhere.push(message);
    }
    const summary = onFields.length ? '提交未成功，请根据标红的提示修改后重新提交。' : (res.formError ?? '提交未成功，请稍后重试');
    setFormError([summary, ...elsewhere].join(' '));
    focusFirst(onFields);
  }

  const onValid = async (data: SubjectFormOutput) => {
    setFormError(null);
    setDraftSaved(false);
    if (mode === 'change') {
      const res = await reach(previewSubjectChangeAction({ subjectId: subjectId!, data, draftId }));
      if (!res.ok) return showFailure(res);
      pendingChange.current = data;
      setRows(res.data);
      setCompareOpen(true);
      return;
    }
    const res = await reach(submitNewSubjectAction({ data, sameAsAccount: sameRef.current, draftId, resubmitOf: mode === 'resubmit' ? resubmitOf : null }));
    if (!res.ok) return showFailure(res);
    setLeaving(true);
    router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
  };

  const onSubmit = handleSubmit(onValid, (errs) => {
    setFormError(null);
    focusFirst(Object.keys(errs));
  });

  async function confirmChange() {
    if (!pendingChange.current) return;
    setConfirming(true);
    const res = await reach(submitSubjectChangeAction({ subjectId: subjectId!, data: pendingChange.current, draftId }));
    if (!res.ok) {
      setConfirming(false);
      setCompareOpen(false);
      showFailure(res);
      return;
    }
    setLeaving(true);
    router.push(`/my/applications/${res.data.applicationId}?submitted=1`);
  }

  async function saveDraftNow() {
    setSaving(true);
    setFormError(null);
    setDraftSaved(false);
    const res = await reach(
      saveSubjectDraftAction({
        type: mode === 'change' ? '变更主体' : '新增主体',
        data: draftPayload(getValues(), { sameAsAccount: sameRef.current, resubmitOf: mode === 'resubmit' ? resubmitOf : null }),
        draftId,
        subjectId: mode === 'change' ? subjectId : null,
      }),
    );
    setSaving(false);
    if (res.ok) {
      setDraftId(res.data.draftId);
      markSaved();
      // Seed 004: 新增主体 / 变更主体 保存草稿 goes on to 我的草稿, where the new row is listed.
      if (mode !== 'resubmit') {
        setLeaving(true);
        router.push(`/my/drafts?saved=${mode === 'change' ? 'change-subject' : 'new-subject'}`);
        return;
      }
      setDraftSaved(true);
    } else {
      setFormError(res.formError ?? '草稿保存失败，请稍后重试');
      requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: 'center' }));
    }
  }

  function applyDraft() {
    if (!draft) return;
    const same = canUseAccount && draft.sameAsAccount;
    sameRef.current = same;
    setSameAsAccountState(same);
    reset(same && account ? withAccount(draft.values, account) : draft.values);
    setOrgSource('self');
    setDraftId(draft.id);
    setVerifiedLabel(null);
    setNotice(restoredNotice(mode, draft));
    setPromptOpen(false);
    markSaved();
  }

  async function verifyIdentity() {
    setVerifying(true);
    setVerifiedLabel(null);
    clearErrors('identityToken');
    const v = getValues();
    const res = await reach(verifyIdentityAction({ name: v.principalName, idType: v.principalIdType, idNumber: v.principalIdNumber, sameAsAccount: sameRef.current }));
    setVerifying(false);
    if (res.ok) {
      setValue('identityToken', res.data.token, revalidate());
      setVerifiedLabel(res.data.sandbox ? '认证通过（沙箱环境）' : '认证通过');
      return;
    }
    // The action names its inputs name / idType / idNumber; the form calls them principal….
    const onForm: Record<string, keyof SubjectFormValues> = { name: 'principalName', idType: 'principalIdType', idNumber: 'principalIdNumber' };
    const keys: string[] = [];
    for (const [k, message] of Object.entries(res.fieldErrors ?? {})) {
      const key = onForm[k] ?? k;
      if (!(FORM_FIELD_ORDER as string[]).includes(key)) continue;
      setError(key as keyof SubjectFormValues, { type: 'server', message });
      keys.push(key);
    }
    if (!keys.length) {
      setError('identityToken', { type: 'server', message: res.formError ?? '认证失败，请稍后重试' });
      keys.push('identityToken');
    }
    focusFirst(keys);
  }

  const registeredHint = (k: PiiField, fallback?: string) =>
    mode !== 'new' && registered?.[k] ? `已登记：${registered[k]}，不修改请留空` : fallback;

  const textField = (
    k: keyof SubjectFormValues,
    opts: { required?: boolean; hint?: string; type?: string; autoComplete?: string; inputMode?: 'tel' | 'email' | 'numeric'; className?: string; readOnly?: boolean } = {},
  ) => (
    <Field id={k} label={L[k]} required={opts.required} error={err(k)} hint={opts.hint} className={opts.className}>
      <Input
        id={k}
        type={opts.type ?? 'text'}
        autoComplete={opts.autoComplete ?? 'off'}
        inputMode={opts.inputMode}
        readOnly={opts.readOnly}
        className={opts.readOnly ? 'bg-muted' : undefined}
        {...register(k)}
        {...aria(k, !!opts.hint)}
      />
    </Field>
  );

  const readOnlyField = (id: string, label: string, value: string, hint?: string) => (
    <Field key={`${id}-account`} id={id} label={label} required hint={hint}>
      <Input id={id} value={value} readOnly className="bg-muted" aria-describedby={hint ? `${id}-hint` : undefined} />
    </Field>
  );

  const uploadField = (k: 'orgCertFileId' | 'idFrontFileId' | 'idBackFileId' | 'idHandheldFileId', hint?: string, required = true) => (
    <Controller
      control={control}
      name={k}
      render={({ field }) => (
        <UploadField
          id={k}
          name={k}
          label={L[k]}
          kind="image"
          required={required}
          hint={hint}
          error={err(k)}
          value={field.value ? (files[field.value] ?? { id: field.value, name: '已上传的文件', kind: 'image', size: 0, thumbUrl: null, url: `/api/files/${field.value}` }) : null}
          onChange={(f) => {
            if (f) setFiles((m) => ({ ...m, [f.id]: f }));
            field.onChange(f ? f.id : null);
          }}
        />
      )}
    />
  );

  /** The error of a pass (国家网络身份认证, the 机关事业单位 credential): its button or choice points here. */
  const passError = (k: 'identityToken' | 'orgCredentialToken', className?: string) =>
    err(k) && (
      <p id={`${k}-error`} role="alert" className={cn('text-sm text-destructive', className)}>
        {err(k)}
      </p>
    );

  const regionField = (k: 'officeRegion' | 'regRegion' | 'principalRegion', required: boolean) => (
    <Controller
      control={control}
      name={k}
      render={({ field }) => (
        <RegionCascader
          id={k}
          name={k}
          label={L[k]}
          required={required}
          error={err(k)}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          className="md:col-span-2"
        />
      )}
    />
  );

  /**
   * 主办单位信息's source. 同当前账号信息 fills the 法人 account's name, 统一社会信用代码 and 法定代表人
   * (and its 单位性质 when none is chosen); the credential opens its scan and fills them when it passes.
   */
  function chooseOrgSource(source: OrgSource) {
    if (source === 'credential') return setCredentialOpen(true);
    if (getValues('orgCredentialToken')) {
      setValue('orgCredentialToken', '', revalidate());
      setCredentialLabel(null);
    }
    setOrgSource(source);
    if (source !== 'account' || !organisation) return;
    if (!getValues('unitType') && organisation.unitType) setValue('unitType', organisation.unitType, revalidate());
    fillOrganisation({ orgName: organisation.orgName, orgCertType: '统一社会信用代码证', orgCertNumber: organisation.creditCode, legalRepName: organisation.legalRepName });
  }

  function fillOrganisation(org: Pick<SubjectFormValues, (typeof ORG_FIELDS)[number]>) {
    for (const k of ORG_FIELDS) setValue(k, org[k], revalidate());
  }

  function credentialPassed(pass: OrgCredentialPass) {
    fillOrganisation(pass.org);
    setValue('orgCredentialToken', pass.token, revalidate());
    clearErrors(['orgCredentialToken', 'orgCertFileId']);
    setCredentialLabel(pass.sandbox ? '认证通过（沙箱环境）' : '认证通过');
    setOrgSource('credential');
    setCredentialOpen(false);
  }

  const radioGroup = (k: 'nature' | 'nationalLevel' | 'faceRecognition' | 'generativeAi' | 'authMethod', options: readonly string[], className?: string) => (
    <RadioGroup name={k} legend={L[k]} options={options} error={err(k)} registration={register(k)} className={className} />
  );

  const certOptions = certTypesFor((unitType || '企业单位') as UnitType);
  const busy = formState.isSubmitting || confirming || leaving;
  const tokenLabel = identityToken ? (verifiedLabel ?? identityPassLabel(identityToken)) : null;

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="space-y-6" data-hydrated={hydrated || undefined}>
        {notice && (
          <Alert variant="info" role="status">
            {notice}
          </Alert>
        )}

        <Card>
          <CardHeader>
            <CardTitle>开办主体信息</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            {radioGroup('nature', ['个人', '单位'])}
            {nature === '单位' && (
              <Field id="unitType" label={L.unitType} required error={err('unitType')}>
                <NativeSelect
                  id="unitType"
                  {...register('unitType', {
                    onChange: (e) => {
                      const allowed = certTypesFor((e.target.value || '企业单位') as UnitType) as string[];
                      if (!allowed.includes(getValues('orgCertType'))) setValue('orgCertType', allowed[0], revalidate());
                    },
                  })}
                  {...aria('unitType')}
                >
                  <NativeSelectOption value="">请选择</NativeSelectOption>
                  {UNIT_TYPES.map((t) => (
                    <NativeSelectOption key={t} value={t}>
                      {t}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
            )}
            {nature === '单位' && asksNationalLevel(unitType) && (
              <div className="md:col-span-2">
                {radioGroup('nationalLevel', YES_NO)}
                <p className="mt-1 text-sm text-muted-foreground">中央和国家机关、国家级事业单位、全国性社会团体及中央企业选“是”。只有经审核确认的中央/国家级单位，网站名称方可使用“中国”“中华”“国家”“人民”等字样。</p>
              </div>
            )}
          </CardContent>
        </Card>

        {nature === '单位' && (
          <Card>
            <CardHeader className="flex-wrap">
              <CardTitle id="org-info-title">主办单位信息</CardTitle>
              {(canUseOrganisation || credentialOffered) && (
                <div role="radiogroup" aria-labelledby="org-info-title" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
                  {(
                    [
                      ...(canUseOrganisation ? [['account', '同当前账号信息']] : []),
                      ['self', '自主填报'],
                      ...(credentialOffered ? [['credential', ORG_CREDENTIAL_CHOICE]] : []),
                    ] as [OrgSource, string][]
                  ).map(([value, label]) => {
                    // The credential's choice carries its errors (认证失败, 已失效) and takes the focus for them.
                    const id = value === 'credential' ? 'orgCredentialToken' : `orgSource-${value}`;
                    return (
                      <label key={value} htmlFor={id} className="inline-flex items-center gap-2">
                        <input
                          type="radio"
                          id={id}
                          name="orgSource"
                          className="size-4 accent-primary"
                          checked={orgSource === value}
                          onChange={() => chooseOrgSource(value)}
                          {...(value === 'credential' ? aria('orgCredentialToken') : {})}
                        />
                        {label}
                      </label>
                    );
                  })}
                </div>
              )}
            </CardHeader>
            <CardContent className="grid gap-4 md:grid-cols-2">
              {orgFromAccount && <p className="text-sm text-muted-foreground md:col-span-2">已使用当前法人账号的企业名称、统一社会信用代码和法定代表人姓名。</p>}
              {orgSource === 'credential' && orgCredentialToken && (
                <div className="flex flex-wrap items-center gap-3 text-sm md:col-span-2">
                  <span role="status" className="font-medium text-success">
                    机关事业单位网络身份认证凭证{credentialLabel ?? orgCredentialPassLabel(orgCredentialToken)}
                  </span>
                  <span className="text-muted-foreground">主办单位名称、证件类型、证件号和法定代表人姓名已按凭证填写，主办单位有效证件可不上传。</span>
                  <Button type="button" variant="outline" size="sm" onClick={() => setCredentialOpen(true)}>
                    重新扫码认证
                  </Button>
                </div>
              )}
              {passError('orgCredentialToken', 'md:col-span-2')}
              {textField('orgName', { required: true, className: 'md:col-span-2', hint: '请填写与证件一致的单位全称', readOnly: orgLocked })}
              {orgLocked ? (
                readOnlyField('orgCertType', L.orgCertType, getValues('orgCertType'))
              ) : (
                <Field id="orgCertType" label={L.orgCertType} required error={err('orgCertType')}>
                  <Controller
                    control={control}
                    name="orgCertType"
                    render={({ field }) => (
                      <NativeSelect id="orgCertType" {...field} {...aria('orgCertType')}>
                        {!certOptions.includes(field.value as never) && <NativeSelectOption value="">请选择</NativeSelectOption>}
                        {certOptions.map((t) => (
                          <NativeSelectOption key={t} value={t}>
                            {t}
                          </NativeSelectOption>
                        ))}
                      </NativeSelect>
                    )}
                  />
                </Field>
              )}
              {textField('orgCertNumber', { required: true, readOnly: orgLocked })}
              {uploadField(
                'orgCertFileId',
                orgCredentialToken ? '已通过机关事业单位网络身份认证凭证认证，可不上传；支持 PNG、JPEG 格式，大小不超过 5MB' : '请上传证件正面扫描件，支持 PNG、JPEG 格式，大小不超过 5MB',
                !orgCredentialToken,
              )}
              {textField('legalRepName', { required: true, readOnly: orgLocked })}
              {regionField('officeRegion', true)}
              {textField('officeAddress', { required: true, hint: ADDRESS_HINT, className: 'md:col-span-2' })}
              {regionField('regRegion', false)}
              {textField('regAddress', { hint: ADDRESS_HINT, className: 'md:col-span-2' })}
              {radioGroup('faceRecognition', YES_NO, 'md:col-span-2')}
              {radioGroup('generativeAi', YES_NO, 'md:col-span-2')}
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader className="flex-wrap">
            <CardTitle>负责人信息</CardTitle>
            {canUseAccount && (
              <label htmlFor="sameAsAccount" className="inline-flex items-center gap-2 text-sm">
                <Checkbox id="sameAsAccount" checked={sameAsAccount} onChange={(e) => setSameAsAccount(e.target.checked)} />
                同当前账号信息
              </label>
            )}
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            {sameAsAccount && account && (
              <p className="text-sm text-muted-foreground md:col-span-2">已使用当前账号的负责人姓名、证件类型、证件号码和手机号码，提交时由系统按账号信息填写。</p>
            )}
            {textField('principalName', { required: true, autoComplete: 'name', readOnly: sameAsAccount })}
            {sameAsAccount && account ? (
              readOnlyField('principalIdType', L.principalIdType, getValues('principalIdType'))
            ) : (
              <Field id="principalIdType" label={L.principalIdType} required error={err('principalIdType')}>
                <NativeSelect id="principalIdType" {...register('principalIdType')} {...aria('principalIdType')}>
                  {ID_TYPES.map((t) => (
                    <NativeSelectOption key={t} value={t}>
                      {t}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
            )}
            {sameAsAccount && account
              ? readOnlyField('principalIdNumber', L.principalIdNumber, account.idNumberMasked)
              : textField('principalIdNumber', { required: true, hint: registeredHint('principalIdNumber') })}
            <Controller
              control={control}
              name="principalIdExpiry"
              render={({ field }) => {
                const longTerm = field.value === LONG_TERM;
                return (
                  <Field id="principalIdExpiry" label={L.principalIdExpiry} required error={err('principalIdExpiry')}>
                    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                      <Input
                        id="principalIdExpiry"
                        type="date"
                        ref={field.ref}
                        name={field.name}
                        value={field.value}
                        disabled={longTerm}
                        onChange={(e) => field.onChange(e.target.value)}
                        onBlur={field.onBlur}
                        className="w-auto min-w-0 flex-1"
                        {...aria('principalIdExpiry')}
                      />
                      <label htmlFor="principalIdExpiryLongTerm" className="inline-flex shrink-0 items-center gap-2 text-sm">
                        <Checkbox
                          id="principalIdExpiryLongTerm"
                          checked={longTerm}
                          onChange={(e) => field.onChange(e.target.checked ? LONG_TERM : '')}
                        />
                        长期有效
                      </label>
                    </div>
                  </Field>
                );
              }}
            />
            {regionField('principalRegion', true)}
            {textField('principalAddress', { required: true, hint: ADDRESS_HINT, className: 'md:col-span-2' })}
            {sameAsAccount && account
              ? readOnlyField('principalPhone', L.principalPhone, account.phoneMasked)
              : textField('principalPhone', { required: true, type: 'tel', inputMode: 'tel', autoComplete: 'tel', hint: registeredHint('principalPhone', '手机号码格式：186xxxxxxxx') })}
            {textField('officePhone', { required: nature === '单位', type: 'tel', inputMode: 'tel', hint: '区号-固定电话号码，如 010-62751234' })}
            {textField('principalEmail', { type: 'email', inputMode: 'email', autoComplete: 'email' })}
            {radioGroup('authMethod', offeredAuthMethods(AUTH_METHODS, identity), 'md:col-span-2')}
            {identity === 'off' && <p className="-mt-2 text-sm text-muted-foreground md:col-span-2">{IDENTITY_UNAVAILABLE}</p>}
            {authMethod === '国家网络身份认证公共服务认证' ? (
              <div className="space-y-3 rounded-md border bg-muted/30 p-4 md:col-span-2">
                <p className="text-sm">请使用“国家网络身份认证”APP完成认证。平台实名认证支持的证件类型为居民身份证件。</p>
                {identity === 'sandbox' && (
                  <p className="text-sm text-muted-foreground">当前为沙箱环境：按负责人姓名和居民身份证号码的格式模拟认证，不核验真实身份。</p>
                )}
                <div className="flex flex-wrap items-center gap-3">
                  <Button
                    id="identityToken"
                    type="button"
                    variant="outline"
                    onClick={verifyIdentity}
                    disabled={verifying}
                    aria-describedby={err('identityToken') ? 'identityToken-error' : undefined}
                  >
                    {verifying ? '认证中…' : '发起认证'}
                  </Button>
                  {tokenLabel && (
                    <span role="status" className="text-sm font-medium text-success">
                      {tokenLabel}
                    </span>
                  )}
                </div>
                {passError('identityToken')}
              </div>
            ) : authMethod === '文件认证' ? (
              <div className="grid gap-4 md:col-span-2 md:grid-cols-3">
                {uploadField('idFrontFileId')}
                {uploadField('idBackFileId')}
                {uploadField('idHandheldFileId')}
              </div>
            ) : null}
          </CardContent>
        </Card>

        {/* Seed 003, under the 新增主体 form. */}
        <section aria-labelledby="subject-declaration" className="rounded-md border border-warning/60 bg-warning/10 p-4 text-sm" data-testid="subject-declaration">
          <h2 id="subject-declaration" className="font-medium">
            特别声明：
          </h2>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>单位类主体，以单位办公地址判定管辖地；个人类主体，以负责人常住地址判定管辖地。</li>
            <li>所有业务的审核，均由管辖地网安民警负责审核。</li>
            {mode !== 'change' && <li>请您在填报完主体信息后，及时填报网站备案、APP及小程序注册登记、安全评估等业务信息，完成整个申请流程。如未填报任何业务申请，民警将无法进行审核流程。</li>}
          </ol>
        </section>
        <div ref={alertRef} tabIndex={-1} className="space-y-3 outline-none">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          {draftSaved && (
            <Alert variant="success" role="status">
              <p className="font-medium">草稿已保存</p>
              <p className="text-muted-foreground">负责人证件号码和负责人手机号码不保存在草稿中，使用草稿时需重新填写。</p>
            </Alert>
          )}
        </div>
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="outline" onClick={saveDraftNow} disabled={saving || busy}>
            {saving ? '保存中…' : '保存草稿'}
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? '提交中…' : '提交审核'}
          </Button>
        </div>
      </form>

      {draft && (
        <DraftPrompt
          open={promptOpen}
          title={mode === 'change' ? '您有一条变更主体的草稿，是否使用' : '您有一条草稿，是否使用'}
          savedAt={draft.savedAt}
          onUse={applyDraft}
          onDiscard={() => setPromptOpen(false)}
        />
      )}
      <LeaveGuard when={unsaved && !leaving} />
      {credentialOffered && (
        <OrgCredentialDialog
          open={credentialOpen}
          onOpenChange={setCredentialOpen}
          unitType={unitType as UnitType}
          initial={{ orgName: getValues('orgName'), orgCertNumber: getValues('orgCertNumber'), legalRepName: getValues('legalRepName') }}
          onPassed={credentialPassed}
        />
      )}
      {mode === 'change' && (
        <ChangeCompareDialog rows={rows} open={compareOpen} pending={confirming || leaving} onCancel={() => setCompareOpen(false)} onConfirm={confirmChange} />
      )}
    </>
  );
}

function RadioGroup({
  name,
  legend,
  options,
  error,
  registration,
  className,
}: {
  name: string;
  legend: string;
  options: readonly string[];
  error?: string;
  registration: UseFormRegisterReturn;
  className?: string;
}): ReactNode {
  return (
    <fieldset className={['min-w-0 space-y-2', className].filter(Boolean).join(' ')} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">
        <span aria-hidden className="mr-0.5 text-destructive">
          *
        </span>
        {legend}
      </legend>
      <RadioItems>
        {options.map((o, i) => (
          <label key={o} htmlFor={`${name}-${i}`} className="inline-flex items-center gap-2 text-sm">
            <RadioGroupItem id={`${name}-${i}`} value={o} aria-invalid={error ? true : undefined} {...registration} />
            {o}
          </label>
        ))}
      </RadioItems>
      {error && (
        <p id={`${name}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
