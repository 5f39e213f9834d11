'use client';

import { useEffect, useState } from 'react';
import { Controller, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { CONTACT_MODES, NATIONAL_IDENTITY, sameContactWarning, type WebsiteInput } from '@/lib/websites/schemas';
import { LONG_TERM } from '@/lib/subjects/rules';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { Field } from '@/components/forms/field';
import { reach } from '@/components/forms/use-action';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { UploadField } from '@/components/files/upload-field';
import { ChoiceGroup, ErrorText, InfoList, warningAlertClass } from './wizard-controls';
import type { StepProps } from './wizard-step-basic';
import { IDENTITY_UNAVAILABLE, identityPassLabel, offeredAuthMethods, type IdentityMode } from '@/lib/identity/labels';
import { verifyContactIdentityAction } from '@/lib/websites/actions';
import {
  CONTACT_AUTH_METHODS,
  CONTACT_PREFIX,
  CONTACT_ROLES,
  CONTACT_TITLES,
  idOf,
  keepsRegisteredPii,
  type ContactRole,
  type RegisteredContacts,
  type WizardSubjectView,
  type WizardValues,
} from '@/lib/websites/form-values';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Checkbox } from '@/components/ui/checkbox';
import { RadioGroupItem } from '@/components/ui/radio-group';

type Path = FieldPath<WizardValues>;

export const SAME_AS_SUBJECT_NOTE = '为保障您的信息安全，平台未完整存储您的个人信息，请您逐项核实';

/** A pass vouches for one 姓名 / 证件类型 / 证件号码: typing in one of them drops it. */
const IDENTITY_INPUT = /^contacts\.(securityOwner|emergencyContact)\.(name|idType|idNumber)$/;
/** Error keys of verifyContactIdentityAction: the contact's own fields, in page order. */
const VERIFY_FIELDS = ['name', 'idType', 'idNumber', 'identityToken'];

/**
 * 03 网站负责人: 网站安全负责人 and 网站应急联络人. With `registered` (变更网站) the 证件号码 and
 * 手机号码 of a contact on file may stay empty to keep them.
 */
