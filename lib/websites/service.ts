import 'server-only';
import { and, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { applications, drafts, files, legacyFilings, policeUnits, subjects, websiteDomains, websiteIpRanges, websites } from '@/db/schema';
import { claimableRow } from '@/lib/claims/service';
import { websiteSchema, normalizeContact, NATIONAL_IDENTITY, type WebsiteData, type WebsiteInput } from './schemas';
import { checkWebsiteName } from './naming';
import { namingSubjectOf } from '@/lib/subjects/rules';
import { isStoredWebsite, type SealedValue, type StoredContact, type StoredWebsite } from './types';
import { parseDomain } from './domains';
import { parseIpRange } from './ip-ranges';
import { insertApplication, heldBackSubjectApplication } from '@/lib/applications/service';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskName, maskPhone } from '@/lib/pii/mask';
import { notify } from '@/lib/notify/service';
import { writeAudit } from '@/lib/audit/service';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { AppError } from '@/lib/errors';
import { identityTokenValid } from '@/lib/identity/verifier';

type Contact = WebsiteData['contacts']['securityOwner'];
type Sealed = SealedValue;
export type { StoredContact, StoredWebsite };
export type MaskedContact = Omit<Contact, 'idNumber' | 'phone'> & { idNumber: string; phone: string; idNumberMasked: string; phoneMasked: string };
export type MaskedWebsiteData = { basic: WebsiteData['basic']; contacts: { securityOwner: MaskedContact; emergencyContact: MaskedContact } };

const seal = (v: string, mask: (s: string) => string): Sealed => ({ enc: encryptPii(v), masked: mask(v) });

export function sealContact(c: Contact): StoredContact {
  return { ...c, idNumber: seal(c.idNumber, maskIdNumber), phone: seal(c.phone, maskPhone) };
}

export function maskContact(c: StoredContact): MaskedContact {
  return { ...c, idNumber: c.idNumber.masked, phone: c.phone.masked, idNumberMasked: c.idNumber.masked, phoneMasked: c.phone.masked };
}

/** What pages may show of stored website data: PII masked. */
export function maskWebsite(s: StoredWebsite): MaskedWebsiteData {
  return { basic: s.basic, contacts: { securityOwner: maskContact(s.contacts.securityOwner), emergencyContact: maskContact(s.contacts.emergencyContact) } };
}

function ownedSubject(userId: number, subjectId: number) {
  const s = getDb().select().from(subjects).where(and(eq(subjects.id, subjectId), eq(subjects.ownerId, userId))).get();
  if (!s) throw new AppError('not_found', '主体不存在');
  return s;
}

/** Step 01 开办主体 and the masked 同主体负责人信息 display. */
export function wizardSubject(userId: number, subjectId: number) {
  const s = getDb()
    .select({
      id: subjects.id,
      name: subjects.name,
      nature: subjects.nature,
      unitType: subjects.unitType,
      status: subjects.status,
      unitName: policeUnits.name,
      principalName: subjects.principalName,
      principalIdType: subjects.principalIdType,
      principalIdMasked: subjects.principalIdMasked,
      principalPhoneMasked: subjects.principalPhoneMasked,
      data: subjects.data,
    })
    .from(subjects)
    .leftJoin(policeUnits, eq(policeUnits.id, subjects.unitId))
    .where(and(eq(subjects.id, subjectId), eq(subjects.ownerId, userId)))
    .get();
  if (!s) return null;
  const { principalName, data, ...rest } = s;
  // Only the masked principal name goes to the wizard (it is shown for 同主体负责人信息).
  return { ...rest, principalNameMasked: maskName(principalName), nationalLevel: namingSubjectOf({ ...s, data }).nationalLevel };
}

