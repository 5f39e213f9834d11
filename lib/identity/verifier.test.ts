import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appMeta } from '@/db/schema';
import { subjectDisplayValue } from '@/lib/subjects/display';
import { offeredAuthMethods } from './labels';
import {
  bindIdentityToken,
  DEMO_META_KEY,
  getIdentityVerifier,
  identityMode,
  identityPassLabel,
  identityTokenValid,
  sandboxIdentityVerifier,
  setIdentityVerifier,
  SANDBOX_TOKEN_PREFIX,
  type IdentityVerifier,
} from './verifier';

const VALID_ID = '11010519491231002X';

describe('sandboxIdentityVerifier', () => {
  it('passes a valid 居民身份证 with a real full name and returns a fresh sandbox token', async () => {
    const a = await sandboxIdentityVerifier.verify({ name: '张伟', idType: '居民身份证', idNumber: VALID_ID });
    const b = await sandboxIdentityVerifier.verify({ name: '张伟', idType: '居民身份证', idNumber: ' 11010519491231002x ' });
    expect(a.ok && a.token).toMatch(/^sandbox:[0-9a-f]{32}$/);
    expect(b.ok && b.token.startsWith(SANDBOX_TOKEN_PREFIX)).toBe(true);
    expect(a.ok && b.ok && a.token !== b.token).toBe(true);
    expect(sandboxIdentityVerifier.sandbox).toBe(true);
  });

  it('refuses a bad check digit with a Chinese message', async () => {
    const r = await sandboxIdentityVerifier.verify({ name: '张伟', idType: '居民身份证', idNumber: '110105194912310021' });
    expect(r).toEqual({ ok: false, message: '认证未通过：证件号码校验位不正确' });
  });

  it('refuses an empty number, a fake name and other certificate types', async () => {
    const empty = await sandboxIdentityVerifier.verify({ name: '张伟', idType: '居民身份证', idNumber: '' });
    expect(empty.ok).toBe(false);
    const fake = await sandboxIdentityVerifier.verify({ name: '王先生', idType: '居民身份证', idNumber: VALID_ID });
    expect(fake.ok === false && fake.message).toMatch(/^认证未通过：请填写真实姓名全称/);
    const latin = await sandboxIdentityVerifier.verify({ name: 'Zhang Wei', idType: '居民身份证', idNumber: VALID_ID });
    expect(latin.ok).toBe(false);
    const passport = await sandboxIdentityVerifier.verify({ name: '张伟', idType: '护照', idNumber: 'E12345678' });
    expect(passport).toEqual({ ok: false, message: '国家网络身份认证仅支持居民身份证' });
  });
});

describe('getIdentityVerifier / setIdentityVerifier', () => {
  const env = process.env.WLBA_IDENTITY_SANDBOX;
  afterEach(() => {
    setIdentityVerifier(null);
    process.env.WLBA_IDENTITY_SANDBOX = env;
    getDb().delete(appMeta).where(eq(appMeta.key, DEMO_META_KEY)).run();
  });

  it('offers no verifier in production: the sandbox only in the demo or with WLBA_IDENTITY_SANDBOX=1', () => {
    delete process.env.WLBA_IDENTITY_SANDBOX;
    expect(getIdentityVerifier()).toBeNull();
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    expect(getIdentityVerifier()).toBe(sandboxIdentityVerifier);
    // The demo database (seeded by npm start) has it unless it is switched off.
    delete process.env.WLBA_IDENTITY_SANDBOX;
    getDb().insert(appMeta).values({ key: DEMO_META_KEY, value: '1' }).run();
    expect(getIdentityVerifier()).toBe(sandboxIdentityVerifier);
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    expect(getIdentityVerifier()).toBeNull();
  });

  it('lets a deployment plug its own verifier, whatever the sandbox setting', async () => {
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    const real: IdentityVerifier = { verify: async () => ({ ok: true, token: 'real:1' }) };
    setIdentityVerifier(real);
    expect(getIdentityVerifier()).toBe(real);
    await expect(getIdentityVerifier()!.verify({ name: '张伟', idType: '居民身份证', idNumber: VALID_ID })).resolves.toEqual({ ok: true, token: 'real:1' });
    setIdentityVerifier(null);
    expect(getIdentityVerifier()).toBeNull();
  });

  it('does not accept a sandbox pass where the sandbox is off, and labels it 沙箱 where shown', () => {
    const person = { name: '张伟', idType: '居民身份证', idNumber: VALID_ID };
    const sandboxPass = bindIdentityToken(person, 'sandbox:abc');
    const realPass = bindIdentityToken(person, 'real:1');
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    expect(identityTokenValid(person, sandboxPass)).toBe(true);
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    expect(identityTokenValid(person, sandboxPass)).toBe(false);
    expect(identityTokenValid(person, realPass)).toBe(true);
    expect(identityPassLabel(sandboxPass)).toBe('已认证（沙箱环境）');
    expect(identityPassLabel(realPass)).toBe('已认证');
    expect(subjectDisplayValue('identityToken', sandboxPass)).toBe('已认证（沙箱环境）');
  });

  it('forms offer 国家网络身份认证 only with a verifier', () => {
    const methods = ['文件认证', '国家网络身份认证公共服务认证'] as const;
    process.env.WLBA_IDENTITY_SANDBOX = '0';
    expect(identityMode()).toBe('off');
    expect(offeredAuthMethods(methods, identityMode())).toEqual(['文件认证']);
    process.env.WLBA_IDENTITY_SANDBOX = '1';
    expect(identityMode()).toBe('sandbox');
    expect(offeredAuthMethods(methods, identityMode())).toEqual(methods);
    setIdentityVerifier({ verify: async () => ({ ok: true, token: 'real:1' }) });
    expect(identityMode()).toBe('real');
  });
});
