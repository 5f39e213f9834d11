/**
 * 变更APP / 变更小程序 (SPEC §15): the wizard pre-filled with a 已备案 object, a comparison table
 * before submitting, a change application while the object is 变更中, and the approved data
 * applied by review. The 公安备案号 is never touched here.
 */
import 'server-only';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applications, drafts, filingKeys, filings, type FilingKind } from '@/db/schema';
import { insertApplication } from '@/lib/applications/service';
import { nextWebsiteStatus, SUBJECT_APPLICATION_TYPES } from '@/lib/applications/rules';
import { diffContacts, fillKeptPii, registeredOf, type WebsiteChangeRow } from '@/lib/websites/change';
import { purgeOldDrafts } from '@/lib/drafts/service';
import { maskContact } from '@/lib/websites/service';
import { notify } from '@/lib/notify/service';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { kindObject, kindSpec, withSpec } from './kinds';
import { syncProviderDirectory } from '@/lib/service-providers/directory';
import { claimFiles, fail, insertKeys, keyTakenError, ownedFiling, parseFiling, PENDING, sealContacts, storedFiling, takenKey, type FilingInput, type FilingRow } from './service';
import type { StoredFiling } from './types';

export type FilingChangeRow = WebsiteChangeRow;

/** The changed fields between two stored filings of one kind, as the comparison table shows them. */
export function diffFilings(before: StoredFiling, after: StoredFiling): FilingChangeRow[] {
  const labels: Record<string, string> = kindObject(before.kind).fieldLabels;
  const b = withSpec(before, (spec, x) => spec.values(x));
  const a = withSpec(after, (spec, x) => spec.values(x));
  const rows: FilingChangeRow[] = [];
  for (const field of Object.keys(b)) if (b[field] !== a[field]) rows.push({ field, label: labels[field] ?? field, before: b[field], after: a[field] });
  // A new icon or screenshots with the same count: the file ids tell.
  const fb = withSpec(before, (spec, x) => spec.fileFields(x));
  const fa = withSpec(after, (spec, x) => spec.fileFields(x));
  for (const field of Object.keys(fb)) {
    if ((fb[field] ?? []).join() === (fa[field] ?? []).join() || rows.some((r) => r.field === field)) continue;
    rows.push({ field, label: labels[field] ?? field, before: b[field] || '已上传', after: `${a[field] || '已上传'}（已重新上传）` });
  }
  return [...rows, ...diffContacts(before.contacts, after.contacts, kindSpec(before.kind).contactTitles)];
}

/** Undecided applications of this filing, or of its subject as a whole. */
function pendingFor(tx: Tx, f: FilingRow) {
  return tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        inArray(applications.status, [...PENDING]),
        or(eq(applications.filingId, f.id), and(eq(applications.subjectId, f.subjectId), inArray(applications.type, [...SUBJECT_APPLICATION_TYPES]))),
      ),
    )
    .all();
}

