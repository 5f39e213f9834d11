/**
 * 注销APP / 注销小程序 (SPEC §15, as 注销网站 of §4.3 without the liveness check): identity check of
 * the subject principal (姓名, middle four digits of the phone, SMS code), then a cancel
 * application with the object 注销中. Approved, it is 已注销 and its number is not used again.
 */
import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applications, drafts, files, filings, subjects, type FilingKind } from '@/db/schema';
import { insertApplication } from '@/lib/applications/service';
import { nextWebsiteStatus } from '@/lib/applications/rules';
import { sendSmsCode, verifySmsCode } from '@/lib/notify/codes';
import { decryptPii } from '@/lib/pii/crypto';
import { phoneMiddleFour } from '@/lib/pii/mask';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { kindSpec, withSpec } from './kinds';
import { ownedFiling, PENDING } from './service';
import { checkFilingClosed } from './liveness';
import type { LivenessOptions } from '@/lib/websites/liveness';
import { toCancelDraft, type WebsiteCancelDraft } from '@/lib/websites/cancel';
import { purgeOldDrafts, saveDraft } from '@/lib/drafts/service';

const SMS_PURPOSE = 'filing_cancel';
export const REASON_MAX = 500;

function pendingOf(tx: Tx, filingId: number) {
  return tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.filingId, filingId), inArray(applications.status, [...PENDING])))
    .all();
}

