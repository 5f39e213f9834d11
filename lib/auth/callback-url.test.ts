import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from './callback-url';
import { loginErrorMessage } from './login-error';

/** Where a browser would go for `path` as a location on https://beian.example. */
const landing = (path: string) => new URL(path, 'https://beian.example/login').origin;

describe('safeCallbackPath', () => {
  it.each([
    '/\\evil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '/\r/evil.example/x',
    '//evil.example/x',
    '///evil.example/x',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/x',
    'HTTPS://beian.example/x',
    'javascript:alert(1)',
    ' /\\evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    '/\u0000/evil.example',
    '/\u00a0/x',
    'evil.example',
    '',
  ])('refuses %j', (v) => {
    expect(safeCallbackPath(v)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, ['/my'], { toString: () => '/my' }]) expect(safeCallbackPath(v)).toBeNull();
    expect(safeCallbackPath('/' + 'a'.repeat(5000))).toBeNull();
  });

  it('passes same-site paths with query and fragment, normalised', () => {
    expect(safeCallbackPath('/my/applications/12?tab=2#top')).toBe('/my/applications/12?tab=2#top');
    expect(safeCallbackPath('/review')).toBe('/review');
    expect(safeCallbackPath('/my/../admin')).toBe('/admin');
    expect(safeCallbackPath('/query?q=北京')).toBe('/query?q=%E5%8C%97%E4%BA%AC');
  });

  it('never yields a location a browser resolves off-site (decoded variants of the reported URLs)', () => {
    for (const raw of ['%2F%5Cevil.example%2Fx', '%2F%09%2Fevil.example%2Fx', '%2F%2Fevil.example', '%2F%0D%0A%2Fevil.example', '%2F%5C%5Cevil.example']) {
      const p = safeCallbackPath(decodeURIComponent(raw));
      if (p !== null) expect(landing(p)).toBe('https://beian.example');
      else expect(p).toBeNull();
    }
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const base = 'http://127.0.0.1:3000';
  it('keeps this origin, sends everything else home', () => {
    expect(safeRedirectUrl('/login', base)).toBe('http://127.0.0.1:3000/login');
    expect(safeRedirectUrl('http://127.0.0.1:3000/my?x=1', base)).toBe('http://127.0.0.1:3000/my?x=1');
    expect(safeRedirectUrl('https://evil.example/x', base)).toBe('http://127.0.0.1:3000');
    expect(safeRedirectUrl('/\\evil.example/x', base)).toBe('http://127.0.0.1:3000');
    expect(safeRedirectUrl('http://127.0.0.1:3000//evil.example', base)).toBe('http://127.0.0.1:3000');
    expect(safeRedirectUrl('http://127.0.0.1:3000.evil.example/x', base)).toBe('http://127.0.0.1:3000');
  });
});

describe('loginErrorMessage', () => {
  it('shows only fixed product texts for /login?error=', () => {
    expect(loginErrorMessage('CredentialsSignin')).toBe('账号或密码错误');
    expect(loginErrorMessage('SessionRequired')).toBe('请先登录');
    expect(loginErrorMessage('您的账号存在风险，请立即拨打 400-000-0000 联系客服')).toBe('登录失败，请重新登录');
    expect(loginErrorMessage('<script>alert(1)</script>')).toBe('登录失败，请重新登录');
    expect(loginErrorMessage('toString')).toBe('登录失败，请重新登录');
    expect(loginErrorMessage(['CredentialsSignin'])).toBeNull();
    expect(loginErrorMessage(undefined)).toBeNull();
  });
});
