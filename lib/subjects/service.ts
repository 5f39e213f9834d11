import 'server-only';
import { cache } from 'react';
import { and, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { applications, assessments, drafts, files, filings, policeUnits, subjects, subjectTransfers, users, websites } from '@/db/schema';
import { syncProviderDirectory } from '@/lib/service-providers/directory';
import { unitName } from '@/lib/units/service';
import { subjectSchema, normalizeSubject, subjectName, jurisdictionOf, type SubjectInput, type SubjectData } from './schemas';
import { SUBJECT_FIELD_LABELS, type SubjectField } from './labels';
import { sealSubject, unsealSubject, maskedSubject, type StoredSubject } from './pii';
import { subjectDisplayValue } from './display';
import { insertApplication, unitForCounty, pendingApplicationsOf } from '@/lib/applications/service';
import { nextApplicationStatus, nextSubjectStatus, nextWebsiteStatus } from '@/lib/applications/rules';
import { payloadOf, typedApplication } from '@/lib/applications/types';
import { encryptPii, decryptPii, hmacPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone, phoneMiddleFour } from '@/lib/pii/mask';
import { normalizeIdNumber, idNumberError, mobileError } from '@/lib/validation/identifiers';
import { sendSmsCode, verifySmsCode } from '@/lib/notify/codes';
import { notify } from '@/lib/notify/service';
import { writeAudit } from '@/lib/audit/service';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { AppError } from '@/lib/errors';
import { identityTokenValid } from '@/lib/identity/verifier';
import { orgCredentialValid } from '@/lib/identity/org-verifier';

const ORG_CREDENTIAL_EXPIRED = '机关事业单位网络身份认证凭证已失效，请重新认证';

const FILE_FIELDS = ['orgCertFileId', 'idFrontFileId', 'idBackFileId', 'idHandheldFileId'] as const;
const ACTIVE_STATUSES = ['有效', '变更中', '注销中', '移交中'] as const;

/** Where empty 负责人证件号码 / 负责人手机号码 are taken from (they never travel to the browser). */
export type PiiSource = { kind: 'account' } | { kind: 'subject'; id: number } | { kind: 'application'; id: number };

function ownedSubject(tx: Tx, userId: number, subjectId: number) {
  const s = tx.select().from(subjects).where(and(eq(subjects.id, subjectId), eq(subjects.ownerId, userId))).get();
  if (!s) throw new AppError('not_found', '主体不存在');
  return s;
}

function storedOf(s: typeof subjects.$inferSelect): StoredSubject {
  return s.data;
}

/** Fills the PII the form left empty from its source, then validates the whole subject. */
function completeSubject(tx: Tx, userId: number, input: SubjectInput, source: PiiSource | null, sameAsAccount: boolean): SubjectData {
  const data: SubjectInput = { ...input };
  if (sameAsAccount) {
    const u = tx.select().from(users).where(eq(users.id, userId)).get()!;
    // A 法人 account is an organisation: its 同当前账号信息 fills 主办单位信息, never the 负责人.
    if (u.idType === '统一社会信用代码') throw new AppError('invalid', '法人账号请填写负责人信息', { principalName: '法人账号请填写负责人信息' });
    data.principalName = u.name;
    data.principalIdType = (u.idType ?? '居民身份证') as SubjectInput['principalIdType'];
    data.principalIdNumber = u.idNumberEnc ? decryptPii(u.idNumberEnc) : '';
    data.principalPhone = decryptPii(u.phoneEnc);
  } else if (source && (!data.principalIdNumber || !data.principalPhone)) {
    let from: SubjectData | null = null;
    if (source.kind === 'subject') from = unsealSubject(storedOf(ownedSubject(tx, userId, source.id)));
    if (source.kind === 'application') {
      const app = tx.select().from(applications).where(and(eq(applications.id, source.id), eq(applications.applicantId, userId))).get();
      if (!app) throw new AppError('not_found', '申请不存在');
      const a = typedApplication(app);
      from = a.type === '新增主体' || a.type === '变更主体' ? unsealSubject(a.payload) : null;
    }
    if (from) {
      data.principalIdNumber ||= from.principalIdNumber;
      data.principalPhone ||= from.principalPhone;
    }
  }
  const parsed = subjectSchema.safeParse(data);
  if (!parsed.success) {
    const fe = fieldErrorsOf(parsed.error);
    throw new AppError('invalid', Object.values(fe)[0] ?? '请检查填写的内容', fe);
  }
  const full = normalizeSubject(parsed.data);
  if (
    full.authMethod === '国家网络身份认证公共服务认证' &&
    !identityTokenValid({ name: full.principalName, idType: full.principalIdType, idNumber: full.principalIdNumber }, full.identityToken)
  )
    throw new AppError('invalid', '国家网络身份认证已失效，请重新认证', { identityToken: '国家网络身份认证已失效，请重新认证' });
  if (
    full.orgCredentialToken &&
    !orgCredentialValid({ orgName: full.orgName ?? '', orgCertType: full.orgCertType ?? '', orgCertNumber: full.orgCertNumber ?? '', legalRepName: full.legalRepName ?? '' }, full.orgCredentialToken)
  )
    throw new AppError('invalid', ORG_CREDENTIAL_EXPIRED, { orgCredentialToken: ORG_CREDENTIAL_EXPIRED });
  const ids = FILE_FIELDS.map((f) => full[f]).filter((v): v is number => !!v);
  if (ids.length) {
    const mine = new Set(tx.select({ id: files.id }).from(files).where(and(inArray(files.id, ids), eq(files.ownerId, userId))).all().map((r) => r.id));
    for (const f of FILE_FIELDS) {
      const id = full[f];
      if (id && !mine.has(id)) throw new AppError('invalid', '上传的文件不存在，请重新上传', { [f]: '上传的文件不存在，请重新上传' });
    }
  }
  return full;
}

/** Writes a subject's searchable columns and sealed data. */
export function subjectColumns(d: SubjectData) {
  const cert = d.nature === '单位' ? d.orgCertNumber : '';
  return {
    nature: d.nature,
    unitType: d.nature === '单位' ? d.unitType : null,
    name: subjectName(d),
    certType: d.nature === '单位' ? d.orgCertType : null,
    certNumberEnc: cert ? encryptPii(cert) : null,
    certNumberHmac: cert ? hmacPii(cert) : null,
    certNumberMasked: cert ? maskIdNumber(cert) : null,
    principalName: d.principalName,
    principalIdType: d.principalIdType,
    principalIdEnc: encryptPii(d.principalIdNumber),
    principalIdHmac: hmacPii(d.principalIdNumber),
    principalIdMasked: maskIdNumber(d.principalIdNumber),
    principalPhoneEnc: encryptPii(d.principalPhone),
    principalPhoneHmac: hmacPii(d.principalPhone),
    principalPhoneMasked: maskPhone(d.principalPhone),
    jurisdictionCode: jurisdictionOf(d),
    data: sealSubject(d),
  };
}

function attachFiles(tx: Tx, d: SubjectData, subjectId: number, userId: number) {
  const ids = FILE_FIELDS.map((f) => d[f]).filter((v): v is number => !!v);
  if (ids.length) tx.update(files).set({ subjectId }).where(and(inArray(files.id, ids), eq(files.ownerId, userId))).run();
}

/**
 * 新增主体 (or 重新提交 of a returned one): the subject is 待审核 and its application is
 * held back from every queue until a business application for it is submitted (SPEC §3.1).
 */
export function submitNewSubject(
  userId: number,
  input: { data: SubjectInput; sameAsAccount?: boolean; draftId?: number | null; resubmitOf?: number | null },
  now = Date.now(),
) {
  return getDb().transaction((tx) => {
    const source: PiiSource | null = input.resubmitOf ? { kind: 'application', id: input.resubmitOf } : null;
    const d = completeSubject(tx, userId, input.data, source, !!input.sameAsAccount);
    const unitId = unitForCounty(tx, jurisdictionOf(d));
    let subjectId: number;
    if (input.resubmitOf) {
      const prev = tx.select().from(applications).where(and(eq(applications.id, input.resubmitOf), eq(applications.applicantId, userId))).get();
      if (!prev || prev.type !== '新增主体' || !['退回', '已撤销'].includes(prev.status) || !prev.subjectId) throw new AppError('conflict', '该申请不能重新提交');
      const s = ownedSubject(tx, userId, prev.subjectId);
      tx.update(subjects).set({ ...subjectColumns(d), unitId, status: nextSubjectStatus(s.status, 'resubmit'), updatedAt: now }).where(eq(subjects.id, s.id)).run();
      subjectId = s.id;
    } else {
      subjectId = tx
        .insert(subjects)
        .values({ ...subjectColumns(d), ownerId: userId, unitId, status: '待审核', createdAt: now, updatedAt: now })
        .returning({ id: subjects.id })
        .get().id;
    }
    attachFiles(tx, d, subjectId, userId);
    const app = insertApplication(
      tx,
      { type: '新增主体', applicantId: userId, subjectId, queued: false, payload: sealSubject(d), resubmittedFrom: input.resubmitOf ?? null },
      now,
    );
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId))).run();
    tx.update(users).set({ currentSubjectId: subjectId }).where(and(eq(users.id, userId), isNull(users.currentSubjectId))).run();
    if (input.resubmitOf) tx.update(users).set({ currentSubjectId: subjectId }).where(eq(users.id, userId)).run();
    writeAudit({ actorId: userId, action: 'subject.submit', objectType: 'application', objectId: app.id, after: { subjectId, unitId } }, tx);
    notify(
      userId,
      {
        type: 'subject.submitted',
        title: '新增主体申请已提交',
        body: `申请编号 ${app.code}。公安机关不会单独进行主体审核，请继续办理新办网站申请，主体将与网站一并审核。`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { applicationId: app.id, code: app.code, subjectId };
  });
}

