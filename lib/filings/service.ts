/**
 * 新增APP / 新增小程序 (SPEC §15.1, §15.2) and what the applicant sees of them: one service for every
 * filing object of the `filings` table, told apart by its kind (lib/filings/kinds.ts). The subject
 * rules are the website's (SPEC §4.1): a held-back 新增主体 is released with the first business
 * application; 负责人 are sealed as for websites; an interactive object needs a 安全评估.
 */
import 'server-only';
import { and, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { applicationPending, applications, assessments, drafts, filingKeys, filings, files, policeUnits, subjects, FILING_KINDS, type FilingKind, type FilingStatus } from '@/db/schema';
import { insertApplication, heldBackSubjectApplication } from '@/lib/applications/service';
import { nextWebsiteStatus, type WebsiteEvent } from '@/lib/applications/rules';
import { checkContactIdentities, contactFromSubject, maskContact, sealContact, type MaskedContact } from '@/lib/websites/service';
import { allocateFilingNumber } from '@/lib/review/filing-number';
import { OPEN_STATUSES } from '@/lib/review/due';
import { notify } from '@/lib/notify/service';
import { writeAudit } from '@/lib/audit/service';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { AppError } from '@/lib/errors';
import type { WebsiteData } from '@/lib/websites/schemas';
import { kindObject, kindSpec, withSpec, type FilingKey } from './kinds';
import { syncProviderDirectory } from '@/lib/service-providers/directory';
import type { StoredContacts, StoredFiling } from './types';
import { namingSubjectOf } from '@/lib/subjects/rules';

type Contact = WebsiteData['contacts']['securityOwner'];
type SubjectRow = typeof subjects.$inferSelect;
export type FilingRow = typeof filings.$inferSelect;

const FILABLE_SUBJECT = ['待审核', '有效'];
/** Statuses in which a filing holds its identifiers (the trigger of migration 0008 keeps filing_keys.live so). */
export const LIVE_FILING: readonly FilingStatus[] = ['待审核', '已备案', '变更中', '注销中'];
/** Undecided applications: the queue's open statuses. */
export const PENDING = OPEN_STATUSES;

export function fail(fieldErrors: Record<string, string>): never {
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors);
}

/** What is submitted: 基本信息, 负责人 and 提示说明 of one kind. */
export type FilingInput = { basic?: unknown; contacts?: unknown; notice?: unknown };

/** The whole input checked by the kind's schema, the naming rules and the 负责人's identity passes. */
export function parseFiling(kind: FilingKind, input: FilingInput, s: Pick<SubjectRow, 'nature' | 'unitType' | 'status' | 'data'>) {
  const parsed = kindObject(kind).schema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error));
  const d = parsed.data;
  const b = withSpec<StoredFiling['basic']>({ kind, basic: d.basic }, (spec, raw) => spec.normalize(raw));
  const errors: Record<string, string> = {};
  const naming = withSpec({ kind, basic: b }, (spec, x) => ({ permits: spec.permits(x), interactive: spec.interactive(x) }));
  for (const v of kindObject(kind).checkName({ name: b.name, subject: namingSubjectOf(s), ...naming })) errors['basic.name'] ??= v.message;
  if (Object.keys(errors).length) fail(errors);
  checkContactIdentities(d.contacts);
  return { basic: b, contacts: d.contacts };
}

/** The stored form of a checked submission. */
export function storedFiling(kind: FilingKind, basic: StoredFiling['basic'], contacts: StoredContacts): StoredFiling {
  const needsAssessment = withSpec({ kind, basic }, (spec, b) => spec.interactive(b));
  // `basic` was parsed by the schema of `kind` (parseFiling): the pair is consistent.
  return { kind, basic, contacts, needsAssessment } as StoredFiling;
}

/** 负责人 as stored: 同主体负责人信息 copied from the subject on the server, PII sealed. */
export function sealContacts(contacts: WebsiteData['contacts'], s: SubjectRow): StoredContacts {
  const one = (c: Contact) => sealContact(contactFromSubject(c, s));
  return { securityOwner: one(contacts.securityOwner), emergencyContact: one(contacts.emergencyContact) };
}

