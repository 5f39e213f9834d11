/**
 * The 新办网站申请 wizard's form values and how they map to the website schema, to drafts and
 * to error paths. Pure: shared by the page and the action (server) and the wizard (browser).
 */
import {
  ACCESS_METHODS,
  CONTACT_AUTH_METHODS,
  CONTACT_MODES,
  type WebsiteInput,
} from '@/lib/websites/schemas';
import { hostToUnicode, registrableDomains } from '@/lib/websites/domains';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { CONTACT_PREFIX, CONTACT_TITLES, type ContactRole } from './labels';
import { websiteObject } from '@/lib/objects/website';
import { date, fileId, list, obj, oneOf, orUndefined, region, scope, text, yesNo, type Scope, type YesNo } from '@/lib/forms/draft-values';
import { emptyServiceValues, serviceFileIds, serviceInput, serviceValuesOf, SERVICE_CHOOSE_MESSAGES, type ServiceFormValues } from '@/lib/forms/service-values';

export type { YesNo, Scope };
export type ContactMode = (typeof CONTACT_MODES)[number];

export type WizardContact = {
  mode: ContactMode;
  name: string;
  idType: string;
  idNumber: string;
  idExpiry: string;
  phone: string;
  email: string;
  authMethod: string;
  frontFileId: number | null;
  backFileId: number | null;
  handheldFileId: number | null;
  /**
   * 国家网络身份认证公共服务认证: the pass the server bound to 姓名 / 证件类型 / 证件号码. Cleared when
   * they change; never kept in a draft (it vouches for the 证件号码 a draft does not hold).
   */
  identityToken: string;
};

/** What the inputs hold: strings ('' = not chosen), booleans and file ids. */
export type WizardValues = {
  basic: {
    name: string;
    hasIcp: YesNo;
    icpNumber: string;
    openDate: string;
    domains: { domain: string; primary: boolean }[];
    /**
     * One 域名证书 per registrable domain (ASCII). Kept as a list, not a record keyed by domain:
     * react-hook-form paths split on dots. Entries stay when a domain is edited away, so an
     * uploaded certificate survives a typo; only those of the current domains are submitted.
     */
    certificates: { registrable: string; fileId: number | null }[];
    ipRanges: { start: string; end: string }[];
    accessScope: Scope;
    accessRegion: string;
    accessName: string;
    accessMethod: string;
    registrarScope: Scope;
    registrarRegion: string;
    registrarName: string;
  } & ServiceFormValues;
  contacts: { securityOwner: WizardContact; emergencyContact: WizardContact };
  notice: { agree: boolean };
};

export type { ContactRole };
export const CONTACT_ROLES: readonly ContactRole[] = ['securityOwner', 'emergencyContact'];
/** Card titles and the prefix that keeps every label on the page unique. */
export { CONTACT_TITLES, CONTACT_PREFIX };

/** The 步骤条 of the website wizard: the 网站 object type's steps. */
export const WIZARD_STEPS: readonly string[] = websiteObject.steps.map((s) => s.title);
export type WizardStep = 1 | 2 | 3 | 4;

/** 认证方式 offered for self-filled website contacts: 文件认证 or 国家网络身份认证公共服务认证. */
export { CONTACT_AUTH_METHODS };

export const EMPTY_CONTACT: WizardContact = {
  mode: '自主填写',
  name: '',
  idType: '居民身份证',
  idNumber: '',
  idExpiry: '',
  phone: '',
  email: '',
  authMethod: '文件认证',
  frontFileId: null,
  backFileId: null,
  handheldFileId: null,
  identityToken: '',
};

export function emptyWizardValues(): WizardValues {
  return {
    basic: {
      name: '',
      hasIcp: '',
      icpNumber: '',
      openDate: '',
      domains: [{ domain: '', primary: true }],
      certificates: [],
      ipRanges: [{ start: '', end: '' }],
      accessScope: '境内',
      accessRegion: '',
      accessName: '',
      accessMethod: '',
      registrarScope: '境内',
      registrarRegion: '',
      registrarName: '',
      ...emptyServiceValues(),
    },
    contacts: { securityOwner: { ...EMPTY_CONTACT }, emergencyContact: { ...EMPTY_CONTACT } },
    notice: { agree: false },
  };
}

/** 网站名称 and 网站域名 given (未备案网站 pushed by the office, or the old filing of 网站认领). */
export function prefillNameAndDomain(v: WizardValues, row: { name: string; domain: string }): WizardValues {
  return { ...v, basic: { ...v.basic, name: row.name, domains: [{ domain: row.domain, primary: true }] } };
}

// ---------------------------------------------------------------------------------------------
// form values → schema input