/** Rows of the 变更主体 comparison table: 序号, 变更字段, 变更前, 变更后 (PII masked). */
export type ChangeRow = { field: SubjectField; label: string; before: string; after: string };
export function diffSubjects(before: StoredSubject, after: StoredSubject): ChangeRow[] {
  const b = maskedSubject(before) as Record<string, unknown>;
  const a = maskedSubject(after) as Record<string, unknown>;
  const rows: ChangeRow[] = [];
  for (const field of Object.keys(SUBJECT_FIELD_LABELS) as SubjectField[]) {
    const piiChanged =
      (field === 'principalIdNumber' || field === 'principalPhone') && decryptPii(before[field].enc) !== decryptPii(after[field].enc);
    const bv = subjectDisplayValue(field, b[field]);
    const av = subjectDisplayValue(field, a[field]);
    if (bv !== av || piiChanged) rows.push({ field, label: SUBJECT_FIELD_LABELS[field], before: bv, after: av });
  }
  return rows;
}

function prepareChange(tx: Tx, userId: number, subjectId: number, data: SubjectInput) {
  const s = ownedSubject(tx, userId, subjectId);
  if (pendingApplicationsOf(tx, subjectId).length) throw new AppError('conflict', '存在审核中的单据');
  nextSubjectStatus(s.status, 'change');
  const d = completeSubject(tx, userId, data, { kind: 'subject', id: subjectId }, false);
  const after = sealSubject(d);
  const rows = diffSubjects(storedOf(s), after);
  if (!rows.length) throw new AppError('invalid', '您未修改任何信息');
  return { s, d, after, rows };
}