/** The object may be cancelled now: subject 有效, object 已备案, nothing of it under review. */
function assertCancellable(tx: Tx, userId: number, kind: FilingKind, filingId: number) {
  const { f, s } = ownedFiling(tx, userId, kind, filingId);
  if (s.status !== '有效') throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理${kindSpec(kind).types.cancel}`);
  if (pendingOf(tx, filingId).length) throw new AppError('conflict', '存在审核中的单据');
  const next = nextWebsiteStatus(f.status, 'cancel');
  return { f, s, next };
}

/** 获取短信验证码: to the subject principal's phone (never shown in full). */
export async function sendFilingCancelCode(userId: number, kind: FilingKind, filingId: number, now = Date.now()) {
  const { s } = assertCancellable(getDb(), userId, kind, filingId);
  await sendSmsCode(SMS_PURPOSE, decryptPii(s.principalPhoneEnc), userId, now);
  return { phoneMasked: s.principalPhoneMasked };
}

export type FilingCancelInput = { principalName: string; middleFour: string; code: string; reason: string; attachmentFileId?: number | null; draftId?: number | null };

/**
 * 注销APP / 注销小程序. Name and middle four digits are checked, then the SMS code (outside the
 * transaction, so a wrong try is counted), then in one transaction the application is written
 * and the object goes 注销中.
 */
export function submitFilingCancel(userId: number, kind: FilingKind, filingId: number, input: FilingCancelInput, now = Date.now(), opts: { liveness?: LivenessOptions } = {}) {
  const spec = kindSpec(kind);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('invalid', '请填写注销原因', { reason: '请填写注销原因' });
  if (reason.length > REASON_MAX) throw new AppError('invalid', `注销原因不能超过${REASON_MAX}个字`, { reason: `注销原因不能超过${REASON_MAX}个字` });
  const { s } = assertCancellable(getDb(), userId, kind, filingId);
  const phone = decryptPii(s.principalPhoneEnc);
  const errors: Record<string, string> = {};
  if (input.principalName.trim() !== s.principalName) errors.principalName = '负责人姓名与主体信息不一致';
  if (input.middleFour.trim() !== phoneMiddleFour(phone)) errors.middleFour = '手机号码中间四位不正确';
  if (Object.keys(errors).length) throw new AppError('invalid', Object.values(errors)[0], errors);
  verifySmsCode(SMS_PURPOSE, phone, input.code, now);

  const result = getDb().transaction((tx) => {
    const { f, s, next } = assertCancellable(tx, userId, kind, filingId);
    const attachmentFileId = input.attachmentFileId ?? null;
    if (attachmentFileId) {
      const file = tx.select().from(files).where(and(eq(files.id, attachmentFileId), eq(files.ownerId, userId))).get();
      if (!file || file.kind !== 'pdf') throw new AppError('invalid', '附件说明须为PDF文件', { attachmentFileId: '附件说明须为PDF文件' });
      tx.update(files).set({ subjectId: s.id }).where(eq(files.id, file.id)).run();
    }
    const idents = withSpec(f.data, (sp, b) => sp.keys(b).map((k) => k.label));
    const app = insertApplication(
      tx,
      { type: spec.types.cancel, applicantId: userId, subjectId: s.id, filingId, queued: true, payload: { reason, attachmentFileId, name: f.name, idents, filingNumber: f.filingNumber, ident: withSpec(f.data, (sp, b) => sp.identText(b)) } } as Parameters<typeof insertApplication>[1],
      now,
    );
    const res = tx.update(filings).set({ status: next, updatedAt: now }).where(and(eq(filings.id, filingId), eq(filings.status, f.status))).run();
    if (res.changes !== 1) throw new AppError('conflict', `${spec.label}状态已变化，请刷新后重试`);
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId), eq(drafts.type, spec.types.cancel))).run();
    writeAudit({ actorId: userId, action: 'filing.cancel_submit', objectType: 'application', objectId: app.id, before: { status: f.status }, after: { filingId, status: next } }, tx);
    return { applicationId: app.id, code: app.code };
  });
  // An 应用市场's 网址 are probed after the response (up to ~5 s); the result is for the reviewer.
  return { ...result, liveness: spec.closedOnCancel ? checkFilingClosed(filingId, opts.liveness) : null };
}

export type CancellableFiling = { id: number; name: string; idents: string; platforms: string; filedAt: number | null; icpNumber: string | null; filingNumber: string | null; pending: boolean };

/** The cancel list: the subject's 已备案 objects of the kind, filtered by name or 标识. */
export function listCancellableFilings(userId: number, subjectId: number, kind: FilingKind, filter: { name?: string; ident?: string } = {}): CancellableFiling[] {
  const db = getDb();
  const rows = db
    .select({ f: filings })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(filings.subjectId, subjectId), eq(filings.kind, kind), eq(filings.status, '已备案')))
    .orderBy(asc(filings.filedAt), asc(filings.id))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.f.id);
  const pending = new Set(
    db
      .select({ filingId: applications.filingId })
      .from(applications)
      .where(and(inArray(applications.filingId, ids), inArray(applications.status, [...PENDING])))
      .all()
      .map((r) => r.filingId),
  );
  const name = filter.name?.trim();
  const ident = filter.ident?.trim().toLowerCase();
  return rows
    .map(({ f }) => ({
      id: f.id,
      name: f.name,
      idents: withSpec(f.data, (sp, b) => sp.identText(b)),
      platforms: withSpec(f.data, (sp, b) => sp.platformText(b)),
      filedAt: f.filedAt,
      icpNumber: f.icpNumber,
      filingNumber: f.filingNumber,
      pending: pending.has(f.id),
    }))
    .filter((r) => (!name || r.name.includes(name)) && (!ident || r.idents.toLowerCase().includes(ident)));
}

/** 保存草稿 in the 注销 dialog: 负责人姓名, 注销原因 and 附件说明 (never the phone digits or the code). */
export function saveFilingCancelDraft(userId: number, kind: FilingKind, filingId: number, data: WebsiteCancelDraft, draftId: number | null, now = Date.now()): number {
  const db = getDb();
  const { s } = assertCancellable(db, userId, kind, filingId);
  // A draft id of another object's dialog starts a new draft instead of moving that one.
  const own = draftId ? db.select({ filingId: drafts.filingId }).from(drafts).where(and(eq(drafts.id, draftId), eq(drafts.userId, userId))).get() : null;
  return saveDraft(userId, kindSpec(kind).types.cancel, { ...toCancelDraft(data) }, { draftId: own?.filingId === filingId ? draftId : null, subjectId: s.id, filingId }, now);
}

/** The newest 注销 draft of each object of the kind (for "您有一条草稿，是否使用" in its dialog). */
export function latestFilingCancelDrafts(userId: number, kind: FilingKind, now = Date.now()): Map<number, { id: number; savedAt: number; data: WebsiteCancelDraft }> {
  purgeOldDrafts(now);
  const rows = getDb()
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.type, kindSpec(kind).types.cancel)))
    .orderBy(desc(drafts.savedAt), desc(drafts.id))
    .all();
  const out = new Map<number, { id: number; savedAt: number; data: WebsiteCancelDraft }>();
  for (const r of rows) if (r.filingId && !out.has(r.filingId)) out.set(r.filingId, { id: r.id, savedAt: r.savedAt, data: toCancelDraft(r.data) });
  return out;
}
