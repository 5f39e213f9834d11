import { eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, policeUnits, type Role } from '@/db/schema';
import { encryptPii, hmacPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { normalizeIdNumber } from '@/lib/validation/identifiers';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';

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
      throw new AppError('invalid', '审核单位不存在');

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
    writeAudit(
      {
        actorId: audit.actorId ?? row.id,
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        after: { role: input.role, name: input.name, unitId: input.unitId ?? null },
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
export function getUserProfile(userId: number) {
  return getDb()
    .select({
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
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** Server-side only: the full phone number, e.g. to send an SMS. */
export function getUserPhone(userId: number): string {
  const row = getDb().select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found', '用户不存在');
  return decryptPii(row.phoneEnc);
}

export async function changePassword(userId: number, currentPassword: string, newPassword: string) {
  const db = getDb();
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found', '用户不存在');
  if (!(await verifyPassword(currentPassword, row.passwordHash)))
    throw new AppError('invalid', '当前密码不正确', { currentPassword: '当前密码不正确' });
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    const before = tx.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!;
    tx.update(users)
      .set({ passwordHash, sessionVersion: before.sv + 1, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run();
    writeAudit({ actorId: userId, action: 'user.password_change', objectType: 'user', objectId: userId }, tx);
    notify(
      userId,
      { type: 'account.password_changed', title: '登录密码已修改', body: '您的账号登录密码已修改，所有已登录的会话已失效。如非本人操作，请立即联系管理员。', link: '/my/account' },
      tx,
    );
  });
}

/** Disabling (or re-enabling) an account; disabling voids its sessions at once. */
export function setUserStatus(userId: number, status: 'active' | 'disabled', actorId: number | null) {
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select({ status: users.status, sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new AppError('not_found', '用户不存在');
    tx.update(users)
      .set({ status, sessionVersion: before.sv + 1, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run();
    writeAudit({ actorId, action: `user.${status === 'disabled' ? 'disable' : 'enable'}`, objectType: 'user', objectId: userId, before: { status: before.status }, after: { status } }, tx);
  });
}