/** Domain and IP rows as the website tables hold them; bad rows add their field errors. */
export function parseWebsiteRows(b: Pick<WebsiteData['basic'], 'domains' | 'ipRanges'>, errors: Record<string, string>) {
  const domainRows = b.domains.map((x, i) => {
    const p = parseDomain(x.domain);
    if (!p.ok) {
      errors[`basic.domains.${i}.domain`] = p.message;
      return null;
    }
    return { unicode: p.unicode, ascii: p.ascii, registrable: p.registrable, isPrimary: x.primary };
  });
  const ipRows = b.ipRanges.map((r, i) => {
    const p = parseIpRange(r.start, r.end);
    if (!p.ok) {
      errors[`basic.ipRanges.${i}.${p.field}`] = p.message;
      return null;
    }
    return { startIp: p.start, endIp: p.end, family: p.family };
  });
  return { domainRows, ipRows };
}

/**
 * 下一步 of step 02 (网站基本信息): the domains already held by a live filing (已备案, or an
 * application in progress), as field errors on `basic.domains.<i>.domain`, so the applicant learns
 * it before 提示说明 and its countdown. 变更网站 passes its own website, whose domains are its own.
 * Unparsable domains are left to the form's own checks; 提交 checks everything again.
 */
export function domainsInUse(userId: number, domains: string[], exceptWebsiteId: number | null = null): Record<string, string> {
  const db = getDb();
  if (exceptWebsiteId != null) ownedWebsite(db, userId, exceptWebsiteId);
  const parsed = domains.slice(0, 50).map((d) => parseDomain(d));
  const asciis = parsed.flatMap((p) => (p.ok ? [p.ascii] : []));
  if (!asciis.length) return {};
  const live = db
    .select({ ascii: websiteDomains.ascii })
    .from(websiteDomains)
    .innerJoin(websites, eq(websites.id, websiteDomains.websiteId))
    .where(and(inArray(websiteDomains.ascii, asciis), inArray(websites.status, [...LIVE_WEBSITE]), exceptWebsiteId != null ? ne(websites.id, exceptWebsiteId) : undefined))
    .all();
  const taken = new Set(live.map((r) => r.ascii));
  const errors: Record<string, string> = {};
  parsed.forEach((p, i) => {
    if (p.ok && taken.has(p.ascii)) errors[`basic.domains.${i}.domain`] = `域名 ${p.unicode} 已备案或正在办理，请勿重复申请`;
  });
  return errors;
}

/** One of the user's websites with its subject (anyone else's is "not found"). */
export function ownedWebsite(tx: Tx, userId: number, websiteId: number) {
  const row = tx
    .select({ w: websites, s: subjects })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .where(eq(websites.id, websiteId))
    .get();
  if (!row) throw new AppError('not_found', '网站不存在');
  return row;
}

/**
 * The naming rules (with the subject as context) and the domain / IP rows of 网站基本信息,
 * failing with every field error at once.
 */
export function checkBasic(b: WebsiteData['basic'], s: Pick<typeof subjects.$inferSelect, 'nature' | 'unitType' | 'status' | 'data'>) {
  const interactive = b.interactive === '是';
  const permits = b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : [];
  const errors: Record<string, string> = {};
  for (const v of checkWebsiteName({ name: b.name, domains: b.domains.map((x) => x.domain), subject: namingSubjectOf(s), permits, interactive }))
    errors[v.field === 'name' ? 'basic.name' : 'basic.domains'] ??= v.message;
  const rows = parseWebsiteRows(b, errors);
  if (Object.keys(errors).length) fail(errors);
  return rows;
}

/**
 * A contact as it is stored: 同主体负责人信息 copied from the subject principal on the server (never
 * through the browser); a self-filled one keeps only what its 认证方式 uses (images or token).
 */
export function contactFromSubject(c: Contact, s: typeof subjects.$inferSelect): Contact {
  if (c.mode !== '同主体负责人信息') return normalizeContact(c);
  return {
    ...c,
    name: s.principalName,
    idType: s.principalIdType as Contact['idType'],
    idNumber: decryptPii(s.principalIdEnc),
    phone: decryptPii(s.principalPhoneEnc),
    idExpiry: '',
    email: (s.data as { principalEmail?: string }).principalEmail ?? '',
    authMethod: undefined,
    frontFileId: null,
    backFileId: null,
    handheldFileId: null,
    identityToken: '',
  };
}

export const IDENTITY_EXPIRED = '国家网络身份认证已失效，请重新认证';

