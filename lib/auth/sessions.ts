import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { authSessions } from '@/db/schema';

/** How long a session lasts without use (and the next-auth JWT's lifetime). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
const MAX_AGE_MS = SESSION_MAX_AGE_S * 1000;

/** A new server-side session for a successful login; its id goes into the JWT. */
export function createSession(userId: number, ip: string | null, now = Date.now()): string {
  const id = crypto.randomBytes(32).toString('base64url');
  const db = getDb();
  db.transaction((tx) => {
    // Housekeeping: sessions over a day past their end are of no further use.
    tx.delete(authSessions).where(lt(authSessions.expiresAt, now - 24 * 60 * 60_000)).run();
    tx.insert(authSessions).values({ id, userId, createdAt: now, expiresAt: now + MAX_AGE_MS, ip }).run();
  });
  return id;
}

const sessionById = preparedQuery((db) =>
  db.select().from(authSessions).where(eq(authSessions.id, sql.placeholder('sid'))).prepare(),
);

/** Whether `sid` is a live session of `userId`: not revoked, not expired. */
export function sessionIsLive(sid: unknown, userId: number, now = Date.now()): boolean {
  if (typeof sid !== 'string' || !sid) return false;
  return sessionRowIsLive(sessionById().get({ sid }), userId, now);
}

/** The rule for a session row read (also joined to its user, getLiveSessionProfile): `userId`'s, not revoked, not expired. */
export function sessionRowIsLive(row: { userId: number; revokedAt: number | null; expiresAt: number } | undefined, userId: number, now: number): boolean {
  return !!row && row.userId === userId && row.revokedAt == null && row.expiresAt > now;
}

/** Keeps a session in use alive as long as the JWT next-auth re-issues. */
export function touchSession(sid: string, now = Date.now()): void {
  getDb()
    .update(authSessions)
    .set({ expiresAt: now + MAX_AGE_MS })
    .where(and(eq(authSessions.id, sid), isNull(authSessions.revokedAt)))
    .run();
}

/** 退出登录: this one session ends. */
export function revokeSession(sid: unknown, now = Date.now()): void {
  if (typeof sid !== 'string' || !sid) return;
  getDb().update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.id, sid), isNull(authSessions.revokedAt))).run();
}

/** Password change or reset, disabling: every session of the account ends (in the caller's transaction when given). */
export function revokeAllSessions(userId: number, tx: Tx = getDb(), now = Date.now()): void {
  tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt))).run();
}
