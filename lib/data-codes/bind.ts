/**
 * The applicant's side of 数据码 (SPEC §8.1): 绑定数据码, the home pop-up for a matching code,
 * 已绑定数据码, and the drafts a bound code creates (创建主体, 创建网站, 批量创建网站).
 *
 * A code binds once, to an account whose phone or 证件号码 matches it, or that types the code's
 * 负责人手机号 / 身份证号. Matching goes through the HMAC columns; nothing is decrypted to look.
 * Wrong codes and wrong 手机号/身份证号 count like wrong passwords: 5 in 15 minutes lock binding.
 */
import 'server-only';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db/client';
import { dataCodes, users } from '@/db/schema';
import { decryptPii, hmacPii } from '@/lib/pii/crypto';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { lockedUntil, recordFailure } from '@/lib/auth/throttle';
import { normalizeIdNumber } from '@/lib/validation/identifiers';
import { formatDateTime } from '@/lib/time';
import { dataCodeStatus, formatCode, normalizeCode } from './code';
import { codeHmacOf, openDataCode } from './service';

export const BIND_MAX_FAILURES = 5;
export const BIND_MESSAGES = {
  code: '请填写正确的数据码（16位字母和数字）',
  unknown: '数据码不正确，请核对后重新输入',
  expired: '该数据码已过期，请联系接入服务商重新签发',
  revoked: '该数据码已作废，请联系接入服务商重新签发',
  bound: '该数据码已被绑定',
  matchRequired: '数据码与本账号的手机号码、证件号码不一致，请填写数据码登记的负责人手机号或身份证号',
  mismatch: '负责人手机号/身份证号与数据码登记的信息不一致',
} as const;

const userKey = (userId: number) => `dcode:${userId}`;

type Account = { phoneHmac: string; idNumberHmac: string | null };

const accountById = preparedQuery((db) =>
  db.select({ phoneHmac: users.phoneHmac, idNumberHmac: users.idNumberHmac }).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
);

function account(userId: number): Account {
  const u = accountById().get({ userId });
  if (!u) throw new AppError('unauthenticated', '请先登录');
  return u;
}

const matchesAccount = (row: { phoneHmac: string; idHmac: string }, a: Account) => row.phoneHmac === a.phoneHmac || (a.idNumberHmac != null && row.idHmac === a.idNumberHmac);

function fail(userId: number, now: number, field: 'code' | 'match', message: string): never {
  const left = recordFailure(userKey(userId), BIND_MAX_FAILURES, now);
  const msg = left === 0 ? `${message}。错误次数过多，请于${formatDateTime(lockedUntil(userKey(userId), now) ?? now)}后再试` : message;
  throw new AppError('invalid', msg, { [field]: msg });
}

/**
 * 确认 on the 绑定数据码 tab. `match` is the 负责人手机号/身份证号 typed (optional when the
 * account's own phone or 证件号码 matches the code). Returns the bound code's id.
 */