/** 提交审核 of 变更主体 shows this first (validated on the server, masked). */
export function previewSubjectChange(userId: number, subjectId: number, data: SubjectInput): ChangeRow[] {
  return getDb().transaction((tx) => prepareChange(tx, userId, subjectId, data).rows);
}

export function submitSubjectChange(userId: number, subjectId: number, input: { data: SubjectInput; draftId?: number | null }, now = Date.now()) {
  return getDb().transaction((tx) => {
    const { s, d, after } = prepareChange(tx, userId, subjectId, input.data);
    attachFiles(tx, d, subjectId, userId);
    const app = insertApplication(tx, { type: '变更主体', applicantId: userId, subjectId, queued: true, payload: after, previous: s.data }, now);
    tx.update(subjects).set({ status: nextSubjectStatus(s.status, 'change'), updatedAt: now }).where(eq(subjects.id, subjectId)).run();
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId))).run();
    writeAudit({ actorId: userId, action: 'subject.change_submit', objectType: 'application', objectId: app.id, after: { subjectId } }, tx);
    return { applicationId: app.id, code: app.code };
  });
}

/** Applies an approved 变更主体 (called by review): new data in, subject back to 有效. */
export function applyApprovedChange(tx: Tx, applicationId: number, now = Date.now()) {
  const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
  if (!app || app.type !== '变更主体' || !app.subjectId) throw new AppError('not_found', '申请不存在');
  const s = tx.select().from(subjects).where(eq(subjects.id, app.subjectId)).get()!;
  const d = unsealSubject(payloadOf({ type: app.type, payload: app.payload }));
  tx.update(subjects)
    .set({ ...subjectColumns(d), unitId: unitForCounty(tx, jurisdictionOf(d)), status: nextSubjectStatus(s.status, 'changeApproved'), updatedAt: now })
    .where(eq(subjects.id, s.id))
    .run();
}