/** A contact's schema input: 同主体负责人信息 sends nothing typed; hidden files and passes are left out. */
export function contactInput(c: WizardContact) {
  // 同主体负责人信息: the server copies the subject principal; nothing typed is sent.
  if (c.mode === '同主体负责人信息') return { mode: c.mode };
  const files = c.authMethod === '文件认证';
  return {
    mode: c.mode,
    name: c.name,
    idType: orUndefined<(typeof ID_TYPES)[number]>(c.idType),
    idNumber: c.idNumber,
    idExpiry: c.idExpiry,
    phone: c.phone,
    email: c.email,
    authMethod: orUndefined<(typeof CONTACT_AUTH_METHODS)[number]>(c.authMethod),
    frontFileId: files ? c.frontFileId : null,
    backFileId: files ? c.backFileId : null,
    handheldFileId: files ? c.handheldFileId : null,
    identityToken: c.authMethod === '国家网络身份认证公共服务认证' ? c.identityToken : '',
  };
}

/** Current registrable domains (ASCII) of the 网站域名 rows. */
export function currentRegistrables(v: WizardValues): string[] {
  return registrableDomains(v.basic.domains.map((d) => d.domain));
}

/**
 * Form values → the website schema's input. Answers hidden by a 否 (or 境外) are left out, but
 * stay in the form so switching back restores them.
 */
export function toWebsiteInput(v: WizardValues): WebsiteInput {
  const b = v.basic;
  const certificates = Object.fromEntries(currentRegistrables(v).map((r) => [r, b.certificates.find((c) => c.registrable === r)?.fileId ?? null]));
  const input = {
    basic: {
      name: b.name,
      hasIcp: orUndefined(b.hasIcp),
      icpNumber: b.hasIcp === '是' ? b.icpNumber : '',
      openDate: b.openDate,
      domains: b.domains.map((d) => ({ domain: d.domain, primary: d.primary })),
      domainCertificates: certificates,
      ipRanges: b.ipRanges.map((r) => ({ start: r.start, end: r.end })),
      accessScope: b.accessScope,
      accessRegion: b.accessScope === '境内' ? b.accessRegion : '',
      accessName: b.accessName,
      accessMethod: orUndefined(b.accessMethod),
      registrarScope: b.registrarScope,
      registrarRegion: b.registrarScope === '境内' ? b.registrarRegion : '',
      registrarName: b.registrarName,
      ...serviceInput(b),
    },
    contacts: { securityOwner: contactInput(v.contacts.securityOwner), emergencyContact: contactInput(v.contacts.emergencyContact) },
    notice: { agree: v.notice.agree },
  };
  // Unchosen answers ('' → undefined) are the schema's own "请选择…" errors.
  return input as WebsiteInput;
}

// ---------------------------------------------------------------------------------------------
// error paths

/** Arrays of rows whose list-level errors go to `.root` (the rows carry their own). */
const ROW_ARRAYS = ['basic.domains', 'basic.ipRanges', 'basic.controlledItems', 'basic.permits'];

/**
 * A schema / server error path ('data.basic.domainCertificates.example.com', 'basic.domains.0.domain')
 * → the form path it is shown on, or null when no field shows it.
 */
export function formPathOf(path: string, v: WizardValues): string | null {
  const p = path.replace(/^data\./, '');
  const certPrefix = 'basic.domainCertificates.';
  if (p.startsWith(certPrefix)) {
    const i = v.basic.certificates.findIndex((c) => c.registrable === p.slice(certPrefix.length));
    return i >= 0 ? `basic.certificates.${i}.fileId` : 'basic.domains.root';
  }
  if (p === 'basic.domainCertificates') return 'basic.domains.root';
  if (ROW_ARRAYS.includes(p)) return `${p}.root`;
  if (/^(basic|contacts|notice)\./.test(p)) return p;
  return null;
}

const CHOOSE_MESSAGES = SERVICE_CHOOSE_MESSAGES;

/** A message as the user should read it: 是/否 questions named, punycode domains in Unicode. */
export function messageFor(formPath: string, message: string): string {
  if (message === '请选择') return CHOOSE_MESSAGES[formPath] ?? message;
  return message.includes('xn--') ? message.replace(/[a-z0-9.-]*xn--[a-z0-9.-]*/gi, (host) => hostToUnicode(host) ?? host) : message;
}

/** The wizard step showing a form path. */
export function stepOfPath(path: string): WizardStep {
  if (path.startsWith('basic')) return 2;
  if (path.startsWith('contacts')) return 3;
  if (path.startsWith('notice')) return 4;
  return 1;
}

/** DOM id of the control for a form path ('basic.domains.0.domain' → 'basic-domains-0-domain'). */
export function idOf(path: string): string {
  return path.replace(/\./g, '-');
}