export function bindDataCode(userId: number, input: { code: string; match?: string }, now = Date.now()): number {
  const until = lockedUntil(userKey(userId), now);
  if (until) throw new AppError('rate_limited', `错误次数过多，请于${formatDateTime(until)}后再试`, { code: `错误次数过多，请于${formatDateTime(until)}后再试` });
  const code = normalizeCode(input.code ?? '');
  if (!code) fail(userId, now, 'code', BIND_MESSAGES.code);
  const db = getDb();
  const row = db.select().from(dataCodes).where(eq(dataCodes.codeHmac, codeHmacOf(code))).get();
  if (!row) fail(userId, now, 'code', BIND_MESSAGES.unknown);
  if (row.boundUserId === userId) return row.id;
  const a = account(userId);
  const typed = (input.match ?? '').trim();
  if (!matchesAccount(row, a)) {
    if (!typed) throw new AppError('invalid', BIND_MESSAGES.matchRequired, { match: BIND_MESSAGES.matchRequired });
    const h = hmacPii(/^\d{11}$/.test(typed) ? typed : normalizeIdNumber(typed));
    if (h !== row.phoneHmac && h !== row.idHmac) fail(userId, now, 'match', BIND_MESSAGES.mismatch);
  }
  const status = dataCodeStatus(row, now);
  if (status === '已作废') throw new AppError('conflict', BIND_MESSAGES.revoked, { code: BIND_MESSAGES.revoked });
  if (status === '已绑定') throw new AppError('conflict', BIND_MESSAGES.bound, { code: BIND_MESSAGES.bound });
  if (status === '已过期') throw new AppError('conflict', BIND_MESSAGES.expired, { code: BIND_MESSAGES.expired });
  return db.transaction((tx) => {
    // One UPDATE decides the race: a code binds once.
    const res = tx
      .update(dataCodes)
      .set({ boundUserId: userId, boundAt: now })
      .where(and(eq(dataCodes.id, row.id), isNull(dataCodes.boundUserId), isNull(dataCodes.revokedAt), gt(dataCodes.expiresAt, now)))
      .run();
    if (res.changes !== 1) throw new AppError('conflict', BIND_MESSAGES.bound, { code: BIND_MESSAGES.bound });
    writeAudit({ actorId: userId, action: 'data_code.bind', objectType: 'data_code', objectId: row.id, before: null, after: { subjectName: row.subjectName } }, tx);
    return row.id;
  });
}

/** The home pop-up: the newest unbound, valid code matching the account's phone or 证件号码. */
export function pendingDataCodeFor(userId: number, now = Date.now()): { code: string; subjectName: string; providerName: string } | null {
  const row = pendingCode().get({ userId, now });
  return row ? { code: formatCode(decryptPii(row.codeEnc)), subjectName: row.subjectName, providerName: row.providerName } : null;
}

/** The account's phone and 证件号码 are joined in (one statement on every 我的首页, issue 17). */
const pendingCode = preparedQuery((db) =>
  db
    .select({ codeEnc: dataCodes.codeEnc, subjectName: dataCodes.subjectName, providerName: dataCodes.providerName })
    .from(dataCodes)
    .innerJoin(
      users,
      and(
        eq(users.id, sql.placeholder('userId')),
        // An account without 证件号码 matches by phone only (id_hmac = NULL is never true).
        or(eq(dataCodes.phoneHmac, users.phoneHmac), eq(dataCodes.idHmac, users.idNumberHmac)),
      ),
    )
    .where(and(isNull(dataCodes.boundUserId), isNull(dataCodes.revokedAt), gt(dataCodes.expiresAt, sql.placeholder('now'))))
    .orderBy(desc(dataCodes.createdAt))
    .limit(1)
    .prepare(),
);

/** 已绑定数据码: the account's bound codes, newest first. */
export function myBoundCodes(userId: number) {
  return getDb()
    .select({ id: dataCodes.id, codeMasked: dataCodes.codeMasked, subjectName: dataCodes.subjectName, websiteCount: dataCodes.websiteCount, providerName: dataCodes.providerName, boundAt: dataCodes.boundAt })
    .from(dataCodes)
    .where(eq(dataCodes.boundUserId, userId))
    .orderBy(desc(dataCodes.boundAt), desc(dataCodes.id))
    .all();
}

/** The 详情 of a code bound to this account (full data: it is theirs); not found otherwise. */
export function boundCodeDetail(userId: number, id: number) {
  const row = getDb()
    .select()
    .from(dataCodes)
    .where(and(eq(dataCodes.id, id), eq(dataCodes.boundUserId, userId)))
    .get();
  if (!row) throw new AppError('not_found', '数据码不存在或未绑定到本账号');
  const stored = row.payload;
  return {
    id: row.id,
    code: formatCode(decryptPii(row.codeEnc)),
    providerName: row.providerName,
    boundAt: row.boundAt!,
    createdAt: row.createdAt,
    subject: stored.subject,
    websites: stored.websites,
    provider: stored.provider ?? null,
    data: openDataCode(stored),
  };
}
