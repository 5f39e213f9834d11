/**
 * 变更网站 (SPEC §4.2): the wizard pre-filled with a 已备案 website, a comparison table before
 * submitting, a 变更网站 application while the website is 变更中, and the approved data applied by
 * review. The 公安备案号 is never touched here.
 */
import 'server-only';
import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applicationPending, applications, drafts, files, websiteDomains, websiteIpRanges, websites, type BusinessType } from '@/db/schema';
import { websiteSchema, SITE_TYPES, type WebsiteData, type WebsiteInput } from './schemas';
import { hostToUnicode, parseDomain, registrableDomains } from './domains';
import { maskWebsite, ownedWebsite, parseWebsiteRows, checkBasic, checkContactIdentities, contactFromSubject, type MaskedWebsiteData, type StoredContact, type StoredWebsite } from './service';
import { insertApplication } from '@/lib/applications/service';
import { nextWebsiteStatus, SUBJECT_APPLICATION_TYPES } from '@/lib/applications/rules';
import { typedApplication } from '@/lib/applications/types';
import { isStoredWebsite } from './types';
import { purgeOldDrafts } from '@/lib/drafts/service';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { regionFullName } from '@/lib/regions/regions';
import { LONG_TERM } from '@/lib/subjects/rules';
import { notify } from '@/lib/notify/service';
import { writeAudit } from '@/lib/audit/service';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { AppError } from '@/lib/errors';
import { CONTACT_FILE_LABELS, CONTACT_TITLES, WEBSITE_CHANGE_LABELS } from './labels';

type Contact = WebsiteData['contacts']['securityOwner'];
type Basic = WebsiteData['basic'];
type Role = 'securityOwner' | 'emergencyContact';
type WebsiteRow = typeof websites.$inferSelect;

const ROLES: readonly Role[] = ['securityOwner', 'emergencyContact'];
const PENDING = ['待审核', '审核中', '待面审'] as const;
const LIVE_WEBSITE = ['待审核', '已备案', '变更中', '注销中'] as const;
/** Applications about the subject as a whole block a website change too. */
const SUBJECT_LEVEL: BusinessType[] = [...SUBJECT_APPLICATION_TYPES];

/** Rows of the 变更网站 comparison table: 序号, 变更字段, 变更前, 变更后 (PII masked). */
export type WebsiteChangeRow = { field: string; label: string; before: string; after: string };

/** What a self-filled contact already has on file (the hint "已登记：…，不修改请留空"). */
export type RegisteredContact = { name: string; idType: string; idNumberMasked: string; phoneMasked: string };


/**
 * Contact rows: the card title for the 填写方式, then the title + the form's field name. The national
 * identity token is no row: a switch of 认证方式 shows as such, and a new pass for the same person
 * is no change.
 */
const CONTACT_FIELDS = [
  ['mode', ''],
  ['name', '姓名'],
  ['idType', '证件类型'],
  ['idNumber', '证件号码'],
  ['idExpiry', '证件有效期'],
  ['phone', '手机号码'],
  ['email', '电子邮件地址'],
  ['authMethod', '认证方式'],
  ['frontFileId', CONTACT_FILE_LABELS.frontFileId],
  ['backFileId', CONTACT_FILE_LABELS.backFileId],
  ['handheldFileId', CONTACT_FILE_LABELS.handheldFileId],
] as const;

// ---------------------------------------------------------------------------------------------
// readable values

const fileText = (id: number | null | undefined) => (id ? `已上传（文件 ${id}）` : '');
const fileRef = (id: number | null | undefined) => (id ? `文件 ${id}` : '未上传');
const domainText = (d: string) => {
  const p = parseDomain(d);
  return p.ok ? p.unicode : d;
};
const regionText = (scope: string, region: string | undefined) => (scope === '境外' ? '境外' : region ? regionFullName(region) || region : '');
const providerText = (name: string, scope: string, region: string | undefined) => {
  const where = regionText(scope, region);
  return where ? `${name}（${where}）` : name;
};