export function WizardStepContacts({
  subject,
  headingId,
  err,
  fileValue,
  rememberFile,
  registered,
  identity,
  titles = CONTACT_TITLES,
}: StepProps & {
  subject: WizardSubjectView;
  headingId: string;
  registered?: RegisteredContacts;
  identity: IdentityMode;
  /** The cards' titles: 网站安全负责人 / 网站应急联络人, or the object's own (APP安全负责人…). */
  titles?: Record<ContactRole, string>;
}) {
  const { register, control, watch, getValues, setValue, setError, clearErrors } = useFormContext<WizardValues>();
  const contacts = useWatch({ control, name: 'contacts' });
  const warning = sameContactWarning(contacts as WebsiteInput["contacts"]);
  const [verifying, setVerifying] = useState<Partial<Record<ContactRole, boolean>>>({});
  const [sandbox, setSandbox] = useState<Partial<Record<ContactRole, boolean>>>({});

  useEffect(() => {
    const sub = watch((_v, { name }) => {
      const m = name ? IDENTITY_INPUT.exec(name) : null;
      if (!m) return;
      const role = m[1] as ContactRole;
      if (getValues(`contacts.${role}.identityToken`)) setValue(`contacts.${role}.identityToken`, '', { shouldDirty: true });
    });
    return () => sub.unsubscribe();
  }, [watch, getValues, setValue]);

  /** 国家网络身份认证 of one self-filled contact; the pass goes into the form, errors onto its fields. */
  async function verifyIdentity(role: ContactRole) {
    const path = (k: string) => `contacts.${role}.${k}` as Path;
    setVerifying((v) => ({ ...v, [role]: true }));
    clearErrors(path('identityToken'));
    const c = getValues(`contacts.${role}`);
    const res = await reach(verifyContactIdentityAction({ name: c.name, idType: c.idType, idNumber: c.idNumber }));
    setVerifying((v) => ({ ...v, [role]: false }));
    if (res.ok) {
      setValue(path('identityToken'), res.data.token, { shouldDirty: true });
      setSandbox((v) => ({ ...v, [role]: res.data.sandbox }));
      return;
    }
    const keys = Object.entries(res.fieldErrors ?? {}).filter(([k]) => VERIFY_FIELDS.includes(k));
    for (const [k, message] of keys) setError(path(k), { type: 'server', message });
    if (!keys.length) setError(path('identityToken'), { type: 'server', message: res.formError ?? '认证失败，请稍后重试' });
    const first = VERIFY_FIELDS.find((k) => keys.some(([key]) => key === k)) ?? 'identityToken';
    requestAnimationFrame(() => document.getElementById(idOf(path(first)))?.focus());
  }

  const aria = (path: string, hint?: boolean) => ({
    'aria-invalid': err(path) ? true : undefined,
    'aria-describedby': err(path) ? `${idOf(path)}-error` : hint ? `${idOf(path)}-hint` : undefined,
  });

  const contactCard = (role: ContactRole, index: number) => {
    const c = contacts[role];
    const p = CONTACT_PREFIX[role];
    const path = (k: string) => `contacts.${role}.${k}`;
    const titleId = index === 0 ? headingId : `contacts-${role}-title`;
    const onFile = registered?.[role];
    const kept = keepsRegisteredPii(c, onFile) ? onFile : null;
    const keepHint = (masked: string, fallback?: string) => (kept && masked ? `已登记：${masked}，不修改请留空` : fallback);
    const token = c.identityToken;
    const tokenLabel = token ? (sandbox[role] ? identityPassLabel('sandbox:') : identityPassLabel(token)) : '';

    const text = (k: 'name' | 'idNumber' | 'phone' | 'email', label: string, opts: { required?: boolean; hint?: string; type?: string; inputMode?: 'tel' | 'email'; autoComplete?: string } = {}) => (
      <Field id={idOf(path(k))} label={label} required={opts.required} error={err(path(k))} hint={opts.hint}>
        <Input
          id={idOf(path(k))}
          type={opts.type ?? 'text'}
          inputMode={opts.inputMode}
          autoComplete={opts.autoComplete ?? 'off'}
          maxLength={k === 'email' ? 100 : 50}
          {...register(`contacts.${role}.${k}`)}
          {...aria(path(k), !!opts.hint)}
        />
      </Field>
    );

    const upload = (k: 'frontFileId' | 'backFileId' | 'handheldFileId', label: string) => (
      <Controller
        control={control}
        name={`contacts.${role}.${k}` as Path}
        render={({ field }) => (
          <UploadField
            id={idOf(path(k))}
            name={path(k)}
            label={label}
            kind="image"
            required
            error={err(path(k))}
            value={fileValue(field.value as number | null)}
            onChange={(f) => {
              if (f) rememberFile(f);
              field.onChange(f ? f.id : null);
            }}
          />
        )}
      />
    );

    return (
      <Card key={role}>
        <CardHeader>
          <CardTitle id={titleId} tabIndex={index === 0 ? -1 : undefined} data-step-heading={index === 0 ? '' : undefined} className="outline-none">
            {titles[role]}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <div role="radiogroup" aria-labelledby={titleId} className="flex flex-wrap gap-x-6 gap-y-2">
            {CONTACT_MODES.map((m, i) => (
              <label key={m} htmlFor={`${idOf(path('mode'))}-${i}`} className="inline-flex items-center gap-2 text-sm">
                <RadioGroupItem id={`${idOf(path('mode'))}-${i}`} value={m} {...register(`contacts.${role}.mode`)} />
                {m}
              </label>
            ))}
          </div>
          <ErrorText id={`${idOf(path('mode'))}-error`}>{err(path('mode'))}</ErrorText>

          {c.mode === '同主体负责人信息' ? (
            <div className="space-y-3 rounded-md border bg-muted/30 p-4">
              <InfoList
                rows={[
                  [`${p}姓名`, subject.principalNameMasked],
                  [`${p}证件类型`, subject.principalIdType],
                  [`${p}证件号码`, subject.principalIdMasked],
                  [`${p}手机号码`, subject.principalPhoneMasked],
                ]}
              />
              <p className="text-sm text-muted-foreground">{SAME_AS_SUBJECT_NOTE}</p>
            </div>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              {text('name', `${p}姓名`, { required: true, autoComplete: 'name' })}
              <Field id={idOf(path('idType'))} label={`${p}证件类型`} required error={err(path('idType'))}>
                <NativeSelect id={idOf(path('idType'))} {...register(`contacts.${role}.idType`)} {...aria(path('idType'))}>
                  {ID_TYPES.map((t) => (
                    <NativeSelectOption key={t} value={t}>
                      {t}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
              {text('idNumber', `${p}证件号码`, { required: true, hint: keepHint(kept?.idNumberMasked ?? '') })}
              <Controller
                control={control}
                name={`contacts.${role}.idExpiry`}
                render={({ field }) => {
                  const longTerm = field.value === LONG_TERM;
                  const id = idOf(path('idExpiry'));
                  return (
                    <Field id={id} label={`${p}证件有效期`} required error={err(path('idExpiry'))}>
                      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                        <Input
                          id={id}
                          type="date"
                          ref={field.ref}
                          name={field.name}
                          value={longTerm ? '' : field.value}
                          disabled={longTerm}
                          onChange={(e) => field.onChange(e.target.value)}
                          onBlur={field.onBlur}
                          className="w-auto min-w-0 flex-1"
                          {...aria(path('idExpiry'))}
                        />
                        <label htmlFor={`${id}-longTerm`} className="inline-flex shrink-0 items-center gap-2 text-sm">
                          <Checkbox
                            id={`${id}-longTerm`}
                            aria-label={`${p}长期有效`}
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
              {text('phone', `${p}手机号码`, { required: true, type: 'tel', inputMode: 'tel', autoComplete: 'tel', hint: keepHint(kept?.phoneMasked ?? '', '手机号码格式：186xxxxxxxx') })}
              {text('email', `${p}电子邮件地址`, { type: 'email', inputMode: 'email', autoComplete: 'email' })}
              <ChoiceGroup
                id={idOf(path('authMethod'))}
                legend={`${p}认证方式`}
                options={offeredAuthMethods(CONTACT_AUTH_METHODS, identity)}
                required
                registration={register(`contacts.${role}.authMethod`)}
                error={err(path('authMethod'))}
                className="md:col-span-2"
              />
              {identity === 'off' && <p className="-mt-2 text-sm text-muted-foreground md:col-span-2">{IDENTITY_UNAVAILABLE}</p>}
              {c.authMethod === '文件认证' && (
                <div className="grid gap-4 md:col-span-2 md:grid-cols-3">
                  {upload('frontFileId', `${p}证件正面`)}
                  {upload('backFileId', `${p}证件反面`)}
                  {upload('handheldFileId', `${p}证件手持`)}
                </div>
              )}
              {c.authMethod === NATIONAL_IDENTITY && (
                <div className="space-y-3 rounded-md border bg-muted/30 p-4 md:col-span-2">
                  <p className="text-sm">请使用“国家网络身份认证”APP完成认证。平台实名认证支持的证件类型为居民身份证件，姓名、证件类型或证件号码修改后须重新认证。</p>
                  {identity === 'sandbox' && <p className="text-sm text-muted-foreground">当前为沙箱环境：按姓名和居民身份证号码的格式模拟认证，不核验真实身份。</p>}
                  <div className="flex flex-wrap items-center gap-3">
                    <Button
                      id={idOf(path('identityToken'))}
                      type="button"
                      variant="outline"
                      aria-label={`${p}国家网络身份认证`}
                      onClick={() => void verifyIdentity(role)}
                      disabled={!!verifying[role]}
                      {...aria(path('identityToken'))}
                    >
                      国家网络身份认证
                    </Button>
                    <span role="status" className={verifying[role] ? 'text-sm text-muted-foreground' : 'text-sm font-medium text-success'}>
                      {verifying[role] ? '认证中…' : tokenLabel}
                    </span>
                  </div>
                  <ErrorText id={`${idOf(path('identityToken'))}-error`}>{err(path('identityToken'))}</ErrorText>
                </div>
              )}
            </div>
          )}
        </CardContent>
      </Card>
    );
  };

  return (
    <div className="space-y-6">
      {CONTACT_ROLES.map((role, i) => contactCard(role, i))}
      {warning && (
        <Alert role="status" className={warningAlertClass}>
          {warning}
        </Alert>
      )}
    </div>
  );
}
