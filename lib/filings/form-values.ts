/**
 * The wizard of every object of the `filings` table (新增APP, 变更APP, 新增小程序, 变更小程序):
 * 02 comes from the kind's own form module, 03 负责人 and 04 提示说明 are the website's. Maps the
 * form to the kind's schema input, to drafts (never the 负责人's 证件号码 / 手机号码) and back. Pure.
 */
import type { FilingKind } from '@/db/schema/filings';
import { appBasicFileIds, appBasicFromStored, appBasicInput, appBasicOf, appFormPath, emptyAppBasic, type AppFormBasic } from '@/lib/apps/form-values';
import {
  emptyMiniProgramBasic,
  miniProgramBasicFileIds,
  miniProgramBasicFromStored,
  miniProgramBasicInput,
  miniProgramBasicOf,
  miniProgramFormPath,
  type MiniProgramFormBasic,
} from '@/lib/mini-programs/form-values';
import {
  CONTACT_ROLES,
  contactInput,
  contactOf,
  contactsFromStored,
  DRAFT_DROPPED_CONTACT_FIELDS,
  EMPTY_CONTACT,
  messageFor as websiteMessageFor,
  type WizardContact,
  type WizardStep,
  type WizardValues,
} from '@/lib/websites/form-values';
import { obj } from '@/lib/forms/draft-values';
import {
  appStoreBasicFileIds,
  appStoreBasicFromStored,
  appStoreBasicInput,
  appStoreBasicOf,
  appStoreFormPath,
  emptyAppStoreBasic,
  type AppStoreFormBasic,
} from '@/lib/app-stores/form-values';
import {
  emptyServiceProviderBasic,
  serviceProviderBasicFileIds,
  serviceProviderBasicFromStored,
  serviceProviderBasicInput,
  serviceProviderBasicOf,
  serviceProviderFormPath,
  type ServiceProviderFormBasic,
} from '@/lib/service-providers/form-values';
import type { StoredFiling } from './types';

export type FilingFormBasic = AppFormBasic | MiniProgramFormBasic | AppStoreFormBasic | ServiceProviderFormBasic;
export type FilingWizardValues<B extends FilingFormBasic = FilingFormBasic> = {
  basic: B;
  contacts: WizardValues['contacts'];
  notice: { agree: boolean };
};

type BasicForm<B> = {
  empty(): B;
  /** From a draft's `basic`. */
  of(src: unknown): B;
  input(b: B): unknown;
  fileIds(b: B): number[];
  /** A schema error path of 02 → the form path showing it (the values place per-domain errors). */
  formPath(p: string, b: B): string;
  fromStored(b: never): B;
};

type FormOf = { APP: AppFormBasic; 小程序: MiniProgramFormBasic; 应用市场: AppStoreFormBasic; 服务商: ServiceProviderFormBasic };

const FORMS: { [K in FilingKind]: BasicForm<FormOf[K]> } = {
  APP: { empty: emptyAppBasic, of: appBasicOf, input: appBasicInput, fileIds: appBasicFileIds, formPath: appFormPath, fromStored: appBasicFromStored },
  小程序: {
    empty: emptyMiniProgramBasic,
    of: miniProgramBasicOf,
    input: miniProgramBasicInput,
    fileIds: miniProgramBasicFileIds,
    formPath: miniProgramFormPath,
    fromStored: miniProgramBasicFromStored,
  },
  应用市场: { empty: emptyAppStoreBasic, of: appStoreBasicOf, input: appStoreBasicInput, fileIds: appStoreBasicFileIds, formPath: appStoreFormPath, fromStored: appStoreBasicFromStored },
  服务商: {
    empty: emptyServiceProviderBasic,
    of: serviceProviderBasicOf,
    input: serviceProviderBasicInput,
    fileIds: serviceProviderBasicFileIds,
    formPath: serviceProviderFormPath,
    fromStored: serviceProviderBasicFromStored,
  },
};
/** The kind's form module, typed loosely: the wizard holds one kind at a time. */
const form = (kind: FilingKind) => FORMS[kind] as unknown as BasicForm<FilingFormBasic>;

