/** What pages say about an identity pass (no server code: client components use it too). */

/** What the 认证方式 choice offers: a real verifier, the labelled sandbox, or no 国家网络身份认证 at all. */
export type IdentityMode = 'real' | 'sandbox' | 'off';

/** Shown where the option would be, when there is no verifier. */
export const IDENTITY_UNAVAILABLE = '国家网络身份认证暂未开通，请选择文件认证';

/** The 认证方式 options of a form: without a verifier, 国家网络身份认证 is not offered. */
export function offeredAuthMethods<T extends string>(methods: readonly T[], mode: IdentityMode): readonly T[] {
  return mode === 'off' ? methods.filter((m) => m !== '国家网络身份认证公共服务认证') : methods;
}

/** Verifier tokens of the embedded sandbox start with this. */
export const SANDBOX_TOKEN_PREFIX = 'sandbox:';

/** How a stored pass reads on a page: a sandbox pass always says so (SPEC §13). */
export function identityPassLabel(token: string): string {
  return token.startsWith(SANDBOX_TOKEN_PREFIX) ? '已认证（沙箱环境）' : '已认证';
}