function checkPrincipal(s: typeof subjects.$inferSelect, principalName: string, middleFour: string) {
  const phone = decryptPii(s.principalPhoneEnc);
  const errors: Record<string, string> = {};
  if (principalName.trim() !== s.principalName) errors.principalName = '负责人姓名与主体信息不一致';
  if (middleFour.trim() !== phoneMiddleFour(phone)) errors.middleFour = '手机号码中间四位不正确';
  if (Object.keys(errors).length) throw new AppError('invalid', Object.values(errors)[0], errors);
  return phone;
}

/** 注销主体 / 移交主体: the SMS code goes to the subject principal's phone. */
export async function sendPrincipalCode(userId: number, subjectId: number, purpose: 'subject_cancel' | 'subject_transfer') {
  const s = ownedSubject(getDb(), userId, subjectId);
  await sendSmsCode(purpose, decryptPii(s.principalPhoneEnc), userId);
  return { phoneMasked: s.principalPhoneMasked };
}

/** Checks shared by 注销主体 and 移交主体 before the SMS code is spent. */
function precheckPrincipalAction(userId: number, subjectId: number, event: 'cancel' | 'transfer', principalName: string | null, middleFour: string) {
  const db = getDb();
  const s = ownedSubject(db, userId, subjectId);
  if (pendingApplicationsOf(db, subjectId).length) throw new AppError('conflict', '存在审核中的单据');
  nextSubjectStatus(s.status, event);
  return checkPrincipal(s, principalName ?? s.principalName, middleFour);
}

/** 注销主体: identity check, then a 注销主体 application; subject 注销中. */
export function submitSubjectCancel(
  userId: number,
  subjectId: number,
  input: { principalName: string; middleFour: string; code: string; reason: string; attachmentFileId?: number | null },
  now = Date.now(),
) {
  if (!input.reason.trim()) throw new AppError('invalid', '请填写注销原因', { reason: '请填写注销原因' });
  const phone = precheckPrincipalAction(userId, subjectId, 'cancel', input.principalName, input.middleFour);
  // Verified outside the transaction below so a wrong try is counted even though we then fail.
  verifySmsCode('subject_cancel', phone, input.code, now);
  return getDb().transaction((tx) => {
    const s = ownedSubject(tx, userId, subjectId);
    if (pendingApplicationsOf(tx, subjectId).length) throw new AppError('conflict', '存在审核中的单据');
    const status = nextSubjectStatus(s.status, 'cancel');
    if (input.attachmentFileId) {
      const f = tx.select().from(files).where(and(eq(files.id, input.attachmentFileId), eq(files.ownerId, userId))).get();
      if (!f || f.kind !== 'pdf') throw new AppError('invalid', '附件说明须为PDF文件', { attachmentFileId: '附件说明须为PDF文件' });
      tx.update(files).set({ subjectId }).where(eq(files.id, f.id)).run();
    }
    const app = insertApplication(
      tx,
      { type: '注销主体', applicantId: userId, subjectId, queued: true, payload: { reason: input.reason.trim(), attachmentFileId: input.attachmentFileId ?? null, subjectName: s.name } },
      now,
    );
    tx.update(subjects).set({ status, updatedAt: now }).where(eq(subjects.id, subjectId)).run();
    writeAudit({ actorId: userId, action: 'subject.cancel_submit', objectType: 'application', objectId: app.id, after: { subjectId } }, tx);
    return { applicationId: app.id, code: app.code };
  });
}