/** A filing the user may start a change for, or the reason it may not. */
function changeable(tx: Tx, userId: number, kind: FilingKind, filingId: number) {
  const { f, s } = ownedFiling(tx, userId, kind, filingId);
  const title = kindSpec(kind).types.change;
  if (pendingFor(tx, f).length) throw new AppError('conflict', '存在审核中的单据');
  nextWebsiteStatus(f.status, 'change');
  if (s.status !== '有效') throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理${title}`);
  return { f, s, old: f.data };
}

/** The change page: the object's current data (PII masked) and its contacts' registered numbers. */
export function loadFilingForChange(userId: number, kind: FilingKind, filingId: number) {
  const { f, s, old } = changeable(getDb(), userId, kind, filingId);
  return {
    id: f.id,
    name: f.name,
    status: f.status,
    filingNumber: f.filingNumber,
    subjectId: s.id,
    basic: old.basic,
    contacts: { securityOwner: maskContact(old.contacts.securityOwner), emergencyContact: maskContact(old.contacts.emergencyContact) },
    registered: { securityOwner: registeredOf(old.contacts.securityOwner), emergencyContact: registeredOf(old.contacts.emergencyContact) },
  };
}

/** The newest change draft of this filing (for "您有一条…的草稿，是否使用"). */
export function latestFilingChangeDraft(userId: number, kind: FilingKind, filingId: number, now = Date.now()) {
  purgeOldDrafts(now);
  return getDb()
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.type, kindSpec(kind).types.change), eq(drafts.filingId, filingId)))
    .orderBy(desc(drafts.savedAt), desc(drafts.id))
    .get();
}

function prepareChange(tx: Tx, userId: number, kind: FilingKind, filingId: number, input: FilingInput) {
  const { f, s, old } = changeable(tx, userId, kind, filingId);
  const { basic, contacts } = parseFiling(kind, fillKeptPii(input, old), s);
  const after = storedFiling(kind, basic, sealContacts(contacts, s));
  const taken = takenKey(tx, kind, withSpec(after, (spec, b) => spec.keys(b)), f.id);
  if (taken) fail(keyTakenError(taken));
  const rows = diffFilings(old, after);
  if (!rows.length) throw new AppError('invalid', '您未修改任何信息');
  return { f, s, old, after, rows };
}

/** 提交 of a change shows this first (validated on the server, masked); nothing is stored. */
export function previewFilingChange(userId: number, kind: FilingKind, filingId: number, input: FilingInput): FilingChangeRow[] {
  return getDb().transaction((tx) => prepareChange(tx, userId, kind, filingId, input).rows);
}

/** 确认: one change application; the object goes 变更中 and keeps its data and number until approval. */
export function submitFilingChange(userId: number, kind: FilingKind, filingId: number, input: { data: FilingInput; draftId?: number | null }, now = Date.now()) {
  const spec = kindSpec(kind);
  return getDb().transaction((tx) => {
    const { f, s, old, after } = prepareChange(tx, userId, kind, filingId, input.data);
    claimFiles(tx, userId, s.id, after);
    const status = nextWebsiteStatus(f.status, 'change');
    const moved = tx.update(filings).set({ status, updatedAt: now }).where(and(eq(filings.id, f.id), eq(filings.status, f.status))).run();
    if (moved.changes !== 1) throw new AppError('conflict', '存在审核中的单据');
    const app = insertApplication(
      tx,
      { type: spec.types.change, applicantId: userId, subjectId: s.id, filingId: f.id, queued: true, payload: { filing: after, name: after.basic.name }, previous: { filing: old } } as Parameters<typeof insertApplication>[1],
      now,
    );
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId))).run();
    writeAudit({ actorId: userId, action: 'filing.change_submit', objectType: 'application', objectId: app.id, before: { status: f.status }, after: { filingId: f.id, status } }, tx);
    notify(
      userId,
      {
        type: 'filing.change_submitted',
        title: `${spec.types.change}申请已提交`,
        body: `申请编号 ${app.code}（${f.name}）。审核期间${spec.label}保持备案，公安备案号不变。${withSpec(after, (sp, x) => sp.interactive(x)) && !f.interactive ? '变更为提供互联网交互服务须通过安全评估。' : ''}`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { applicationId: app.id, code: app.code, filingId: f.id };
  });
}

/**
 * An approved change, in the caller's (approving) transaction: the new data, name and identifiers
 * replace the old ones and the object is 已备案 again with the same 公安备案号.
 */
export function applyApprovedFilingChange(tx: Tx, applicationId: number, now = Date.now()) {
  const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
  const stored = (app?.payload as { filing?: StoredFiling } | undefined)?.filing;
  if (!app?.filingId || !stored?.basic) throw new AppError('conflict', '变更内容缺失，不能通过');
  const f = tx.select().from(filings).where(eq(filings.id, app.filingId)).get();
  if (!f) throw new AppError('not_found', '备案对象不存在');
  // Another filing may have taken a new identifier while this change was reviewed.
  const keys = withSpec(stored, (spec, b) => spec.keys(b));
  const taken = takenKey(tx, f.kind, keys, f.id);
  if (taken) throw new AppError('conflict', `${taken.label} 已被其他${kindSpec(f.kind).label}备案或正在办理，不能通过本次变更`);
  tx.delete(filingKeys).where(eq(filingKeys.filingId, f.id)).run();
  insertKeys(tx, f.id, stored);
  tx.update(filings)
    .set({
      name: stored.basic.name,
      interactive: withSpec(stored, (sp, x) => sp.interactive(x)),
      icpNumber: withSpec(stored, (sp, x) => sp.icpNumber(x)),
      data: stored,
      status: nextWebsiteStatus(f.status, 'changeEnded'),
      updatedAt: now,
    })
    .where(eq(filings.id, f.id))
    .run();
  syncProviderDirectory(tx, f.id, now);
}

/** A change returned or revoked, in the caller's transaction: the object is 已备案 again, unchanged. */
export function endFilingChange(tx: Tx, applicationId: number, now = Date.now()) {
  const app = tx.select({ filingId: applications.filingId }).from(applications).where(eq(applications.id, applicationId)).get();
  if (!app?.filingId) throw new AppError('not_found', '申请不存在');
  const f = tx.select({ status: filings.status }).from(filings).where(eq(filings.id, app.filingId)).get();
  if (!f) throw new AppError('not_found', '备案对象不存在');
  tx.update(filings).set({ status: nextWebsiteStatus(f.status, 'changeEnded'), updatedAt: now }).where(eq(filings.id, app.filingId)).run();
}