/** Every file a stored filing refers to: its basic information's and the 负责人's uploads. */
export function storedFilingFileIds(stored: StoredFiling): number[] {
  return [
    ...withSpec(stored, (spec, b) => spec.fileIds(b)),
    ...[stored.contacts.securityOwner, stored.contacts.emergencyContact].flatMap((c) => (c.mode === '自主填写' && c.authMethod === '文件认证' ? [c.frontFileId, c.backFileId, c.handheldFileId] : [])),
  ].filter((v): v is number => !!v);
}

/** Files of the filing (basic information and 负责人 uploads): each must be the user's; they are attached to the subject. */
export function claimFiles(tx: Tx, userId: number, subjectId: number, stored: StoredFiling) {
  const ids = storedFilingFileIds(stored);
  if (!ids.length) return;
  const mine = tx.select({ id: files.id }).from(files).where(and(inArray(files.id, ids), eq(files.ownerId, userId))).all();
  if (mine.length !== new Set(ids).size) throw new AppError('invalid', '上传的文件不存在，请重新上传');
  tx.update(files).set({ subjectId }).where(inArray(files.id, ids)).run();
}

/** The first key held by another live filing of the kind (or asked for by another filing's pending change). */
export function takenKey(tx: Tx, kind: FilingKind, keys: FilingKey[], exceptFilingId: number | null): FilingKey | null {
  if (!keys.length) return null;
  const live = tx
    .select({ platform: filingKeys.platform, ident: filingKeys.ident })
    .from(filingKeys)
    .where(
      and(
        eq(filingKeys.kind, kind),
        eq(filingKeys.live, true),
        inArray(filingKeys.ident, keys.map((k) => k.ident)),
        exceptFilingId ? ne(filingKeys.filingId, exceptFilingId) : undefined,
      ),
    )
    .all();
  const hit = keys.find((k) => live.some((r) => r.platform === k.platform && r.ident === k.ident));
  if (hit) return hit;
  const changes = tx
    .select({ payload: applications.payload, filingId: applications.filingId })
    .from(applications)
    .where(and(eq(applications.type, kindSpec(kind).types.change), applicationPending, exceptFilingId ? ne(applications.filingId, exceptFilingId) : undefined))
    .all();
  for (const c of changes) {
    const f = (c.payload as { filing?: StoredFiling }).filing;
    if (!f?.basic) continue;
    const asked = withSpec(f, (spec, b) => spec.keys(b));
    const clash = keys.find((k) => asked.some((a) => a.platform === k.platform && a.ident === k.ident));
    if (clash) return clash;
  }
  return null;
}

export function keyTakenError(k: FilingKey): Record<string, string> {
  return { [k.path]: `${k.label} 已备案或正在办理，请勿重复申请` };
}

/** Writes the filing's identifiers (live: the filing is live when they are written). */
export function insertKeys(tx: Tx, filingId: number, stored: StoredFiling) {
  const keys = withSpec(stored, (spec, b) => spec.keys(b));
  if (keys.length) tx.insert(filingKeys).values(keys.map((k) => ({ filingId, kind: stored.kind, platform: k.platform, ident: k.ident, live: true }))).run();
}

function ownedSubject(userId: number, subjectId: number) {
  const s = getDb().select().from(subjects).where(and(eq(subjects.id, subjectId), eq(subjects.ownerId, userId))).get();
  if (!s) throw new AppError('not_found', '主体不存在');
  return s;
}

/**
 * 新增APP / 新增小程序. A 新增主体 still held back is released with it as one bundle (the subject is
 * decided first); the identifiers are refused when another live filing holds them.
 */