// ---------------------------------------------------------------------------------------------
// drafts

/** Never stored in a draft: the self-filled contacts' 证件号码 and 手机号码, and the identity pass vouching for them. */
export const DRAFT_DROPPED_CONTACT_FIELDS = ['idNumber', 'phone', 'identityToken'] as const;

/** What 保存草稿 stores: the form without PII and without 我已阅读, plus the step reached. */
export function draftPayload(v: WizardValues, step: WizardStep): Record<string, unknown> {
  const contact = (c: WizardContact) => {
    const out: Record<string, unknown> = { ...c };
    for (const k of DRAFT_DROPPED_CONTACT_FIELDS) delete out[k];
    return out;
  };
  return {
    basic: v.basic,
    contacts: { securityOwner: contact(v.contacts.securityOwner), emergencyContact: contact(v.contacts.emergencyContact) },
    step,
  };
}

/** A contact of a saved draft: PII and identity passes always empty. */
export function contactOf(src: unknown): WizardContact {
  const c = obj(src);
  return {
    mode: oneOf(CONTACT_MODES, c.mode) || '自主填写',
    name: text(c.name, 50),
    idType: oneOf(ID_TYPES, c.idType) || '居民身份证',
    idNumber: '',
    idExpiry: date(c.idExpiry),
    phone: '',
    email: text(c.email, 100),
    authMethod: oneOf(CONTACT_AUTH_METHODS, c.authMethod) || '文件认证',
    frontFileId: fileId(c.frontFileId),
    backFileId: fileId(c.backFileId),
    handheldFileId: fileId(c.handheldFileId),
    // Drafts never hold a pass (see DRAFT_DROPPED_CONTACT_FIELDS): national identity is verified again.
    identityToken: '',
  };
}

/**
 * Form values from a saved draft (or anything shaped like one): unknown keys dropped, wrong
 * types emptied, and the PII fields and identity passes always empty.
 */
export function toWizardValues(src: unknown): WizardValues {
  const e = emptyWizardValues();
  const d = obj(src);
  const b = obj(d.basic);
  const contacts = obj(d.contacts);

  const domains = list(b.domains).map((x) => ({ domain: text(obj(x).domain, 253), primary: obj(x).primary === true }));
  if (!domains.length) domains.push(...e.basic.domains);
  const firstPrimary = domains.findIndex((x) => x.primary);
  domains.forEach((x, i) => (x.primary = i === (firstPrimary < 0 ? 0 : firstPrimary)));
  const ipRanges = list(b.ipRanges).map((x) => ({ start: text(obj(x).start, 64), end: text(obj(x).end, 64) }));
  if (!ipRanges.length) ipRanges.push(...e.basic.ipRanges);

  return {
    basic: {
      name: text(b.name, 50),
      hasIcp: yesNo(b.hasIcp),
      icpNumber: text(b.icpNumber, 40),
      openDate: date(b.openDate),
      domains,
      certificates: list(b.certificates)
        .map(obj)
        .filter((c) => typeof c.registrable === 'string' && c.registrable.length <= 253)
        .map((c) => ({ registrable: c.registrable as string, fileId: fileId(c.fileId) })),
      ipRanges,
      accessScope: scope(b.accessScope),
      accessRegion: region(b.accessRegion),
      accessName: text(b.accessName, 100),
      accessMethod: oneOf(ACCESS_METHODS, b.accessMethod),
      registrarScope: scope(b.registrarScope),
      registrarRegion: region(b.registrarRegion),
      registrarName: text(b.registrarName, 100),
      ...serviceValuesOf(b),
    },
    contacts: { securityOwner: contactOf(contacts.securityOwner), emergencyContact: contactOf(contacts.emergencyContact) },
    notice: { agree: false },
  };
}

export type RestoredWizardDraft = { id: number; savedAt: number; values: WizardValues; step: WizardStep };

export function restoreWizardDraft(d: { id: number; savedAt: number; data: Record<string, unknown> }): RestoredWizardDraft {
  const s = d.data.step;
  const step: WizardStep = s === 2 || s === 3 || s === 4 ? s : 1;
  return { id: d.id, savedAt: d.savedAt, values: toWizardValues(d.data), step };
}

/** Every file id the values refer to (for the upload fields' display data). */
export function wizardFileIds(...sets: (WizardValues | null | undefined)[]): number[] {
  const ids = new Set<number>();
  for (const v of sets) {
    if (!v) continue;
    for (const c of v.basic.certificates) if (c.fileId) ids.add(c.fileId);
    for (const f of serviceFileIds(v.basic)) ids.add(f);
    for (const r of CONTACT_ROLES) {
      const c = v.contacts[r];
      for (const f of [c.frontFileId, c.backFileId, c.handheldFileId]) if (f) ids.add(f);
    }
  }
  return [...ids];
}