function basicValues(b: Basic): Record<keyof typeof WEBSITE_CHANGE_LABELS, string> {
  const regs = registrableDomains(b.domains.map((d) => d.domain));
  return {
    'basic.name': b.name,
    'basic.icpNumber': b.hasIcp === '是' ? b.icpNumber : '无',
    'basic.openDate': b.openDate,
    'basic.domains': b.domains.map((d) => `${domainText(d.domain)}${d.primary ? '（主域名）' : ''}`).join('、'),
    'basic.domainCertificates': regs
      .filter((r) => b.domainCertificates[r])
      .map((r) => `${hostToUnicode(r) ?? r}：${fileRef(b.domainCertificates[r])}`)
      .join('；'),
    'basic.ipRanges': b.ipRanges.map((r) => (r.start === r.end ? r.start : `${r.start} – ${r.end}`)).join('、'),
    'basic.access': providerText(b.accessName, b.accessScope, b.accessRegion),
    'basic.accessMethod': b.accessMethod,
    'basic.registrar': providerText(b.registrarName, b.registrarScope, b.registrarRegion),
    'basic.interactive': b.interactive,
    'basic.siteTypes': b.interactive === '是' ? b.siteTypes.map((c) => SITE_TYPES.find((t) => t.code === c)?.label ?? c).join('、') : '',
    'basic.controlledItems': b.controlled === '是' ? b.controlledItems.map((c) => `${c.item}（资质证明：${fileRef(c.fileId)}）`).join('；') : '否',
    'basic.permits':
      b.permitsNeeded === '是' ? b.permits.map((p) => `${p.item}（许可证号：${p.licenseNumber}；许可证件：${fileRef(p.fileId)}）`).join('；') : '否',
    'basic.languages': b.languages.join('、'),
  };
}

function contactValue(c: StoredContact, key: (typeof CONTACT_FIELDS)[number][0]): string {
  const self = c.mode === '自主填写';
  const files = self && c.authMethod === '文件认证';
  switch (key) {
    case 'mode':
      return c.mode;
    case 'idNumber':
      return c.idNumber?.masked ?? '';
    case 'phone':
      return c.phone?.masked ?? '';
    case 'idExpiry':
      return c.idExpiry === LONG_TERM ? '长期有效' : (c.idExpiry ?? '');
    case 'authMethod':
      return self ? (c.authMethod ?? '') : '';
    case 'frontFileId':
    case 'backFileId':
    case 'handheldFileId':
      return files ? fileText(c[key]) : '';
    default:
      return String(c[key] ?? '');
  }
}

const unseal = (s: { enc: string } | undefined) => (s?.enc ? decryptPii(s.enc) : '');

/** The changed fields between two stored websites, as the comparison table shows them. */
export function diffWebsites(before: StoredWebsite, after: StoredWebsite): WebsiteChangeRow[] {
  const rows: WebsiteChangeRow[] = [];
  const b = basicValues(before.basic);
  const a = basicValues(after.basic);
  for (const field of Object.keys(WEBSITE_CHANGE_LABELS) as (keyof typeof WEBSITE_CHANGE_LABELS)[])
    if (b[field] !== a[field]) rows.push({ field, label: WEBSITE_CHANGE_LABELS[field], before: b[field], after: a[field] });
  return [...rows, ...diffContacts(before.contacts, after.contacts)];
}

type StoredContacts = Record<Role, StoredContact>;

