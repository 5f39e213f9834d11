/**
 * 网站认领 and 关联旧账号 (SPEC §8.3): filings of the previous system become claimable by an
 * account that holds the subject's 证件号码, or proves the phone on record with an SMS code.
 * Rows are matched through their HMAC columns only; a row is decrypted only to text its phone.
 */
import 'server-only';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applications, legacyFilings, subjects, websites } from '@/db/schema';
import { decryptPii, hmacPii } from '@/lib/pii/crypto';
import { sendSmsCode, verifySmsCode } from '@/lib/notify/codes';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { normalizeFilingNumber } from '@/lib/review/filing-number';
import { isValidMobile, normalizeIdNumber } from '@/lib/validation/identifiers';

export const CLAIM_CODE_PURPOSE = 'legacy-claim';
export const LINK_CODE_PURPOSE = 'legacy-link';

export const CLAIM_MESSAGES = {
  notClaimable: '旧备案号不存在或已认领',
  badNumber: '请输入正确的旧备案号：14位数字，可带“公网安备”前缀和“号”',
  unknownAccount: '未找到该账号的备案信息',
  notYours: '该备案不在您的可认领列表中，请先通过旧备案号验证或关联旧账号',
  openClaim: '该备案已有认领申请正在办理，请勿重复申请',
} as const;

const sent = (masked: string) => `验证码已发送至${masked}`;

/** Not claimed and no 网站认领 open. */
const free = and(isNull(legacyFilings.claimedWebsiteId), isNull(legacyFilings.claimApplicationId));

/** The 证件号码 HMACs of the user's 有效 subjects (a 个人 subject: the principal's 证件号码). */
function subjectHmacs(q: Tx, userId: number): string[] {
  const rows = q
    .select({ nature: subjects.nature, cert: subjects.certNumberHmac, principal: subjects.principalIdHmac })
    .from(subjects)
    .where(and(eq(subjects.ownerId, userId), eq(subjects.status, '有效')))
    .all();
  return [...new Set(rows.flatMap((r) => [r.cert, r.nature === '个人' ? r.principal : null]).filter((v): v is string => !!v))];
}

function mineCondition(q: Tx, userId: number) {
  const hmacs = subjectHmacs(q, userId);
  return hmacs.length ? or(eq(legacyFilings.claimableUserId, userId), inArray(legacyFilings.certNumberHmac, hmacs)) : eq(legacyFilings.claimableUserId, userId);
}

const listColumns = {
  id: legacyFilings.id,
  oldNumber: legacyFilings.oldNumber,
  oldDigits: legacyFilings.oldDigits,
  name: legacyFilings.name,
  domain: legacyFilings.domain,
  subjectName: legacyFilings.subjectName,
  filedOn: legacyFilings.filedOn,
};

/** 可认领的网站: free rows of the user's subjects' 证件号码, or proven by SMS / 关联旧账号. */
export function claimableFor(userId: number) {
  const db = getDb();
  return db
    .select(listColumns)
    .from(legacyFilings)
    .where(and(free, mineCondition(db, userId)))
    .orderBy(desc(legacyFilings.filedOn), desc(legacyFilings.id))
    .all();
}

/** The row the user may claim now (inside the submitting transaction), or an AppError saying why not. */
export function claimableRow(q: Tx, userId: number, legacyId: number) {
  const row = q.select().from(legacyFilings).where(eq(legacyFilings.id, legacyId)).get();
  if (!row || row.claimedWebsiteId) throw new AppError('not_found', CLAIM_MESSAGES.notClaimable);
  if (row.claimApplicationId) throw new AppError('conflict', CLAIM_MESSAGES.openClaim);
  const mine = q.select({ id: legacyFilings.id }).from(legacyFilings).where(and(eq(legacyFilings.id, legacyId), mineCondition(q, userId))).get();
  if (!mine) throw new AppError('forbidden', CLAIM_MESSAGES.notYours);
  return row;
}

/** What the wizard in claim mode starts from: 网站名称 and 网站域名 of the old filing. */
export function claimPrefill(userId: number, legacyId: number) {
  const row = claimableRow(getDb(), userId, legacyId);
  return { id: row.id, oldNumber: row.oldNumber, name: row.name, domain: row.domain };
}

function freeRowByNumber(oldNumber: string) {
  const digits = normalizeFilingNumber(oldNumber);
  if (!digits) throw new AppError('invalid', CLAIM_MESSAGES.badNumber, { oldNumber: CLAIM_MESSAGES.badNumber });
  const row = getDb()
    .select()
    .from(legacyFilings)
    .where(and(eq(legacyFilings.oldDigits, digits), free))
    .get();
  if (!row) throw new AppError('not_found', CLAIM_MESSAGES.notClaimable, { oldNumber: CLAIM_MESSAGES.notClaimable });
  return row;
}