/**
 * An approved 注销主体, in the caller's (approving) transaction: the subject and every
 * website, APP, 小程序, assessment and pending application under it end together.
 */
export function applyApprovedCancellation(tx: Tx, subjectId: number, opts: { actorId: number | null; keepApplicationId?: number }, now = Date.now()) {
  const s = tx.select().from(subjects).where(eq(subjects.id, subjectId)).get();
  if (!s) throw new AppError('not_found', '主体不存在');
  tx.update(subjects).set({ status: nextSubjectStatus(s.status, 'cancelApproved'), updatedAt: now }).where(eq(subjects.id, subjectId)).run();
  for (const w of tx.select({ id: websites.id, status: websites.status }).from(websites).where(eq(websites.subjectId, subjectId)).all()) {
    if (w.status === '已注销') continue;
    tx.update(websites).set({ status: nextWebsiteStatus(w.status, 'subjectCancelled'), cancelledAt: now, updatedAt: now }).where(eq(websites.id, w.id)).run();
  }
  // Its APPs and 小程序 end with it too (their identifiers are released by the trigger of migration 0008).
  for (const f of tx.select({ id: filings.id, status: filings.status }).from(filings).where(eq(filings.subjectId, subjectId)).all()) {
    if (f.status === '已注销') continue;
    tx.update(filings).set({ status: nextWebsiteStatus(f.status, 'subjectCancelled'), cancelledAt: now, updatedAt: now }).where(eq(filings.id, f.id)).run();
    syncProviderDirectory(tx, f.id, now);
  }
  tx.update(assessments).set({ status: '已注销' }).where(and(eq(assessments.subjectId, subjectId), inArray(assessments.status, ['待审核', '通过']))).run();
  for (const a of pendingApplicationsOf(tx, subjectId)) {
    if (a.id === opts.keepApplicationId) continue;
    tx.update(applications).set({ status: nextApplicationStatus(a.status, 'void'), decidedAt: now, reason: '主体已注销' }).where(eq(applications.id, a.id)).run();
  }
  tx.update(subjectTransfers).set({ status: '已撤销', decidedAt: now }).where(and(eq(subjectTransfers.subjectId, subjectId), eq(subjectTransfers.status, '待接收'))).run();
  tx.update(users).set({ currentSubjectId: null }).where(eq(users.currentSubjectId, subjectId)).run();
  writeAudit({ actorId: opts.actorId, action: 'subject.cancelled', objectType: 'subject', objectId: subjectId, before: { status: s.status }, after: { status: '已注销' } }, tx);
}

