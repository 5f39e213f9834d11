import 'server-only';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, preparedQuery } from '@/db/client';
import { authSessions, users, policeUnits, legalAccounts, type Role, type LegalType } from '@/db/schema';
import { encryptPii, hmacPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { normalizeIdNumber } from '@/lib/validation/identifiers';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';
import { realNameError } from '@/lib/users/schemas';
import { mobileError } from '@/lib/validation/identifiers';
import { passwordError } from '@/lib/auth/rules';
import { formatDateTime } from '@/lib/time';
import { ACCOUNT_MAX_FAILURES_DEFAULT, LOCK_MS_DEFAULT, accountKey, clearThrottle, lockedUntil, recordFailure } from '@/lib/auth/throttle';
import { revokeAllSessions, sessionRowIsLive } from '@/lib/auth/sessions';

export type NewUser = {
  role: Role;
  name: string;
  idType?: string | null;
  idNumber?: string | null;
  phone: string;
  email?: string | null;
  password: string;
  unitId?: number | null;
  phoneVerified?: boolean;
  /** A 法人注册 account: name is the 企业名称, idType / idNumber its 统一社会信用代码. */
  legal?: { legalType: LegalType; repName: string; repIdType: string; repIdNumber: string; validFrom: string; validTo: string | null };
};

/** Creates an account; phone, ID number and e-mail must each be unused. */
export async function createUser(input: NewUser, audit: { actorId: number | null; ip?: string | null } = { actorId: null }) {
  const db = getDb();
  const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : null;
  const email = input.email ? input.email.trim().toLowerCase() : null;
  const phoneHmac = hmacPii(input.phone);
  const idHmac = idNumber ? hmacPii(idNumber) : null;
  const passwordHash = await hashPassword(input.password);

  return db.transaction((tx) => {
    const clashes = tx
      .select({ phoneHmac: users.phoneHmac, idNumberHmac: users.idNumberHmac, email: users.email })
      .from(users)
      .where(or(eq(users.phoneHmac, phoneHmac), idHmac ? eq(users.idNumberHmac, idHmac) : undefined, email ? eq(users.email, email) : undefined))
      .all();
    const fieldErrors: Record<string, string> = {};
    for (const c of clashes) {
      if (c.phoneHmac === phoneHmac) fieldErrors.phone = '该手机号码已注册';
      if (idHmac && c.idNumberHmac === idHmac) fieldErrors.idNumber = '该证件号码已注册';
      if (email && c.email === email) fieldErrors.email = '该电子邮件地址已注册';
    }
    if (Object.keys(fieldErrors).length) throw new AppError('conflict', Object.values(fieldErrors)[0], fieldErrors);
    if (input.unitId != null && !tx.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.id, input.unitId)).get())
      throw new AppError('invalid', '审核单位不存在', { unitId: '审核单位不存在' });

    const now = Date.now();
    const row = tx
      .insert(users)
      .values({
        role: input.role,
        name: input.name.trim(),
        idType: input.idType ?? null,
        idNumberEnc: idNumber ? encryptPii(idNumber) : null,
        idNumberHmac: idHmac,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        phoneEnc: encryptPii(input.phone),
        phoneHmac,
        phoneMasked: maskPhone(input.phone),
        email,
        passwordHash,
        unitId: input.unitId ?? null,
        phoneVerifiedAt: input.phoneVerified ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id })
      .get();
    if (input.legal) {
      const rep = normalizeIdNumber(input.legal.repIdNumber);
      tx.insert(legalAccounts)
        .values({
          userId: row.id,
          legalType: input.legal.legalType,
          repName: input.legal.repName.trim(),
          repIdType: input.legal.repIdType,
          repIdNumberEnc: encryptPii(rep),
          repIdNumberMasked: maskIdNumber(rep),
          validFrom: input.legal.validFrom,
          validTo: input.legal.validTo,
        })
        .run();
    }
    writeAudit(
      {
        actorId: audit.actorId ?? row.id,
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        after: { role: input.role, name: input.name, unitId: input.unitId ?? null, ...(input.legal ? { accountType: '法人', legalType: input.legal.legalType } : {}) },
        ip: audit.ip,
      },
      tx,
    );
    return { id: row.id };
  });
}

