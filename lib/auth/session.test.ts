import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode, type JWT } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { secrets } from '@/lib/config/env';
import { changePassword, createUser, setUserStatus } from '@/lib/users/service';

// The session cookie the "browser" sends: getCurrentUser reads it through next/headers.
let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && cookie ? { name, value: cookie } : undefined) }),
  headers: async () => new Headers(),
}));

const { getCurrentUser, decodeSession } = await import('./session');
const { authOptions } = await import('./options');

let seq = 0;
async function newUser() {
  seq += 1;
  const phone = `135${String(40_000_000 + seq * 3_331).slice(-8)}`;
  const { id } = await createUser({ role: 'applicant', name: '会话', phone, password: 'Secret#2026' });
  return { id, phone };
}

/** Logs in through next-auth's credentials provider and callbacks; returns the token it would sign. */
async function login(phone: string, password = 'Secret#2026'): Promise<JWT> {
  const opts = authOptions();
  const provider = opts.providers[0] as unknown as { options: { authorize: (c: object, req: object) => Promise<object> } };
  const user = await provider.options.authorize({ identifier: phone, password }, { headers: { 'x-forwarded-for': '203.0.113.50' } });
  return (await opts.callbacks!.jwt!({ token: {}, user: user as never, account: null } as never)) as JWT;
}

async function useCookie(token: JWT) {
  cookie = await encode({ token, secret: secrets().authSecret });
}

/** A JWT read outside the login: next-auth's /api/auth/session path (throws when the session ended). */
async function refresh(token: JWT): Promise<'live' | 'refused'> {
  try {
    await authOptions().callbacks!.jwt!({ token } as never);
    return 'live';
  } catch {
    return 'refused';
  }
}

beforeAll(() => {
  getDb();
});
beforeEach(() => {
  cookie = undefined;
});

describe('server-side sessions', () => {
  it('退出登录 ends the session: the same cookie, replayed, is refused at once', async () => {
    const u = await newUser();
    const token = await login(u.phone);
    expect(token.sid).toEqual(expect.any(String));
    await useCookie(token);
    expect((await getCurrentUser())?.id).toBe(u.id);

    await authOptions().events!.signOut!({ token } as never);
    // getCurrentUser is React-cached per request: a new import stands for the next request.
    vi.resetModules();
    const fresh = (await import('./session')).getCurrentUser;
    expect(await fresh()).toBeNull();
    expect(await refresh(token)).toBe('refused');
  });

  it('a token without a live session id (an older cookie, a forged sid) is refused', async () => {
    const u = await newUser();
    const token = await login(u.phone);
    await useCookie({ ...token, sid: undefined });
    vi.resetModules();
    expect(await (await import('./session')).getCurrentUser()).toBeNull();
    await useCookie({ ...token, sid: 'forged' });
    vi.resetModules();
    expect(await (await import('./session')).getCurrentUser()).toBeNull();
  });

  it('one 退出登录 ends only that session; a password change or disabling ends all', async () => {
    const u = await newUser();
    const a = await login(u.phone);
    const b = await login(u.phone);
    const c = await login(u.phone);
    await authOptions().events!.signOut!({ token: a } as never);
    expect(await refresh(a)).toBe('refused');
    expect(await refresh(b)).toBe('live');

    await changePassword(u.id, 'Secret#2026', 'Second#2026');
    expect(await refresh(b)).toBe('refused');
    expect(await refresh(c)).toBe('refused');

    const d = await login(u.phone, 'Second#2026');
    expect(await refresh(d)).toBe('live');
    const admin = await newUser();
    setUserStatus(u.id, 'disabled', admin.id);
    expect(await refresh(d)).toBe('refused');
  });
});

describe('the session cookie, decrypted once (issue 17)', () => {

  it('gives the same token for a cookie seen before, but never under another secret or for a forged cookie', async () => {
    const secret = secrets().authSecret;
    const raw = await encode({ token: { uid: 7, sv: 1, sid: 'kept' }, secret });
    const first = await decodeSession(raw, secret);
    expect(first).toMatchObject({ uid: 7, sv: 1, sid: 'kept' });
    expect(await decodeSession(raw, secret)).toBe(first);
    expect(await decodeSession(raw, `${secret}x`)).toBeNull();
    expect(await decodeSession(`${raw.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await decodeSession('not-a-token', secret)).toBeNull();
  });

  it('stops giving a kept token once it has expired', async () => {
    const secret = secrets().authSecret;
    const raw = await encode({ token: { uid: 8, sv: 1, sid: 'short' }, secret, maxAge: 60 });
    const token = await decodeSession(raw, secret);
    expect(token?.uid).toBe(8);
    vi.useFakeTimers({ now: (token!.exp as number) * 1000 + 60_000, toFake: ['Date'] });
    try {
      expect(await decodeSession(raw, secret)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