/** 移交主体: to the account with that phone and ID number; subject 移交中 until accepted or undone. */
export function createTransfer(
  userId: number,
  subjectId: number,
  input: { middleFour: string; toPhone: string; toIdNumber: string; code: string },
  now = Date.now(),
) {
  const errors: Record<string, string> = {};
  const toPhone = input.toPhone.trim();
  const toId = normalizeIdNumber(input.toIdNumber);
  const pe = mobileError(toPhone);
  if (pe) errors.toPhone = pe;
  const ie = idNumberError('居民身份证', toId);
  if (ie) errors.toIdNumber = ie;
  const me = getDb().select({ phoneHmac: users.phoneHmac }).from(users).where(eq(users.id, userId)).get()!;
  if (!pe && me.phoneHmac === hmacPii(toPhone)) errors.toPhone = '不能移交给自己';
  if (Object.keys(errors).length) throw new AppError('invalid', Object.values(errors)[0], errors);
  const phone = precheckPrincipalAction(userId, subjectId, 'transfer', null, input.middleFour);
  verifySmsCode('subject_transfer', phone, input.code, now);
  return getDb().transaction((tx) => {
    const s = ownedSubject(tx, userId, subjectId);
    const status = nextSubjectStatus(s.status, 'transfer');
    const t = tx
      .insert(subjectTransfers)
      .values({ subjectId, fromUserId: userId, toPhoneHmac: hmacPii(toPhone), toIdHmac: hmacPii(toId), status: '待接收', createdAt: now })
      .returning({ id: subjectTransfers.id })
      .get();
    tx.update(subjects).set({ status, updatedAt: now }).where(eq(subjects.id, subjectId)).run();
    const recipient = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.phoneHmac, hmacPii(toPhone)), eq(users.idNumberHmac, hmacPii(toId))))
      .get();
    if (recipient)
      notify(recipient.id, { type: 'transfer.offered', title: '您有一个待接收的主体', body: `用户向您移交开办主体“${s.name}”，请在“接收主体”中确认接收。`, link: '/my/subject/receive' }, tx);
    writeAudit({ actorId: userId, action: 'subject.transfer_offer', objectType: 'subject', objectId: subjectId, after: { transferId: t.id } }, tx);
    return { transferId: t.id };
  });
}

/** The sender's open offer for a subject, if any (for 撤销移交). */
export function openTransferOf(userId: number, subjectId: number) {
  return getDb()
    .select({ id: subjectTransfers.id, createdAt: subjectTransfers.createdAt })
    .from(subjectTransfers)
    .where(and(eq(subjectTransfers.subjectId, subjectId), eq(subjectTransfers.fromUserId, userId), eq(subjectTransfers.status, '待接收')))
    .get();
}

export function undoTransfer(userId: number, transferId: number, now = Date.now()) {
  getDb().transaction((tx) => {
    const t = tx.select().from(subjectTransfers).where(and(eq(subjectTransfers.id, transferId), eq(subjectTransfers.fromUserId, userId))).get();
    if (!t) throw new AppError('not_found', '移交记录不存在');
    if (t.status !== '待接收') throw new AppError('conflict', '该主体已被接收或移交已撤销');
    const s = ownedSubject(tx, userId, t.subjectId);
    tx.update(subjectTransfers).set({ status: '已撤销', decidedAt: now }).where(eq(subjectTransfers.id, t.id)).run();
    tx.update(subjects).set({ status: nextSubjectStatus(s.status, 'undoTransfer'), updatedAt: now }).where(eq(subjects.id, s.id)).run();
    writeAudit({ actorId: userId, action: 'subject.transfer_undo', objectType: 'subject', objectId: s.id }, tx);
  });
}

/** 接收主体 list: offers addressed to this account (its phone and ID number), filterable by the sender. */
export function listTransferOffers(userId: number, filter: { name?: string; phone?: string; idNumber?: string } = {}) {
  const db = getDb();
  const me = db.select({ phoneHmac: users.phoneHmac, idHmac: users.idNumberHmac }).from(users).where(eq(users.id, userId)).get()!;
  if (!me.idHmac) return [];
  const conds = [eq(subjectTransfers.toPhoneHmac, me.phoneHmac), eq(subjectTransfers.toIdHmac, me.idHmac), eq(subjectTransfers.status, '待接收')];
  if (filter.name?.trim()) conds.push(like(users.name, `%${filter.name.trim()}%`));
  if (filter.phone?.trim()) conds.push(eq(users.phoneHmac, hmacPii(filter.phone.trim())));
  if (filter.idNumber?.trim()) conds.push(eq(users.idNumberHmac, hmacPii(normalizeIdNumber(filter.idNumber))));
  return db
    .select({
      id: subjectTransfers.id,
      subjectName: subjects.name,
      senderName: users.name,
      senderPhone: users.phoneMasked,
      senderIdNumber: users.idNumberMasked,
      createdAt: subjectTransfers.createdAt,
    })
    .from(subjectTransfers)
    .innerJoin(subjects, eq(subjects.id, subjectTransfers.subjectId))
    .innerJoin(users, eq(users.id, subjectTransfers.fromUserId))
    .where(and(...conds))
    .orderBy(desc(subjectTransfers.createdAt))
    .all();
}