/** Finds the account a login identifier (手机号码, 证件号码 or 电子邮件地址) names. */
export function findUserByIdentifier(identifier: string) {
  const db = getDb();
  const id = identifier.trim();
  const where = id.includes('@')
    ? eq(users.email, id.toLowerCase())
    : /^1\d{10}$/.test(id)
      ? eq(users.phoneHmac, hmacPii(id))
      : eq(users.idNumberHmac, hmacPii(normalizeIdNumber(id)));
  return db
    .select({ id: users.id, role: users.role, name: users.name, status: users.status, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(where)
    .get();
}

/** The columns pages may see about the signed-in user (masked PII only). */
const PROFILE = {
  id: users.id,
  role: users.role,
  name: users.name,
  idType: users.idType,
  idNumberMasked: users.idNumberMasked,
  phoneMasked: users.phoneMasked,
  email: users.email,
  unitId: users.unitId,
  status: users.status,
  sessionVersion: users.sessionVersion,
  phoneVerifiedAt: users.phoneVerifiedAt,
  emailVerifiedAt: users.emailVerifiedAt,
  identityVerifiedAt: users.identityVerifiedAt,
  createdAt: users.createdAt,
};

const profileById = preparedQuery((db) => db.select(PROFILE).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare());

export function getUserProfile(userId: number) {
  return profileById().get({ userId });
}

const profileBySession = preparedQuery((db) =>
  db
    .select({ session: { userId: authSessions.userId, revokedAt: authSessions.revokedAt, expiresAt: authSessions.expiresAt }, profile: PROFILE })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sql.placeholder('sid')))
    .prepare(),
);

/**
 * The profile of `userId` when `sid` is their live session (lib/auth/sessions.ts), else null.
 * Every signed-in request asks: one statement instead of reading the session and the user apart.
 */
export function getLiveSessionProfile(sid: unknown, userId: number, now = Date.now()) {
  if (typeof sid !== 'string' || !sid) return null;
  const row = profileBySession().get({ sid });
  return row && sessionRowIsLive(row.session, userId, now) ? row.profile : null;
}

/** Server-side only: the full phone number, e.g. to send an SMS. */
export function getUserPhone(userId: number): string {
  const row = getDb().select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found', '用户不存在');
  return decryptPii(row.phoneEnc);
}

/** 手机验证 passed: the account's phone is verified from now (with its audit entry). */
export function markPhoneVerified(userId: number, ip: string | null) {
  getDb().transaction((tx) => {
    tx.update(users).set({ phoneVerifiedAt: Date.now(), updatedAt: Date.now() }).where(eq(users.id, userId)).run();
    writeAudit({ actorId: userId, action: 'user.phone_verified', objectType: 'user', objectId: userId, ip }, tx);
  });
}

/** The account's own 姓名 / 证件类型 / 证件号码 (decrypted, server side only); null without a registered 证件号码. */
export function getUserIdentity(userId: number): { name: string; idType: string; idNumber: string } | null {
  const u = getDb().select({ name: users.name, idType: users.idType, idNumberEnc: users.idNumberEnc }).from(users).where(eq(users.id, userId)).get();
  if (!u?.idNumberEnc) return null;
  return { name: u.name, idType: u.idType ?? '居民身份证', idNumber: decryptPii(u.idNumberEnc) };
}

/**
 * 修改密码: the current password is checked with the same per-account lockout as logins (its
 * failures count towards the same lock), so a borrowed session cannot guess it. Every session of
 * the account ends.
 */
