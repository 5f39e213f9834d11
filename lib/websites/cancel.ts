/**
 * 注销网站 (SPEC §4.3, seed 004 §5.2.3): identity check of the subject principal (姓名,
 * middle four digits of the phone, SMS code), then a 注销网站 application with the website
 * 注销中, and a liveness check of its domains for the reviewer.
 */
import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { domainsByWebsite } from './domain-list';
import { applications, drafts, files, subjects, websiteChecks, websiteDomains, websites } from '@/db/schema';
import { insertApplication } from '@/lib/applications/service';
import { nextWebsiteStatus } from '@/lib/applications/rules';
import { sendSmsCode, verifySmsCode } from '@/lib/notify/codes';
import { decryptPii } from '@/lib/pii/crypto';
import { phoneMiddleFour } from '@/lib/pii/mask';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { chinesePdf } from '@/lib/pdf/chinese';
import { recordLiveness, type LivenessOptions, type LivenessRecord } from './liveness';
import { ownedWebsite } from './service';
import { purgeOldDrafts, saveDraft } from '@/lib/drafts/service';

const SMS_PURPOSE = 'website_cancel';
const PENDING = ['待审核', '审核中', '待面审'] as const;
export const REASON_MAX = 500;


function pendingOfWebsite(tx: Tx, websiteId: number) {
  return tx
    .select({ id: applications.id, type: applications.type })
    .from(applications)
    .where(and(eq(applications.websiteId, websiteId), inArray(applications.status, [...PENDING])))
    .all();
}

/** The website may be cancelled now: subject 有效, website 已备案, nothing of it under review. */
function assertCancellable(tx: Tx, userId: number, websiteId: number) {
  const { w, s } = ownedWebsite(tx, userId, websiteId);
  if (s.status !== '有效') throw new AppError('conflict', `主体当前状态为“${s.status}”，不能办理注销网站`);
  if (pendingOfWebsite(tx, websiteId).length) throw new AppError('conflict', '存在审核中的单据');
  const next = nextWebsiteStatus(w.status, 'cancel');
  return { w, s, next };
}

/** 获取短信验证码: to the subject principal's phone (never shown in full). */
export async function sendWebsiteCancelCode(userId: number, websiteId: number, now = Date.now()) {
  const { s } = assertCancellable(getDb(), userId, websiteId);
  await sendSmsCode(SMS_PURPOSE, decryptPii(s.principalPhoneEnc), userId, now);
  return { phoneMasked: s.principalPhoneMasked };
}

export type WebsiteCancelInput = {
  principalName: string;
  middleFour: string;
  code: string;
  reason: string;
  attachmentFileId?: number | null;
  /** The 注销网站 draft this submission came from: deleted with the submission. */
  draftId?: number | null;
};

/**
 * 注销网站. Name and middle four digits are checked, then the SMS code (outside the
 * transaction, so a wrong try is counted), then in one transaction the application is
 * written and the website goes 注销中. The liveness check runs afterwards: `liveness`
 * settles when its row is stored and never rejects.
 */