/** The changed rows of the two contacts (any filing object's 负责人 step), titled per object. */
export function diffContacts(before: StoredContacts, after: StoredContacts, titles: Record<Role, string> = CONTACT_TITLES): WebsiteChangeRow[] {
  const rows: WebsiteChangeRow[] = [];
  for (const role of ROLES) {
    const cb = before[role];
    const ca = after[role];
    for (const [key, name] of CONTACT_FIELDS) {
      const bv = contactValue(cb, key);
      const av = contactValue(ca, key);
      // Two numbers can share a masked form: compare the sealed values themselves.
      const piiChanged = (key === 'idNumber' || key === 'phone') && unseal(cb[key]) !== unseal(ca[key]);
      if (bv !== av || piiChanged) rows.push({ field: `contacts.${role}.${key}`, label: `${titles[role]}${name}`, before: bv, after: av });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// loading and checks

const seal = (v: string, mask: (s: string) => string) => ({ enc: encryptPii(v), masked: mask(v) });
const sealContact = (c: Contact): StoredContact => ({ ...c, idNumber: seal(c.idNumber, maskIdNumber), phone: seal(c.phone, maskPhone) });

function fail(fieldErrors: Record<string, string>): never {
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors);
}


function storedOf(w: WebsiteRow): StoredWebsite {
  const d = w.data;
  if (!isStoredWebsite(d) || !d.contacts?.securityOwner || !d.contacts?.emergencyContact)
    throw new AppError('conflict', '该网站没有完整的登记信息，不能在线变更，请联系审核单位');
  return d;
}

/** Undecided applications of this website, or of its subject as a whole. */
function pendingFor(tx: Tx, w: WebsiteRow) {
  return tx
    .select({ id: applications.id, type: applications.type })
    .from(applications)
    .where(
      and(
        inArray(applications.status, [...PENDING]),
        or(eq(applications.websiteId, w.id), and(eq(applications.subjectId, w.subjectId), inArray(applications.type, SUBJECT_LEVEL))),
      ),
    )
    .all();
}

/** A website the user may start a 变更网站 for, or the reason it may not. */
function changeable(tx: Tx, userId: number, websiteId: number) {
  const { w, s } = ownedWebsite(tx, userId, websiteId);
  if (pendingFor(tx, w).length) throw new AppError('conflict', '存在审核中的单据');
  nextWebsiteStatus(w.status, 'change');
  if (s.status !== '有效') throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理变更网站`);
  return { w, s, old: storedOf(w) };
}

export function registeredOf(c: StoredContact): RegisteredContact | null {
  if (c.mode !== '自主填写') return null;
  return { name: c.name ?? '', idType: c.idType ?? '', idNumberMasked: c.idNumber?.masked ?? '', phoneMasked: c.phone?.masked ?? '' };
}

/** The 变更网站 page: the website's current data (PII masked) and its contacts' registered numbers. */
export function loadWebsiteForChange(userId: number, websiteId: number) {
  const { w, s, old } = changeable(getDb(), userId, websiteId);
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    filingNumber: w.filingNumber,
    subjectId: s.id,
    data: maskWebsite(old) as MaskedWebsiteData,
    registered: { securityOwner: registeredOf(old.contacts.securityOwner), emergencyContact: registeredOf(old.contacts.emergencyContact) },
  };
}

/** The newest 变更网站 draft of this website (for "您有一条变更网站的草稿，是否使用"). */
export function latestWebsiteChangeDraft(userId: number, websiteId: number, now = Date.now()) {
  purgeOldDrafts(now);
  return getDb()
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.type, '变更网站'), eq(drafts.websiteId, websiteId)))
    .orderBy(desc(drafts.savedAt), desc(drafts.id))
    .get();
}

/**
 * A self-filled contact's 证件号码 / 手机号码 left empty keep the registered ones — only while it
 * is still the same person (自主填写 before and now, same 姓名 and 证件类型).
 */
export function fillKeptPii<I extends { contacts?: unknown }>(input: I, old: { contacts: StoredContacts }): I {
  if (!input || typeof input !== 'object' || !input.contacts || typeof input.contacts !== 'object') return input;
  const contacts = { ...(input.contacts as WebsiteInput['contacts']) };
  for (const role of ROLES) {
    const c = contacts[role];
    const o = old.contacts[role];
    if (!c || typeof c !== 'object' || c.mode !== '自主填写' || o.mode !== '自主填写') continue;
    if (typeof c.name !== 'string' || c.name.trim() !== o.name || c.idType !== o.idType) continue;
    const blank = (v: unknown) => v == null || (typeof v === 'string' && !v.trim());
    contacts[role] = { ...c, idNumber: blank(c.idNumber) ? unseal(o.idNumber) : c.idNumber, phone: blank(c.phone) ? unseal(o.phone) : c.phone };
  }
  return { ...input, contacts };
}

/** Answers hidden behind a 否 (or 境外) are not kept: they would reappear in a later change. */
function normalizeBasic(b: Basic): Basic {
  const regs = registrableDomains(b.domains.map((d) => d.domain));
  return {
    ...b,
    icpNumber: b.hasIcp === '是' ? b.icpNumber : '',
    domainCertificates: Object.fromEntries(regs.map((r) => [r, b.domainCertificates[r] ?? null])),
    accessRegion: b.accessScope === '境内' ? b.accessRegion : '',
    registrarRegion: b.registrarScope === '境内' ? b.registrarRegion : '',
    siteTypes: b.interactive === '是' ? b.siteTypes : [],
    controlledItems: b.controlled === '是' ? b.controlledItems : [],
    permits: b.permitsNeeded === '是' ? b.permits : [],
  };
}


/** The first of `asciis` held by another live filing. */
function takenByFiling(tx: Tx, websiteId: number, asciis: string[]): string | null {
  const live = tx
    .select({ ascii: websiteDomains.ascii })
    .from(websiteDomains)
    .innerJoin(websites, eq(websites.id, websiteDomains.websiteId))
    .where(and(inArray(websiteDomains.ascii, asciis), inArray(websites.status, [...LIVE_WEBSITE]), ne(websites.id, websiteId)))
    .all();
  return asciis.find((a) => live.some((r) => r.ascii === a)) ?? null;
}

/** The first of `asciis` held by another live filing, or asked for by another website's pending 变更网站. */
function takenDomain(tx: Tx, websiteId: number, asciis: string[]): string | null {
  const filed = takenByFiling(tx, websiteId, asciis);
  if (filed) return filed;
  const changes = tx
    .select({ payload: applications.payload })
    .from(applications)
    .where(and(eq(applications.type, '变更网站'), applicationPending, ne(applications.websiteId, websiteId)))
    .all();
  for (const c of changes) {
    const domains = (c.payload as { website?: { basic?: { domains?: { domain?: unknown }[] } } }).website?.basic?.domains ?? [];
    for (const d of domains) {
      const p = typeof d?.domain === 'string' ? parseDomain(d.domain) : null;
      if (p?.ok && asciis.includes(p.ascii)) return p.ascii;
    }
  }
  return null;
}

function prepareChange(tx: Tx, userId: number, websiteId: number, input: WebsiteInput) {
  const { w, s, old } = changeable(tx, userId, websiteId);
  const parsed = websiteSchema.safeParse(fillKeptPii(input, old));
  if (!parsed.success) fail(fieldErrorsOf(parsed.error));
  const d = parsed.data;
  const b = normalizeBasic(d.basic);
  const interactive = b.interactive === '是';
  const { domainRows } = checkBasic(b, s);
  // After fillKeptPii: a kept 证件号码 is the registered one, so an unchanged contact's pass still holds.
  checkContactIdentities(d.contacts);
  const fromSubject = (c: Contact) => contactFromSubject(c, s);
  const after: StoredWebsite = {
    basic: b,
    contacts: { securityOwner: sealContact(fromSubject(d.contacts.securityOwner)), emergencyContact: sealContact(fromSubject(d.contacts.emergencyContact)) },
    needsAssessment: interactive,
  };

  const fileIds = [
    ...Object.values(b.domainCertificates),
    ...b.controlledItems.map((c) => c.fileId),
    ...b.permits.map((p) => p.fileId),
    ...ROLES.map((r) => after.contacts[r]).flatMap((c) => (c.mode === '自主填写' && c.authMethod === '文件认证' ? [c.frontFileId, c.backFileId, c.handheldFileId] : [])),
  ].filter((v): v is number => !!v);
  if (fileIds.length) {
    const mine = tx.select({ id: files.id }).from(files).where(and(inArray(files.id, fileIds), eq(files.ownerId, userId))).all();
    if (mine.length !== new Set(fileIds).size) throw new AppError('invalid', '上传的文件不存在，请重新上传');
  }

  const asciis = domainRows.map((r) => r!.ascii);
  const taken = takenDomain(tx, w.id, asciis);
  if (taken) {
    const i = asciis.indexOf(taken);
    fail({ [`basic.domains.${i}.domain`]: `域名 ${hostToUnicode(taken) ?? taken} 已备案或正在办理，请勿重复申请` });
  }

  const rows = diffWebsites(old, after);
  if (!rows.length) throw new AppError('invalid', '您未修改任何信息');
  return { w, s, old, after, rows, fileIds, interactive };
}

// ---------------------------------------------------------------------------------------------
// preview, submit, review outcome

/** 提交 of 变更网站 shows this first (validated on the server, masked); nothing is stored. */
export function previewWebsiteChange(userId: number, websiteId: number, input: WebsiteInput): WebsiteChangeRow[] {
  return getDb().transaction((tx) => prepareChange(tx, userId, websiteId, input).rows);
}

/** 确认: one 变更网站 application; the website goes 变更中 and keeps its data and number until approval. */
export function submitWebsiteChange(userId: number, websiteId: number, input: { data: WebsiteInput; draftId?: number | null }, now = Date.now()) {
  return getDb().transaction((tx) => {
    const { w, s, old, after, fileIds, interactive } = prepareChange(tx, userId, websiteId, input.data);
    const status = nextWebsiteStatus(w.status, 'change');
    const moved = tx
      .update(websites)
      .set({ status, updatedAt: now })
      .where(and(eq(websites.id, w.id), eq(websites.status, w.status)))
      .run();
    if (moved.changes !== 1) throw new AppError('conflict', '存在审核中的单据');
    if (fileIds.length) tx.update(files).set({ subjectId: s.id }).where(and(inArray(files.id, fileIds), eq(files.ownerId, userId))).run();
    const app = insertApplication(
      tx,
      {
        type: '变更网站',
        applicantId: userId,
        subjectId: s.id,
        websiteId: w.id,
        queued: true,
        // `name` lets generic application views title it before they render website changes.
        payload: { website: after, name: after.basic.name },
        previous: { website: old },
      },
      now,
    );
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId))).run();
    writeAudit({ actorId: userId, action: 'website.change_submit', objectType: 'application', objectId: app.id, before: { status: w.status }, after: { websiteId: w.id, status } }, tx);
    notify(
      userId,
      {
        type: 'website.change_submitted',
        title: '变更网站申请已提交',
        body: `申请编号 ${app.code}（${w.name}）。审核期间网站保持备案，公安备案号不变。${interactive && !w.interactive ? '变更为交互式网站须通过安全评估。' : ''}`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { applicationId: app.id, code: app.code, websiteId: w.id };
  });
}

/**
 * An approved 变更网站, in the caller's (approving) transaction: the new data, name, domains and IP
 * ranges replace the old ones and the website is 已备案 again with the same 公安备案号.
 */
export function applyApprovedWebsiteChange(tx: Tx, applicationId: number, now = Date.now()) {
  const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
  if (!app || app.type !== '变更网站' || !app.websiteId) throw new AppError('not_found', '申请不存在');
  const w = tx.select().from(websites).where(eq(websites.id, app.websiteId)).get();
  if (!w) throw new AppError('not_found', '网站不存在');
  const a = typedApplication(app);
  const stored = a.type === '变更网站' ? a.payload.website : undefined;
  if (!stored?.basic) throw new AppError('conflict', '变更内容缺失，不能通过');
  const errors: Record<string, string> = {};
  const { domainRows, ipRows } = parseWebsiteRows(stored.basic, errors);
  if (Object.keys(errors).length) throw new AppError('conflict', `变更内容有误：${Object.values(errors)[0]}`);
  // A 新办网站 may have taken a newly added domain while this change was reviewed.
  const taken = takenByFiling(tx, w.id, domainRows.map((r) => r!.ascii));
  if (taken) throw new AppError('conflict', `域名 ${hostToUnicode(taken) ?? taken} 已被其他网站备案或正在办理，不能通过本次变更`);
  const status = nextWebsiteStatus(w.status, 'changeEnded');
  tx.delete(websiteDomains).where(eq(websiteDomains.websiteId, w.id)).run();
  tx.insert(websiteDomains).values(domainRows.map((r) => ({ ...r!, websiteId: w.id }))).run();
  tx.delete(websiteIpRanges).where(eq(websiteIpRanges.websiteId, w.id)).run();
  tx.insert(websiteIpRanges).values(ipRows.map((r) => ({ ...r!, websiteId: w.id }))).run();
  tx.update(websites)
    .set({
      name: stored.basic.name,
      interactive: stored.basic.interactive === '是',
      icpNumber: stored.basic.hasIcp === '是' ? stored.basic.icpNumber : null,
      data: stored,
      status,
      updatedAt: now,
    })
    .where(eq(websites.id, w.id))
    .run();
}

/** A 变更网站 returned or revoked, in the caller's transaction: the website is 已备案 again, unchanged. */
export function endWebsiteChange(tx: Tx, applicationId: number, now = Date.now()) {
  const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
  if (!app || app.type !== '变更网站' || !app.websiteId) throw new AppError('not_found', '申请不存在');
  const w = tx.select({ status: websites.status }).from(websites).where(eq(websites.id, app.websiteId)).get();
  if (!w) throw new AppError('not_found', '网站不存在');
  tx.update(websites).set({ status: nextWebsiteStatus(w.status, 'changeEnded'), updatedAt: now }).where(eq(websites.id, app.websiteId)).run();
}