export async function changePassword(userId: number, currentPassword: string, newPassword: string) {
  const db = getDb();
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found', '用户不存在');
  const now = Date.now();
  const key = accountKey(userId);
  const until = lockedUntil(key, now);
  const lockedMsg = (t: number) => `密码错误次数过多，请于 ${formatDateTime(t)} 后重试`;
  if (until) throw new AppError('rate_limited', lockedMsg(until), { currentPassword: lockedMsg(until) });
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    const left = recordFailure(key, ACCOUNT_MAX_FAILURES_DEFAULT, now);
    writeAudit({ actorId: userId, action: 'user.password_change_failed', objectType: 'user', objectId: userId });
    const msg = left === 0 ? lockedMsg(now + LOCK_MS_DEFAULT) : '当前密码不正确';
    throw new AppError(left === 0 ? 'rate_limited' : 'invalid', msg, { currentPassword: msg });
  }
  clearThrottle(key);
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    const before = tx.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!;
    tx.update(users)
      .set({ passwordHash, sessionVersion: before.sv + 1, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run();
    revokeAllSessions(userId, tx);
    writeAudit({ actorId: userId, action: 'user.password_change', objectType: 'user', objectId: userId }, tx);
    notify(
      userId,
      { type: 'account.password_changed', title: '登录密码已修改', body: '您的账号登录密码已修改，所有已登录的会话已失效。如非本人操作，请立即联系管理员。', link: '/my/account' },
      tx,
    );
  });
}

/**
 * 忘记密码, after the phone was proven by an SMS code: sets the new password, ends every session
 * and lifts a login lock of the account.
 */