/** 按旧备案号认领 → 获取验证码: an SMS code to the phone on record of that filing. */
export async function requestClaimCode(userId: number, oldNumber: string, now = Date.now()) {
  const row = freeRowByNumber(oldNumber);
  await sendSmsCode(CLAIM_CODE_PURPOSE, decryptPii(row.principalPhoneEnc), userId, now);
  return { message: sent(row.principalPhoneMasked) };
}

/** 确认: the right code makes the filing claimable by this account (5 wrong tries burn the code). */
export function verifyClaimCode(userId: number, oldNumber: string, code: string, now = Date.now()) {
  const row = freeRowByNumber(oldNumber);
  verifySmsCode(CLAIM_CODE_PURPOSE, decryptPii(row.principalPhoneEnc), code, now);
  getDb().transaction((tx) => {
    tx.update(legacyFilings).set({ claimableUserId: userId }).where(eq(legacyFilings.id, row.id)).run();
    writeAudit({ actorId: userId, action: 'legacy.claimable', objectType: 'legacy_filing', objectId: row.id, after: { by: 'old-number' } }, tx);
  });
  return { id: row.id, oldNumber: row.oldNumber, name: row.name };
}

/** The free rows of an old 登录账号: a 手机号码 (principal phone) or a 证件号码; newest first. */
function accountRows(account: string) {
  const v = account.trim().replace(/\s+/g, '');
  const byPhone = isValidMobile(v);
  const rows = getDb()
    .select({ id: legacyFilings.id, phoneEnc: legacyFilings.principalPhoneEnc, phoneMasked: legacyFilings.principalPhoneMasked })
    .from(legacyFilings)
    .where(and(free, byPhone ? eq(legacyFilings.principalPhoneHmac, hmacPii(v)) : eq(legacyFilings.certNumberHmac, hmacPii(normalizeIdNumber(v)))))
    .orderBy(desc(legacyFilings.importedAt), desc(legacyFilings.id))
    .all();
  if (!v || rows.length === 0) throw new AppError('not_found', CLAIM_MESSAGES.unknownAccount, { account: CLAIM_MESSAGES.unknownAccount });
  return rows;
}

/** 关联旧账号 → 获取验证码: the code goes to the phone on record (the newest row's). */
export async function linkOldAccount(userId: number, account: string, now = Date.now()) {
  const [newest] = accountRows(account);
  await sendSmsCode(LINK_CODE_PURPOSE, decryptPii(newest.phoneEnc), userId, now);
  return { message: sent(newest.phoneMasked) };
}

/** 关联: every free filing of the old account becomes claimable by this one. */
export function verifyOldAccount(userId: number, account: string, code: string, now = Date.now()) {
  const rows = accountRows(account);
  verifySmsCode(LINK_CODE_PURPOSE, decryptPii(rows[0].phoneEnc), code, now);
  const ids = rows.map((r) => r.id);
  getDb().transaction((tx) => {
    tx.update(legacyFilings).set({ claimableUserId: userId }).where(inArray(legacyFilings.id, ids)).run();
    writeAudit({ actorId: userId, action: 'legacy.link-account', objectType: 'legacy_filing', objectId: ids[0], after: { ids } }, tx);
  });
  return { count: ids.length };
}

/** 我的认领: open (认领中) and finished (已认领, with the website) claims of the user. */
export function myClaims(userId: number) {
  const db = getDb();
  const open = db
    .select({ ...listColumns, applicationId: applications.id, applicationCode: applications.code })
    .from(legacyFilings)
    .innerJoin(applications, eq(applications.id, legacyFilings.claimApplicationId))
    .where(and(eq(applications.applicantId, userId), isNull(legacyFilings.claimedWebsiteId)))
    .all();
  const done = db
    .select({ ...listColumns, websiteId: websites.id, claimedAt: legacyFilings.claimedAt })
    .from(legacyFilings)
    .innerJoin(websites, eq(websites.id, legacyFilings.claimedWebsiteId))
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .orderBy(desc(legacyFilings.claimedAt))
    .all();
  return { open, done };
}

export const DEFAULT_CLAIM_DEADLINE_DAYS = 180;

/** WLBA_CLAIM_DEADLINE_DAYS: calendar days after the import within which a filing should be claimed. */
export function claimDeadlineDays(): number {
  const n = Number(process.env.WLBA_CLAIM_DEADLINE_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_CLAIM_DEADLINE_DAYS;
}

/** 逾期未认领 for the reviewers' dashboard: the count and the 10 imported longest ago. */
export function overdueClaims(now = Date.now()) {
  const db = getDb();
  const cutoff = now - claimDeadlineDays() * 86_400_000;
  const where = and(isNull(legacyFilings.claimedWebsiteId), lt(legacyFilings.importedAt, cutoff));
  const count = db.select({ n: sql<number>`count(*)` }).from(legacyFilings).where(where).get()?.n ?? 0;
  const rows = db.select(listColumns).from(legacyFilings).where(where).orderBy(legacyFilings.importedAt, legacyFilings.id).limit(10).all();
  return { count, rows, days: claimDeadlineDays() };
}