export function emptyFilingValues(kind: FilingKind): FilingWizardValues {
  return {
    basic: form(kind).empty(),
    contacts: { securityOwner: { ...EMPTY_CONTACT }, emergencyContact: { ...EMPTY_CONTACT } },
    notice: { agree: false },
  };
}

/** Form values from a saved draft: unknown keys dropped, PII and identity passes empty. */
export function toFilingValues(kind: FilingKind, src: unknown): FilingWizardValues {
  const d = obj(src);
  const contacts = obj(d.contacts);
  return {
    basic: form(kind).of(d.basic),
    contacts: { securityOwner: contactOf(contacts.securityOwner), emergencyContact: contactOf(contacts.emergencyContact) },
    notice: { agree: false },
  };
}

/** Form values → the kind's schema input (lib/objects: { basic, contacts, notice }). */
export function toFilingInput(kind: FilingKind, v: FilingWizardValues) {
  return {
    basic: form(kind).input(v.basic),
    contacts: { securityOwner: contactInput(v.contacts.securityOwner), emergencyContact: contactInput(v.contacts.emergencyContact) },
    notice: { agree: v.notice.agree },
  };
}

/** What 保存草稿 stores: the form without the 负责人's PII and without 我已阅读, plus the step reached. */
export function filingDraftPayload(v: FilingWizardValues, step: WizardStep): Record<string, unknown> {
  const contact = (c: WizardContact) => {
    const out: Record<string, unknown> = { ...c };
    for (const k of DRAFT_DROPPED_CONTACT_FIELDS) delete out[k];
    return out;
  };
  return { basic: v.basic, contacts: { securityOwner: contact(v.contacts.securityOwner), emergencyContact: contact(v.contacts.emergencyContact) }, step };
}

export type RestoredFilingDraft = { id: number; savedAt: number; values: FilingWizardValues; step: WizardStep };

export function restoreFilingDraft(kind: FilingKind, d: { id: number; savedAt: number; data: Record<string, unknown> }): RestoredFilingDraft {
  const s = d.data.step;
  return { id: d.id, savedAt: d.savedAt, values: toFilingValues(kind, d.data), step: s === 2 || s === 3 || s === 4 ? s : 1 };
}

/** Every file id the values refer to (for the upload fields' display data). */
export function filingFileIds(kind: FilingKind, ...sets: (FilingWizardValues | null | undefined)[]): number[] {
  const ids = new Set<number>();
  for (const v of sets) {
    if (!v) continue;
    for (const f of form(kind).fileIds(v.basic)) ids.add(f);
    for (const r of CONTACT_ROLES) {
      const c = v.contacts[r];
      for (const f of [c.frontFileId, c.backFileId, c.handheldFileId]) if (f) ids.add(f);
    }
  }
  return [...ids];
}

/** A schema / server error path ('data.basic.platforms.0.packageName') → the form path showing it, or null. */
export function filingFormPath(kind: FilingKind, path: string, v?: FilingWizardValues): string | null {
  const p = path.replace(/^data\./, '');
  if (p.startsWith('basic')) return form(kind).formPath(p, (v?.basic ?? form(kind).empty()) as never);
  if (/^(contacts|notice)\./.test(p)) return p;
  return null;
}

/** A message as the user should read it (是/否 questions named). */
export const filingMessageFor = websiteMessageFor;

/** The wizard pre-filled with a stored filing (变更APP / 变更小程序); the 负责人's PII is left out. */
export function filingValuesFromStored(stored: Pick<StoredFiling, 'kind' | 'basic'> & { contacts: Record<(typeof CONTACT_ROLES)[number], Record<string, unknown>> }): FilingWizardValues {
  return {
    basic: form(stored.kind).fromStored(stored.basic as never),
    contacts: contactsFromStored(stored.contacts),
    notice: { agree: false },
  };
}
