/**
 * The message for `/login?error=<code>`: next-auth's known error codes map to fixed Chinese text;
 * anything else in the address (which anyone can put there) is never shown as such.
 */
const LOGIN_ERRORS: Record<string, string | null> = {
  CredentialsSignin: '账号或密码错误',
  SessionRequired: '请先登录',
  AccessDenied: '您没有权限访问该页面',
  Configuration: '登录服务暂时不可用，请稍后再试',
  Verification: '登录链接无效或已过期',
  Callback: '登录失败，请重新登录',
  Default: '登录失败，请重新登录',
};

export function loginErrorMessage(code: unknown): string | null {
  if (typeof code !== 'string' || !code) return null;
  return Object.hasOwn(LOGIN_ERRORS, code) ? LOGIN_ERRORS[code]! : '登录失败，请重新登录';
}
