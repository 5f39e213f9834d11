/**
 * 国家网络身份认证公共服务认证 adapter (SPEC §3.1, §13). A deployment plugs its real verifier in
 * with setIdentityVerifier() at start-up (e.g. in instrumentation.ts). The embedded sandbox is used
 * only in the demo or with WLBA_IDENTITY_SANDBOX=1; without either, the option is not offered.
 */
import 'server-only';
import { randomBytes, createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appMeta } from '@/db/schema';
import { secrets } from '@/lib/config/env';
import { SANDBOX_TOKEN_PREFIX, IDENTITY_UNAVAILABLE, identityPassLabel, type IdentityMode } from './labels';
import { idNumberError, normalizeIdNumber } from '@/lib/validation/identifiers';
import { personNameError } from '@/lib/subjects/rules';

export type IdentityCheck = { name: string; idType: string; idNumber: string };
export type IdentityResult = { ok: true; token: string } | { ok: false; message: string };

export interface IdentityVerifier {
  /** A sandbox pass is shown as such (“认证通过（沙箱环境）”) so nobody mistakes it for a real one. */
  readonly sandbox?: boolean;
  verify(p: IdentityCheck): Promise<IdentityResult>;
}

export { SANDBOX_TOKEN_PREFIX, IDENTITY_UNAVAILABLE, identityPassLabel, type IdentityMode };

/** 沙箱环境: passes any well-formed 居民身份证 with a plausible full name; checks no real register. */
export const sandboxIdentityVerifier: IdentityVerifier = {
  sandbox: true,
  async verify({ name, idType, idNumber }) {
    if (idType !== '居民身份证') return { ok: false, message: '国家网络身份认证仅支持居民身份证' };
    const nameError = personNameError(name ?? '');
    if (nameError) return { ok: false, message: `认证未通过：${nameError}` };
    const idError = idNumberError('居民身份证', idNumber ?? '');
    if (idError) return { ok: false, message: `认证未通过：${idError}` };
    return { ok: true, token: SANDBOX_TOKEN_PREFIX + randomBytes(16).toString('hex') };
  },
};

/** app_meta key written by the demo seed: the database is the demo one. */
export const DEMO_META_KEY = 'demo.seeded';

/** The database was built by the demo seed (its accounts' passwords are public). */
export function isDemoDatabase(): boolean {
  return !!getDb().select({ v: appMeta.value }).from(appMeta).where(eq(appMeta.key, DEMO_META_KEY)).get();
}

/** The sandbox may pass people: WLBA_IDENTITY_SANDBOX=1, or the demo database unless it is set to 0. */
export function identitySandboxAllowed(): boolean {
  const env = process.env.WLBA_IDENTITY_SANDBOX;
  if (env === '1') return true;
  if (env === '0') return false;
  return isDemoDatabase();
}

/**
 * A verifier a deployment plugs in (国家网络身份认证 here, the 机关事业单位 credential in
 * org-verifier.ts): the installed one, else its sandbox where allowed, else none (not offered).
 * Kept on globalThis so the dev server's module reloads and the route bundles share one choice.
 */
export function pluggableVerifier<V extends { readonly sandbox?: boolean }>(name: string, sandbox: V) {
  const key = Symbol.for(name);
  const holder = globalThis as { [k: symbol]: V | undefined };
  const get = (): V | null => holder[key] ?? (identitySandboxAllowed() ? sandbox : null);
  return {
    get,
    /** What forms offer: the configured verifier, the labelled sandbox, or nothing. */
    mode(): IdentityMode {
      const v = get();
      return !v ? 'off' : v.sandbox ? 'sandbox' : 'real';
    },
    /** Installs a verifier (null removes it). */
    set(v: V | null): void {
      if (v) holder[key] = v;
      else delete holder[key];
    },
  };
}

const identityVerifier = pluggableVerifier<IdentityVerifier>('wlba.identityVerifier', sandboxIdentityVerifier);
export const getIdentityVerifier = identityVerifier.get;
export const identityMode = identityVerifier.mode;
export const setIdentityVerifier = identityVerifier.set;

/**
 * The platform binds a verifier's pass to what it vouches for, so a form cannot bring a
 * made-up token or reuse one for somebody else: `<verifier token>.<hmac over kind, fields, token>`.
 * The 机关事业单位 credential (org-verifier.ts) binds its passes the same way.
 */
function passMac(kind: string, fields: readonly string[], verifierToken: string): string {
  const key = Buffer.from(secrets().codeHmacKey, 'base64');
  return createHmac('sha256', key).update([kind, ...fields, verifierToken].join('|')).digest('base64url');
}

export function bindPass(kind: string, fields: readonly string[], verifierToken: string): string {
  return `${verifierToken}.${passMac(kind, fields, verifierToken)}`;
}

/** A pass bound to these fields; a sandbox pass (sandboxPrefix) only while the sandbox is allowed. */
export function passValid(kind: string, fields: readonly string[], token: string, sandboxPrefix: string): boolean {
  if (token.startsWith(sandboxPrefix) && !identitySandboxAllowed()) return false;
  const i = token.lastIndexOf('.');
  if (i <= 0) return false;
  const expected = Buffer.from(passMac(kind, fields, token.slice(0, i)));
  const given = Buffer.from(token.slice(i + 1));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const personFields = (p: IdentityCheck) => [p.name.trim(), p.idType, normalizeIdNumber(p.idNumber)];

export function bindIdentityToken(p: IdentityCheck, verifierToken: string): string {
  return bindPass('identity', personFields(p), verifierToken);
}

/** A pass bound to this person; a sandbox pass only while the sandbox is allowed. */
export function identityTokenValid(p: IdentityCheck, token: string): boolean {
  return passValid('identity', personFields(p), token, SANDBOX_TOKEN_PREFIX);
}