export async function resetPassword(userId: number, newPassword: string, audit: { ip?: string | null } = {}) {
  const passwordHash = await hashPassword(newPassword);
  getDb().transaction((tx) => {
    const before = tx.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new AppError('not_found', '用户不存在');
    tx.update(users)
      .set({ passwordHash, sessionVersion: before.sv + 1, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run();
    revokeAllSessions(userId, tx);
    writeAudit({ actorId: userId, action: 'user.password_reset', objectType: 'user', objectId: userId, ip: audit.ip }, tx);
    notify(
      userId,
      { type: 'account.password_reset', title: '登录密码已重置', body: '您已通过短信验证码重置登录密码，所有已登录的会话已失效。如非本人操作，请立即联系管理员。', link: '/my/account' },
      tx,
    );
  });
  clearThrottle(accountKey(userId));
}

/** 解除锁定 (admin CLI): the account's failed-login lock ends now. Returns whether it was locked. */
export function unlockUser(userId: number, actorId: number | null): boolean {
  const wasLocked = lockedUntil(accountKey(userId), Date.now()) != null;
  clearThrottle(accountKey(userId));
  writeAudit({ actorId, action: 'user.unlock', objectType: 'user', objectId: userId, after: { wasLocked } });
  return wasLocked;
}

/** Disabling (or re-enabling) an account; disabling voids its sessions at once. */
export function setUserStatus(userId: number, status: 'active' | 'disabled', actorId: number | null) {
  if (status === 'disabled' && actorId === userId) throw new AppError('forbidden', '不能停用自己的账号');
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select({ status: users.status, sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new AppError('not_found', '用户不存在');
    // Asserted inside the transaction: a double click cannot disable (and audit) twice.
    if (before.status === status) throw new AppError('conflict', status === 'disabled' ? '该账号已是停用状态' : '该账号已是正常状态');
    tx.update(users)
      .set({ status, sessionVersion: before.sv + 1, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run();
    if (status === 'disabled') revokeAllSessions(userId, tx);
    writeAudit({ actorId, action: `user.${status === 'disabled' ? 'disable' : 'enable'}`, objectType: 'user', objectId: userId, before: { status: before.status }, after: { status } }, tx);
  });
}

// ---------------------------------------------------------------------------
// 账号管理 (/admin/users)
// ---------------------------------------------------------------------------

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
/** Accounts an administrator creates; 开办者 register themselves. */
export const STAFF_ROLES = ['reviewer', 'admin', 'provider'] as const;
export const USER_PAGE_SIZE = 20;

const refineWith = (fn: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const msg = fn(v);
  if (msg) ctx.addIssue({ code: 'custom', message: msg });
};

/** 新建账号: 姓名, 手机号码, 初始密码 (the registration rules), 角色; 网安民警 need their 审核单位. */
export const newStaffSchema = z
  .object({
    role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
    name: z.string({ error: '请填写姓名' }).max(30, { message: '姓名长度应为2-30个字符', abort: true }).trim().superRefine(refineWith((v) => realNameError(v)?.replace('真实姓名', '姓名') ?? null)),
    phone: z.string({ error: '请填写手机号码' }).max(20, { message: '请填写正确的手机号码', abort: true }).trim().superRefine(refineWith(mobileError)),
    password: z.string({ error: '请填写初始密码' }).max(32, { message: '初始密码长度应为8-32位', abort: true }).superRefine(refineWith((v) => passwordError(v)?.replace('登录密码', '初始密码') ?? null)),
    confirmPassword: z.string().max(32).optional(),
    unitId: z.number().int().positive().nullish(),
  })
  .superRefine(
    (v, ctx) => {
      if (v.confirmPassword !== undefined && v.confirmPassword !== v.password)
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
      if (v.role === 'reviewer' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '网安民警账号须选择审核单位' });
    },
    // Cross-field checks run even when other fields failed, so every error shows at once.
    { when: () => true },
  );
export type NewStaffInput = z.input<typeof newStaffSchema>;

/** 新建账号 by an administrator: the phone is verified later by its owner (个人中心). */
export async function createStaffUser(input: NewStaffInput, audit: { actorId: number; ip?: string | null }) {
  const parsed = newStaffSchema.safeParse(input);
  if (!parsed.success) {
    const fe: Record<string, string> = {};
    for (const i of parsed.error.issues) fe[i.path.map(String).join('.') || '_form'] ??= i.message;
    throw new AppError('invalid', '请检查填写的内容', fe);
  }
  const v = parsed.data;
  return createUser({ role: v.role, name: v.name, phone: v.phone, password: v.password, unitId: v.role === 'reviewer' ? v.unitId : null }, audit);
}

/** LIKE pattern for "contains", with the user's % and _ taken literally. */
const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * 账号列表: filters by 角色, 审核单位, 状态 and a keyword: a full 11-digit mobile number
 * is matched exactly through its HMAC (the number is stored encrypted), anything else
 * against 姓名. Newest first, 20 a page; masked phone only.
 */
export function listUsers(opts: { role?: Role; unitId?: number; status?: UserStatus; keyword?: string; page?: number } = {}) {
  const db = getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const conds: SQL[] = [];
  if (opts.role) conds.push(eq(users.role, opts.role));
  if (opts.unitId) conds.push(eq(users.unitId, opts.unitId));
  if (opts.status) conds.push(eq(users.status, opts.status));
  const kw = opts.keyword?.trim();
  if (kw) conds.push(/^1\d{10}$/.test(kw) ? eq(users.phoneHmac, hmacPii(kw)) : sql`${users.name} like ${containsPattern(kw)} escape '\\'`);
  const where = conds.length ? and(...conds) : undefined;
  const rows = db
    .select({
      id: users.id,
      role: users.role,
      name: users.name,
      unitId: users.unitId,
      unitName: policeUnits.name,
      phoneMasked: users.phoneMasked,
      phoneVerifiedAt: users.phoneVerifiedAt,
      status: users.status,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(policeUnits, eq(policeUnits.id, users.unitId))
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(USER_PAGE_SIZE)
    .offset((page - 1) * USER_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()!.n;
  return { rows, total, page, pageSize: USER_PAGE_SIZE };
}

/** 编辑单位: moves a 网安民警 to another 审核单位 (their queue follows on the next request). */
export function setUserUnit(userId: number, unitId: number, actorId: number | null) {
  getDb().transaction((tx) => {
    const before = tx
      .select({ role: users.role, unitId: users.unitId, unitName: policeUnits.name })
      .from(users)
      .leftJoin(policeUnits, eq(policeUnits.id, users.unitId))
      .where(eq(users.id, userId))
      .get();
    if (!before) throw new AppError('not_found', '用户不存在');
    if (before.role !== 'reviewer') throw new AppError('invalid', '只有网安民警账号属于审核单位');
    const unit = tx.select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, unitId)).get();
    if (!unit) throw new AppError('invalid', '审核单位不存在', { unitId: '审核单位不存在' });
    if (before.unitId === unitId) return;
    tx.update(users).set({ unitId, updatedAt: Date.now() }).where(eq(users.id, userId)).run();
    writeAudit(
      {
        actorId,
        action: 'user.set_unit',
        objectType: 'user',
        objectId: userId,
        before: { unitId: before.unitId, unitName: before.unitName },
        after: { unitId, unitName: unit.name },
      },
      tx,
    );
  });
}

/** Accounts of one role (管理后台's counts, disabled ones included). */
export function countUsers(role: Role): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, role)).get()!.n;
}