/**
 * A self-filled contact with 国家网络身份认证公共服务认证 must bring a pass bound to its own 姓名,
 * 证件类型 and 证件号码 (the full, server-side values): a made-up token, or one for somebody else
 * or for numbers changed since, is refused on `contacts.<role>.identityToken`.
 */
export function checkContactIdentities(contacts: WebsiteData['contacts']) {
  const errors: Record<string, string> = {};
  for (const role of ['securityOwner', 'emergencyContact'] as const) {
    const c = contacts[role];
    if (c.mode !== '自主填写' || c.authMethod !== NATIONAL_IDENTITY) continue;
    if (!identityTokenValid({ name: c.name, idType: c.idType ?? '', idNumber: c.idNumber }, c.identityToken)) errors[`contacts.${role}.identityToken`] = IDENTITY_EXPIRED;
  }
  if (Object.keys(errors).length) fail(errors);
}

const FILABLE_SUBJECT = ['待审核', '有效'];
const LIVE_WEBSITE = ['待审核', '已备案', '变更中', '注销中'] as const;

function fail(fieldErrors: Record<string, string>): never {
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors);
}

/**
 * 新办网站申请. A 新增主体 still held back is released with it as one bundle (the subject is
 * decided first); an interactive website is marked as needing an approved 安全评估.
 * With `claim` (a legacy filing's id) it is a 网站认领 of that filing instead, which holds the row
 * until it is decided (SPEC §8.3).
 */