/** 接收: only an account without a 有效 subject; the subject moves with its websites, files and history. */
export function acceptTransfer(userId: number, transferId: number, now = Date.now()) {
  return getDb().transaction((tx) => {
    const me = tx.select({ phoneHmac: users.phoneHmac, idHmac: users.idNumberHmac }).from(users).where(eq(users.id, userId)).get()!;
    const t = tx.select().from(subjectTransfers).where(eq(subjectTransfers.id, transferId)).get();
    if (!t || t.toPhoneHmac !== me.phoneHmac || t.toIdHmac !== me.idHmac) throw new AppError('not_found', '移交记录不存在');
    if (t.status !== '待接收') throw new AppError('conflict', '该主体已被接收或移交已撤销');
    const own = tx.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.ownerId, userId), inArray(subjects.status, [...ACTIVE_STATUSES]))).get();
    if (own) throw new AppError('conflict', '您已有有效主体，不能接收其他主体');
    const s = tx.select().from(subjects).where(eq(subjects.id, t.subjectId)).get()!;
    tx.update(subjects).set({ ownerId: userId, status: nextSubjectStatus(s.status, 'accept'), updatedAt: now }).where(eq(subjects.id, s.id)).run();
    tx.update(files).set({ ownerId: userId }).where(eq(files.subjectId, s.id)).run();
    tx.update(applications).set({ applicantId: userId }).where(eq(applications.subjectId, s.id)).run();
    tx.delete(drafts).where(and(eq(drafts.subjectId, s.id), eq(drafts.userId, t.fromUserId))).run();
    tx.update(subjectTransfers).set({ status: '已接收', decidedAt: now }).where(eq(subjectTransfers.id, t.id)).run();
    tx.update(users).set({ currentSubjectId: null }).where(and(eq(users.id, t.fromUserId), eq(users.currentSubjectId, s.id))).run();
    tx.update(users).set({ currentSubjectId: s.id }).where(eq(users.id, userId)).run();
    const receiver = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()!;
    notify(t.fromUserId, { type: 'transfer.accepted', title: '主体移交已完成', body: `开办主体“${s.name}”已由${receiver.name}接收。`, link: '/my/subject' }, tx);
    notify(userId, { type: 'transfer.received', title: '您已接收主体', body: `开办主体“${s.name}”及其网站、材料和办理记录已移交至您的账号。`, link: '/my/subject' }, tx);
    writeAudit({ actorId: userId, action: 'subject.transfer_accept', objectType: 'subject', objectId: s.id, before: { ownerId: t.fromUserId }, after: { ownerId: userId } }, tx);
    return { subjectId: s.id };
  });
}

/** 切换主体 list: 序号, 主体类型, 主体名称, 创建时间, 审核状态, and which one is current. */
export function listMySubjects(userId: number, opts: { name?: string; page?: number } = {}) {
  const db = getDb();
  const page = Math.max(1, opts.page ?? 1);
  const conds = [eq(subjects.ownerId, userId)];
  if (opts.name?.trim()) conds.push(like(subjects.name, `%${opts.name.trim()}%`));
  const where = and(...conds);
  const current = currentSubjectId(userId);
  const rows = db
    .select({ id: subjects.id, nature: subjects.nature, unitType: subjects.unitType, name: subjects.name, status: subjects.status, createdAt: subjects.createdAt })
    .from(subjects)
    .where(where)
    .orderBy(desc(subjects.createdAt), desc(subjects.id))
    .limit(10)
    .offset((page - 1) * 10)
    .all()
    .map((r) => ({ ...r, isCurrent: r.id === current }));
  const total = db.select({ n: sql<number>`count(*)` }).from(subjects).where(where).get()!.n;
  return { rows, total, page, pageSize: 10 };
}

