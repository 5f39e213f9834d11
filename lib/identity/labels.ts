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

// 机关事业单位网络身份认证凭证 (seed 004 §5.1.1): 大中院校 / 事业单位 / 政府机构 may fill 主办单位信息 from it.

/** The 单位性质 that may use the credential. */
export const ORG_CREDENTIAL_UNIT_TYPES = ['大中院校', '事业单位', '政府机构'] as const;

export function offersOrgCredential(unitType: string | null | undefined): boolean {
  return (ORG_CREDENTIAL_UNIT_TYPES as readonly string[]).includes(unitType ?? '');
}

/** The 主办单位信息 choice that opens the credential's scan (seed 004's wording). */
export const ORG_CREDENTIAL_CHOICE = '通过机关事业单位网络身份认证凭证填报';

/** Shown where the choice would be, when no credential service is configured. */
export const ORG_CREDENTIAL_UNAVAILABLE = '机关事业单位网络身份认证凭证暂未开通，请自主填报';

/** Credential tokens of the embedded sandbox start with this. */
export const ORG_SANDBOX_TOKEN_PREFIX = 'sandbox-org:';

/** How a stored credential pass reads on a page: a sandbox pass always says so. */
export function orgCredentialPassLabel(token: string): string {
  return token.startsWith(ORG_SANDBOX_TOKEN_PREFIX) ? '已认证（沙箱环境）' : '已认证';
}