export function submitNewWebsite(
  userId: number,
  subjectId: number,
  input: WebsiteInput,
  opts: { draftId?: number | null; claim?: number | null } = {},
  now = Date.now(),
) {
  const parsed = websiteSchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error));
  const d = parsed.data;
  const s = ownedSubject(userId, subjectId);
  if (!FILABLE_SUBJECT.includes(s.status)) throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理新办网站申请`);
  const b = d.basic;
  const interactive = b.interactive === '是';
  const { domainRows, ipRows } = checkBasic(b, s);
  checkContactIdentities(d.contacts);
  const fromSubject = (c: Contact) => contactFromSubject(c, s);
  const stored: StoredWebsite = {
    basic: b,
    contacts: { securityOwner: sealContact(fromSubject(d.contacts.securityOwner)), emergencyContact: sealContact(fromSubject(d.contacts.emergencyContact)) },
    needsAssessment: interactive,
  };

  const fileIds = [
    ...Object.values(b.domainCertificates),
    ...b.controlledItems.map((c) => c.fileId),
    ...b.permits.map((p) => p.fileId),
    ...[stored.contacts.securityOwner, stored.contacts.emergencyContact].flatMap((c) => [c.frontFileId, c.backFileId, c.handheldFileId]),
  ].filter((v): v is number => !!v);

  return getDb().transaction((tx) => {
    // Checked again here: two claims of one row cannot both pass.
    const legacy = opts.claim ? claimableRow(tx, userId, opts.claim) : null;
    if (fileIds.length) {
      const mine = tx.select({ id: files.id }).from(files).where(and(inArray(files.id, fileIds), eq(files.ownerId, userId))).all();
      if (mine.length !== new Set(fileIds).size) throw new AppError('invalid', '上传的文件不存在，请重新上传');
      tx.update(files).set({ subjectId }).where(inArray(files.id, fileIds)).run();
    }
    // A domain may belong to one live filing only.
    const asciis = domainRows.map((r) => r!.ascii);
    const taken = tx
      .select({ ascii: websiteDomains.ascii, unicode: websiteDomains.unicode })
      .from(websiteDomains)
      .innerJoin(websites, eq(websites.id, websiteDomains.websiteId))
      .where(and(inArray(websiteDomains.ascii, asciis), inArray(websites.status, [...LIVE_WEBSITE])))
      .all();
    if (taken.length) {
      const i = asciis.indexOf(taken[0].ascii);
      fail({ [`basic.domains.${i}.domain`]: `域名 ${taken[0].unicode} 已备案或正在办理，请勿重复申请` });
    }
    const w = tx
      .insert(websites)
      .values({
        subjectId,
        name: b.name,
        status: '待审核',
        interactive,
        icpNumber: b.hasIcp === '是' ? b.icpNumber : null,
        data: stored,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: websites.id })
      .get();
    tx.insert(websiteDomains).values(domainRows.map((r) => ({ ...r!, websiteId: w.id }))).run();
    tx.insert(websiteIpRanges).values(ipRows.map((r) => ({ ...r!, websiteId: w.id }))).run();
    const held = heldBackSubjectApplication(userId, subjectId);
    const bundleId = held ? `B${held.id}` : null;
    // Released now: its 办理时限 counts from today (filled in by the queue, lib/review/due.ts).
    if (held) tx.update(applications).set({ queued: true, bundleId, queuedAt: now, dueAt: null }).where(eq(applications.id, held.id)).run();
    const base = { applicantId: userId, subjectId, websiteId: w.id, bundleId, queued: true };
    const primary = b.domains.find((x) => x.primary)?.domain ?? b.domains[0]?.domain ?? '';
    const app = legacy
      ? insertApplication(
          tx,
          { ...base, type: '网站认领', payload: { website: stored, legacyId: legacy.id, oldNumber: legacy.oldNumber, websiteName: b.name, domain: primary } },
          now,
        )
      : insertApplication(tx, { ...base, type: '新办网站', payload: { website: stored } }, now);
    if (legacy) tx.update(legacyFilings).set({ claimApplicationId: app.id }).where(eq(legacyFilings.id, legacy.id)).run();
    if (opts.draftId) tx.delete(drafts).where(and(eq(drafts.id, opts.draftId), eq(drafts.userId, userId))).run();
    writeAudit(
      { actorId: userId, action: legacy ? 'website.claim' : 'website.submit', objectType: 'application', objectId: app.id, after: { websiteId: w.id, bundleId, legacyId: legacy?.id } },
      tx,
    );
    notify(
      userId,
      {
        type: 'website.submitted',
        title: legacy ? '网站认领申请已提交' : '新办网站申请已提交',
        body: `申请编号 ${app.code}（${b.name}）。${held ? '开办主体将与本网站一并审核。' : ''}${interactive ? '交互式网站须通过安全评估并经面审或实地检查后方可备案。' : ''}`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { applicationId: app.id, code: app.code, websiteId: w.id };
  });
}

/** The websites of one of the user's subjects, newest first, with the 主域名. */
export function listMyWebsites(userId: number, subjectId: number) {
  return myWebsites().all({ userId, subjectId });
}

const myWebsites = preparedQuery((db) =>
  db
    .select({
      id: websites.id,
      name: websites.name,
      status: websites.status,
      filingNumber: websites.filingNumber,
      filedAt: websites.filedAt,
      icpNumber: websites.icpNumber,
      domain: websiteDomains.unicode,
      createdAt: websites.createdAt,
    })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, sql.placeholder('userId'))))
    .leftJoin(websiteDomains, and(eq(websiteDomains.websiteId, websites.id), eq(websiteDomains.isPrimary, true)))
    .where(and(eq(websites.subjectId, sql.placeholder('subjectId')), notInArray(websites.status, ['已退回'])))
    .orderBy(desc(websites.createdAt), desc(websites.id))
    .prepare(),
);

/** One of the user's websites for its detail page (PII masked). */
export function getWebsiteView(userId: number, websiteId: number) {
  const row = getDb()
    .select({ w: websites, subjectName: subjects.name, unitName: policeUnits.name })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .leftJoin(policeUnits, eq(policeUnits.id, subjects.unitId))
    .where(eq(websites.id, websiteId))
    .get();
  if (!row) throw new AppError('not_found', '网站不存在');
  const w = row.w;
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    interactive: w.interactive,
    filingNumber: w.filingNumber,
    filedAt: w.filedAt,
    icpNumber: w.icpNumber,
    subjectName: row.subjectName,
    unitName: row.unitName,
    data: isStoredWebsite(w.data) ? maskWebsite(w.data) : null,
  };
}