const chosenSubject = preparedQuery((db) =>
  db.select({ current: users.currentSubjectId }).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
);
const latestSubject = preparedQuery((db) =>
  db
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.ownerId, sql.placeholder('userId')), or(inArray(subjects.status, [...ACTIVE_STATUSES]), eq(subjects.status, '待审核'))))
    .orderBy(desc(subjects.createdAt))
    .limit(1)
    .prepare(),
);

/**
 * The remembered current subject, or the user's newest one still in use. Once per request (React
 * cache): the header, its menu and the page all ask for it; outside a render it is read each time.
 */
export const currentSubjectId = cache((userId: number): number | null => {
  const u = chosenSubject().get({ userId });
  if (u?.current) return u.current;
  return latestSubject().get({ userId })?.id ?? null;
});

export function setCurrentSubject(userId: number, subjectId: number) {
  const db = getDb();
  ownedSubject(db, userId, subjectId);
  db.update(users).set({ currentSubjectId: subjectId }).where(eq(users.id, userId)).run();
}

const ownSubject = preparedQuery((db) =>
  db
    .select()
    .from(subjects)
    .where(and(eq(subjects.id, sql.placeholder('subjectId')), eq(subjects.ownerId, sql.placeholder('userId'))))
    .prepare(),
);

/** The view of one of the user's subjects, or null when it is not theirs (any more: 移交); once per request. */
const subjectView = cache((userId: number, subjectId: number) => {
  const s = ownSubject().get({ subjectId, userId });
  if (!s) return null;
  const demo = (s.data as { demo?: boolean }).demo;
  return {
    id: s.id,
    name: s.name,
    nature: s.nature,
    unitType: s.unitType,
    status: s.status,
    createdAt: s.createdAt,
    unitName: s.unitId ? unitName(s.unitId) : null,
    principalName: s.principalName,
    principalPhoneMasked: s.principalPhoneMasked,
    principalIdMasked: s.principalIdMasked,
    data: demo ? null : maskedSubject(storedOf(s)),
  };
});

/** What 我的主体 and forms may show: masked data, status and 审核单位. */
export function getSubjectView(userId: number, subjectId: number) {
  const view = subjectView(userId, subjectId);
  if (!view) throw new AppError('not_found', '主体不存在');
  return view;
}

export function hasActiveSubject(userId: number): boolean {
  return !!getDb()
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.ownerId, userId), inArray(subjects.status, [...ACTIVE_STATUSES])))
    .get();
}

const subjectSummary = preparedQuery((db) =>
  db
    .select({ id: subjects.id, name: subjects.name, status: subjects.status, unitName: policeUnits.name })
    .from(subjects)
    .leftJoin(policeUnits, eq(policeUnits.id, subjects.unitId))
    .where(and(eq(subjects.id, sql.placeholder('subjectId')), eq(subjects.ownerId, sql.placeholder('userId'))))
    .prepare(),
);

/**
 * The current subject's name, status and 审核单位, or null when there is none (or it is no longer
 * ours): what the header and 我的首页 show, in one statement and without the subject's data
 * (issue 17: every applicant page asks). Once per request.
 */
export const currentSubjectSummary = cache((userId: number): { id: number; name: string; status: string; unitName: string | null } | null => {
  const id = currentSubjectId(userId);
  return id ? (subjectSummary().get({ subjectId: id, userId }) ?? null) : null;
});

/** The current subject as pages may show it, or null when there is none (or it is no longer ours). */
export function currentSubjectView(userId: number) {
  const id = currentSubjectId(userId);
  return id ? subjectView(userId, id) : null;
}

/** The subject's applications still in review (注销主体 / 移交主体 list them: they block the request). */
export function pendingApplicationsOfSubject(subjectId: number) {
  return pendingApplicationsOf(getDb(), subjectId);
}