export function submitWebsiteCancel(
  userId: number,
  websiteId: number,
  input: WebsiteCancelInput,
  opts: { now?: number; liveness?: LivenessOptions } = {},
) {
  const now = opts.now ?? Date.now();
  const reason = input.reason.trim();
  if (!reason) throw new AppError('invalid', '请填写注销原因', { reason: '请填写注销原因' });
  if (reason.length > REASON_MAX) throw new AppError('invalid', `注销原因不能超过${REASON_MAX}个字`, { reason: `注销原因不能超过${REASON_MAX}个字` });

  const { s } = assertCancellable(getDb(), userId, websiteId);
  const phone = decryptPii(s.principalPhoneEnc);
  const errors: Record<string, string> = {};
  if (input.principalName.trim() !== s.principalName) errors.principalName = '负责人姓名与主体信息不一致';
  if (input.middleFour.trim() !== phoneMiddleFour(phone)) errors.middleFour = '手机号码中间四位不正确';
  if (Object.keys(errors).length) throw new AppError('invalid', Object.values(errors)[0], errors);
  verifySmsCode(SMS_PURPOSE, phone, input.code, now);

  const result = getDb().transaction((tx) => {
    const { w, s, next } = assertCancellable(tx, userId, websiteId);
    const attachmentFileId = input.attachmentFileId ?? null;
    if (attachmentFileId) {
      const f = tx.select().from(files).where(and(eq(files.id, attachmentFileId), eq(files.ownerId, userId))).get();
      if (!f || f.kind !== 'pdf') throw new AppError('invalid', '附件说明须为PDF文件', { attachmentFileId: '附件说明须为PDF文件' });
      // Attached to the subject so the reviewers of its unit may read it.
      tx.update(files).set({ subjectId: s.id }).where(eq(files.id, f.id)).run();
    }
    const domains = tx
      .select({ unicode: websiteDomains.unicode })
      .from(websiteDomains)
      .where(eq(websiteDomains.websiteId, websiteId))
      .orderBy(asc(websiteDomains.id))
      .all()
      .map((d) => d.unicode);
    const app = insertApplication(
      tx,
      {
        type: '注销网站',
        applicantId: userId,
        subjectId: s.id,
        websiteId,
        queued: true,
        payload: { reason, attachmentFileId, websiteName: w.name, domains, filingNumber: w.filingNumber },
      },
      now,
    );
    const res = tx
      .update(websites)
      .set({ status: next, updatedAt: now })
      .where(and(eq(websites.id, websiteId), eq(websites.status, w.status)))
      .run();
    if (res.changes !== 1) throw new AppError('conflict', '网站状态已变化，请刷新后重试');
    if (input.draftId) tx.delete(drafts).where(and(eq(drafts.id, input.draftId), eq(drafts.userId, userId), eq(drafts.type, '注销网站'))).run();
    writeAudit({ actorId: userId, action: 'website.cancel_submit', objectType: 'application', objectId: app.id, before: { status: w.status }, after: { websiteId, status: next } }, tx);
    return { applicationId: app.id, code: app.code };
  });

  return { ...result, liveness: checkClosedAfterCancel(websiteId, opts.liveness) };
}

/**
 * Runs and stores the liveness check; a failure of the check itself is stored too (ok =
 * false: not shown to be closed) so the reviewer sees it, and never reaches the applicant.
 */
export async function checkClosedAfterCancel(websiteId: number, opts?: LivenessOptions): Promise<LivenessRecord | null> {
  try {
    return await recordLiveness(websiteId, opts);
  } catch (e) {
    console.error('liveness check failed', websiteId, e);
    try {
      getDb()
        .insert(websiteChecks)
        .values({ websiteId, kind: 'liveness', ok: false, detail: { error: '网站关闭状态检测失败，请人工核实', cause: e instanceof Error ? e.message : String(e) }, checkedAt: Date.now() })
        .run();
    } catch (e2) {
      console.error('liveness failure not stored', websiteId, e2);
    }
    return null;
  }
}

export type CancellableWebsite = {
  id: number;
  name: string;
  domains: string[];
  filedAt: number | null;
  icpNumber: string | null;
  filingNumber: string | null;
  /** Something of this website is under review: 注销 is not offered. */
  pending: boolean;
};

/** 注销网站 list: the subject's 已备案 websites with all their domains (主域名 first). */
export function listCancellableWebsites(userId: number, subjectId: number, filter: { name?: string; domain?: string } = {}): CancellableWebsite[] {
  const db = getDb();
  const rows = db
    .select({ id: websites.id, name: websites.name, filedAt: websites.filedAt, icpNumber: websites.icpNumber, filingNumber: websites.filingNumber })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(websites.subjectId, subjectId), eq(websites.status, '已备案')))
    .orderBy(asc(websites.filedAt), asc(websites.id))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const domains = domainsByWebsite(db, ids);
  const pending = new Set(
    db
      .select({ websiteId: applications.websiteId })
      .from(applications)
      .where(and(inArray(applications.websiteId, ids), inArray(applications.status, [...PENDING])))
      .all()
      .map((r) => r.websiteId),
  );
  const name = filter.name?.trim();
  const domain = filter.domain?.trim().toLowerCase();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      filedAt: r.filedAt,
      icpNumber: r.icpNumber,
      filingNumber: r.filingNumber,
      domains: domains.get(r.id) ?? [],
      pending: pending.has(r.id),
    }))
    .filter((r) => (!name || r.name.includes(name)) && (!domain || r.domains.some((d) => d.toLowerCase().includes(domain))));
}