/** What the wizard shows of the current subject (step 01, 同主体负责人信息): PII masked by the page. */
export type WizardSubjectView = {
  id: number;
  name: string;
  nature: '个人' | '单位';
  unitType: string | null;
  status: string;
  /** Approved as 中央/国家级单位 (SPEC §11.3): may use 中国, 国家, 人民… in names. */
  nationalLevel: boolean;
  unitName: string | null;
  principalNameMasked: string;
  principalIdType: string;
  principalIdMasked: string;
  principalPhoneMasked: string;
};

// ---------------------------------------------------------------------------------------------
// 变更网站

/**
 * What a self-filled contact of the website being changed has on file: its inputs for 证件号码 and
 * 手机号码 start empty ("已登记：…，不修改请留空") and the server keeps the registered numbers.
 */
export type RegisteredContact = { name: string; idType: string; idNumberMasked: string; phoneMasked: string };
export type RegisteredContacts = Partial<Record<ContactRole, RegisteredContact | null>>;

/**
 * Empty 证件号码 / 手机号码 keep the registered ones while it is the same person: still 自主填写,
 * same 姓名 and 证件类型 (the server applies the same rule).
 */
export function keepsRegisteredPii(c: Pick<WizardContact, 'mode' | 'name' | 'idType'>, r: RegisteredContact | null | undefined): r is RegisteredContact {
  return !!r && c.mode === '自主填写' && c.name.trim() === r.name && c.idType === r.idType;
}

/**
 * The wizard pre-filled with a website's stored data (PII masked by the caller, and left out here).
 * A registered national-identity contact keeps its pass: with the registered 证件号码 kept, the
 * server finds it still bound to the same person (and the form drops it if 姓名 / 证件 change).
 */
export function wizardValuesFromWebsite(data: { basic: Record<string, unknown> & { domainCertificates?: Record<string, number | null | undefined> }; contacts: Record<ContactRole, Record<string, unknown>> }): WizardValues {
  const certificates = Object.entries(data.basic.domainCertificates ?? {}).map(([registrable, fileId]) => ({ registrable, fileId: fileId ?? null }));
  const values = toWizardValues({ basic: { ...data.basic, certificates } });
  values.contacts = contactsFromStored(data.contacts);
  return values;
}

/**
 * The 负责人 of a stored object as the wizard holds them (any object type: they are the website's).
 * 同主体负责人信息 carries the subject principal's data: switching to 自主填写 starts empty. A
 * registered national-identity contact keeps its pass (see wizardValuesFromWebsite).
 */
export function contactsFromStored(contacts: Record<ContactRole, Record<string, unknown>>): WizardValues['contacts'] {
  const out = {} as WizardValues['contacts'];
  for (const role of CONTACT_ROLES) {
    const c = contacts[role];
    const v = contactOf(c.mode === '同主体负责人信息' ? { ...EMPTY_CONTACT, mode: c.mode } : c);
    if (v.mode === '自主填写' && v.authMethod === '国家网络身份认证公共服务认证') v.identityToken = text(c.identityToken, 1000);
    out[role] = v;
  }
  return out;
}

const PII_PATH = /^contacts\.(securityOwner|emergencyContact)\.(idNumber|phone)$/;

/** A change: an empty 证件号码 / 手机号码 of a registered contact (form path) means "keep" and is no error. */
export function keptPii(path: string, contacts: WizardValues['contacts'], registered: RegisteredContacts | undefined): boolean {
  const m = registered && PII_PATH.exec(path);
  if (!m) return false;
  const role = m[1] as ContactRole;
  const c = contacts[role];
  return !c[m[2] as 'idNumber' | 'phone'].trim() && keepsRegisteredPii(c, registered[role]);
}

/** What the wizard says once a draft is used: which 负责人 numbers must be typed again. `object`: 网站, APP… */
export function restoredDraftNotice(contacts: WizardValues['contacts'], change: boolean, object: string): string {
  const selfFilled = CONTACT_ROLES.filter((r) => contacts[r].mode === '自主填写');
  if (!selfFilled.length) return '已使用草稿。';
  const national = selfFilled.some((r) => contacts[r].authMethod === '国家网络身份认证公共服务认证') ? '选择国家网络身份认证的负责人需重新认证。' : '';
  return change
    ? `已使用草稿。草稿不保存${object}负责人的证件号码和手机号码：已登记的号码不修改请留空，其他请重新填写。${national}`
    : `已使用草稿。草稿不保存${object}负责人的证件号码和手机号码，请重新填写。${national}`;
}