export function submitNewFiling(userId: number, subjectId: number, kind: FilingKind, input: FilingInput, opts: { draftId?: number | null } = {}, now = Date.now()) {
  const spec = kindSpec(kind);
  const s = ownedSubject(userId, subjectId);
  const title = `${spec.types.new}申请`;
  if (!FILABLE_SUBJECT.includes(s.status)) throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理${title}`);
  const { basic, contacts } = parseFiling(kind, input, s);
  const stored = storedFiling(kind, basic, sealContacts(contacts, s));
  const interactive = stored.needsAssessment;

  return getDb().transaction((tx) => {
    claimFiles(tx, userId, subjectId, stored);
    const taken = takenKey(tx, kind, withSpec(stored, (sp, b) => sp.keys(b)), null);
    if (taken) fail(keyTakenError(taken));
    const f = tx
      .insert(filings)
      .values({ kind, subjectId, name: basic.name, status: '待审核', interactive, icpNumber: withSpec(stored, (sp, b) => sp.icpNumber(b)), data: stored, createdAt: now, updatedAt: now })
      .returning({ id: filings.id })
      .get();
    insertKeys(tx, f.id, stored);
    const held = heldBackSubjectApplication(userId, subjectId);
    const bundleId = held ? `B${held.id}` : null;
    // Released now: its 办理时限 counts from today (filled in by the queue, lib/review/due.ts).
    if (held) tx.update(applications).set({ queued: true, bundleId, queuedAt: now, dueAt: null }).where(eq(applications.id, held.id)).run();
    const app = insertApplication(tx, { type: spec.types.new, applicantId: userId, subjectId, filingId: f.id, bundleId, queued: true, payload: { filing: stored } } as Parameters<typeof insertApplication>[1], now);
    if (opts.draftId) tx.delete(drafts).where(and(eq(drafts.id, opts.draftId), eq(drafts.userId, userId))).run();
    writeAudit({ actorId: userId, action: 'filing.submit', objectType: 'application', objectId: app.id, after: { filingId: f.id, kind, bundleId } }, tx);
    notify(
      userId,
      {
        type: 'filing.submitted',
        title: `${title}已提交`,
        body: `申请编号 ${app.code}（${basic.name}）。${held ? `开办主体将与本${spec.label}一并审核。` : ''}${interactive ? `提供互联网交互服务的${spec.label}须通过安全评估并经面审或实地检查后方可备案。` : ''}`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { applicationId: app.id, code: app.code, filingId: f.id };
  });
}

/** Moves a filing by `event` of the (website's) transition table. */
export function moveFiling(tx: Tx, filingId: number, event: WebsiteEvent, now: number, set: { cancelledAt?: number } = {}) {
  const f = tx.select({ status: filings.status, kind: filings.kind }).from(filings).where(eq(filings.id, filingId)).get();
  if (!f) throw new AppError('not_found', '备案对象不存在');
  tx.update(filings).set({ status: nextWebsiteStatus(f.status, event), ...set, updatedAt: now }).where(eq(filings.id, filingId)).run();
  syncProviderDirectory(tx, filingId, now);
}

/** 通过 of a 新增APP / 新增小程序: 已备案 with a new number of the accepting unit, marked by the kind (SPEC §15.5). */
export function fileFiling(tx: Tx, filingId: number, unitId: number | null, now: number): { number: string } {
  const f = tx.select().from(filings).where(eq(filings.id, filingId)).get();
  if (!f) throw new AppError('not_found', '备案对象不存在');
  if (!unitId) throw new AppError('conflict', '该申请没有审核单位，不能分配备案号');
  const status = nextWebsiteStatus(f.status, 'approve');
  const n = allocateFilingNumber(tx, unitId, kindObject(f.kind).filingMark);
  tx.update(filings)
    .set({ status, filingDigits: n.digits, filingNumber: n.number, filingUnitId: unitId, filedAt: now, updatedAt: now })
    .where(and(eq(filings.id, f.id), eq(filings.status, f.status)))
    .run();
  syncProviderDirectory(tx, f.id, now);
  return { number: n.number };
}

export function filingInteractive(tx: Tx, filingId: number | null): boolean {
  if (!filingId) return false;
  return !!tx.select({ interactive: filings.interactive }).from(filings).where(eq(filings.id, filingId)).get()?.interactive;
}

/** Has the APP / 小程序 an approved 安全评估? */
export function filingAssessmentApproved(tx: Tx, filingId: number): boolean {
  return !!tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.filingId, filingId), eq(assessments.status, '通过')))
    .get();
}

/** The filings of one kind of one of the user's subjects, newest first. */
export function listMyFilings(userId: number, subjectId: number, kind: FilingKind) {
  return myFilings(userId, subjectId, kind);
}

/** The applicant home's cards (SPEC §15.5): the subject's filings of every kind in one query, newest first, by kind. */
export function listMyFilingsByKind(userId: number, subjectId: number): Record<FilingKind, MyFiling[]> {
  const out: Record<FilingKind, MyFiling[]> = { APP: [], 小程序: [], 应用市场: [], 服务商: [] };
  for (const f of myFilings(userId, subjectId)) out[f.kind].push(f);
  return out;
}

type MyFiling = ReturnType<typeof myFilings>[number];

/** The subject's filings (of one kind, or of all), newest first, 已退回 left out. */
function myFilingsQuery(db: Tx, byKind: boolean) {
  return db
    .select({ f: filings })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, sql.placeholder('userId'))))
    .where(and(eq(filings.subjectId, sql.placeholder('subjectId')), byKind ? eq(filings.kind, sql.placeholder('kind')) : undefined, notInArray(filings.status, ['已退回'])))
    .orderBy(desc(filings.createdAt), desc(filings.id))
    .prepare();
}
const myFilingsOfKind = preparedQuery((db) => myFilingsQuery(db, true));
const myFilingsOfAllKinds = preparedQuery((db) => myFilingsQuery(db, false));

function myFilings(userId: number, subjectId: number, kind?: FilingKind) {
  const rows = kind ? myFilingsOfKind().all({ userId, subjectId, kind }) : myFilingsOfAllKinds().all({ userId, subjectId });
  return rows.map(({ f }) => ({
    id: f.id,
    kind: f.kind,
    name: f.name,
    status: f.status,
    filingNumber: f.filingNumber,
    filedAt: f.filedAt,
    icpNumber: f.icpNumber,
    createdAt: f.createdAt,
    platforms: withSpec(f.data, (spec, b) => spec.platformText(b)),
    idents: withSpec(f.data, (spec, b) => spec.identText(b)),
    iconFileId: withSpec(f.data, (spec, b) => spec.iconFileId(b)),
  }));
}

const filingKindsOf = preparedQuery((db) =>
  db
    .select({ kind: filings.kind })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, sql.placeholder('userId'))))
    .where(and(eq(filings.subjectId, sql.placeholder('subjectId')), notInArray(filings.status, ['已退回'])))
    .prepare(),
);

/** How many live or filed objects of each kind the subject has (the applicant home's cards). */
export function countMyFilings(userId: number, subjectId: number): Record<FilingKind, number> {
  const rows = filingKindsOf().all({ userId, subjectId });
  const out = Object.fromEntries(FILING_KINDS.map((k) => [k, 0])) as Record<FilingKind, number>;
  for (const r of rows) out[r.kind] += 1;
  return out;
}

export type MaskedContacts = { securityOwner: MaskedContact; emergencyContact: MaskedContact };

/** One of the user's filings for its detail page (PII masked); another kind's or anyone else's is "not found". */
export function getFilingView(userId: number, kind: FilingKind, filingId: number) {
  const row = getDb()
    .select({ f: filings, subjectName: subjects.name, unitName: policeUnits.name })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .leftJoin(policeUnits, eq(policeUnits.id, subjects.unitId))
    .where(and(eq(filings.id, filingId), eq(filings.kind, kind)))
    .get();
  if (!row) throw new AppError('not_found', `${kindSpec(kind).label}不存在`);
  const f = row.f;
  const pending = getDb()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.filingId, f.id), inArray(applications.status, [...PENDING])))
    .get();
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    status: f.status,
    interactive: f.interactive,
    filingNumber: f.filingNumber,
    filedAt: f.filedAt,
    icpNumber: f.icpNumber,
    subjectName: row.subjectName,
    unitName: row.unitName,
    basic: f.data.basic,
    values: withSpec(f.data, (spec, b) => spec.values(b)),
    idents: withSpec(f.data, (spec, b) => spec.identText(b)),
    contacts: { securityOwner: maskContact(f.data.contacts.securityOwner), emergencyContact: maskContact(f.data.contacts.emergencyContact) } as MaskedContacts,
    fileIds: storedFilingFileIds(f.data),
    pendingApplicationId: pending?.id ?? null,
  };
}

/** One of the user's filings with its subject, in a transaction (anyone else's is "not found"). */
export function ownedFiling(tx: Tx, userId: number, kind: FilingKind, filingId: number) {
  const row = tx
    .select({ f: filings, s: subjects })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(filings.id, filingId), eq(filings.kind, kind)))
    .get();
  if (!row) throw new AppError('not_found', `${kindSpec(kind).label}不存在`);
  return row;
}