/**
 * What a 注销网站 draft keeps: 负责人姓名, 注销原因 and the 附件说明 PDF. Never the middle four
 * digits of the phone or the SMS code (the code expires in minutes anyway).
 */
export type WebsiteCancelDraft = { principalName: string; reason: string; attachmentFileId: number | null };

export function toCancelDraft(data: unknown): WebsiteCancelDraft {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  const id = d.attachmentFileId;
  return {
    principalName: text(d.principalName, 50),
    reason: text(d.reason, REASON_MAX),
    attachmentFileId: typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null,
  };
}

/** 保存草稿 in the 注销网站 dialog: only for a website the user may cancel now. */
export function saveWebsiteCancelDraft(userId: number, websiteId: number, data: WebsiteCancelDraft, draftId: number | null, now = Date.now()): number {
  const db = getDb();
  const { s } = assertCancellable(db, userId, websiteId);
  // A draft id of another website's dialog starts a new draft instead of moving that one.
  const own = draftId ? db.select({ websiteId: drafts.websiteId }).from(drafts).where(and(eq(drafts.id, draftId), eq(drafts.userId, userId))).get() : null;
  return saveDraft(userId, '注销网站', { ...toCancelDraft(data) }, { draftId: own?.websiteId === websiteId ? draftId : null, subjectId: s.id, websiteId }, now);
}

/** The newest 注销网站 draft of each website (for "您有一条草稿，是否使用" in its dialog). */
export function latestCancelDrafts(userId: number, now = Date.now()): Map<number, { id: number; savedAt: number; data: WebsiteCancelDraft }> {
  purgeOldDrafts(now);
  const rows = getDb()
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.type, '注销网站')))
    .orderBy(desc(drafts.savedAt), desc(drafts.id))
    .all();
  const out = new Map<number, { id: number; savedAt: number; data: WebsiteCancelDraft }>();
  for (const r of rows) if (r.websiteId && !out.has(r.websiteId)) out.set(r.websiteId, { id: r.id, savedAt: r.savedAt, data: toCancelDraft(r.data) });
  return out;
}

/** 模板下载: the 网站注销说明 form, to be signed or sealed by hand, scanned and uploaded as 附件说明. */
export const CANCEL_TEMPLATE_FILENAME = '网站注销说明模板.pdf';

let template: Promise<Uint8Array> | null = null;
export function websiteCancelTemplatePdf(): Promise<Uint8Array> {
  template ??= chinesePdf({
    title: '网站注销说明',
    paragraphs: [
      '本人（本单位）申请注销下列网站的公安联网备案，现将有关情况说明如下：',
    ],
    fields: [
      ['网站名称', ''],
      ['网站域名', '', 2],
      ['公安备案号', ''],
      ['注销原因', '', 3],
      ['域名不再受控的情况说明', '', 5],
    ],
    closing: [
      '本人（本单位）承诺以上说明内容真实、准确、完整，如有不实，愿意承担相应的法律责任。',
      '填写说明：网站域名已不属于您控制，或您无法关停相关服务时，请填写本说明，由负责人手写签名或单位盖章后扫描为PDF文件（不超过5MB），在注销网站时作为“附件说明”上传。',
    ],
  })
    .then(({ bytes, missing }) => {
      if (missing.length) throw new Error(`网站注销说明模板缺少字形：${missing.join('')}`);
      return bytes;
    })
    .catch((e) => {
      template = null;
      throw e;
    });
  return template;
}
