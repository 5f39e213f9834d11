/**
 * Identifiers of APPs and 小程序 (SPEC §15.1, §15.2): 包名, signing-certificate fingerprints,
 * 小程序ID per platform, and the 工信部备案号 forms of APPs (…号-1A) and 小程序 (…号-2X). Pure
 * functions shared by the forms and the services; each `…Error` gives the Chinese message shown
 * on its field, or null when the value is fine.
 */

const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新';

// ---------------------------------------------------------------------------
// 包名 (Android package, iOS Bundle ID, HarmonyOS bundle name)
// ---------------------------------------------------------------------------

/** Reverse-DNS with at least two segments, each starting with a letter (SPEC §15.1). */
const PACKAGE_PATTERN = /^[a-zA-Z]\w*(\.[a-zA-Z]\w*)+$/;
export const PACKAGE_MAX = 255;

export function isValidPackageName(s: string): boolean {
  return s.length <= PACKAGE_MAX && PACKAGE_PATTERN.test(s);
}

export function packageNameError(s: string): string | null {
  if (s.trim() === '') return '请填写包名';
  if (s.length > PACKAGE_MAX) return `包名不能超过${PACKAGE_MAX}个字符`;
  return PACKAGE_PATTERN.test(s) ? null : '包名格式不正确，应为 com.example.app 形式（字母开头，以“.”分段）';
}

/** 包名 as stored and compared for the one-live-filing rule: package names are case-sensitive on Android, so kept as given. */
export const normalizePackageName = (s: string) => s.trim();

// ---------------------------------------------------------------------------
// 签名MD5 (Android) / 签名SHA-1 (iOS): the signing certificate's fingerprint
// ---------------------------------------------------------------------------

/**
 * A fingerprint as tools print it — `AB:CD:…`, with spaces, or plain, any case — as plain
 * lower-case hex. Anything else is returned as typed (and then refused by the check).
 */
export function normalizeFingerprint(s: string): string {
  const t = s.trim();
  if (/^[0-9a-fA-F]{2}([:\s-]?[0-9a-fA-F]{2})*$/.test(t)) return t.replace(/[:\s-]/g, '').toLowerCase();
  return t;
}

export type FingerprintKind = 'MD5' | 'SHA-1';
const HEX_LENGTH: Record<FingerprintKind, number> = { MD5: 32, 'SHA-1': 40 };

export function isValidFingerprint(kind: FingerprintKind, s: string): boolean {
  return new RegExp(`^[0-9a-f]{${HEX_LENGTH[kind]}}$`).test(normalizeFingerprint(s));
}

export function fingerprintError(kind: FingerprintKind, s: string): string | null {
  if (s.trim() === '') return `请填写签名${kind}`;
  return isValidFingerprint(kind, s) ? null : `签名${kind}应为${HEX_LENGTH[kind]}位十六进制字符（可带冒号分隔）`;
}

// ---------------------------------------------------------------------------
// 小程序ID per 所属平台
// ---------------------------------------------------------------------------

export const MINI_PROGRAM_PLATFORMS = ['微信', '支付宝', '百度', '抖音', 'QQ', '快应用', '其他'] as const;
export type MiniProgramPlatform = (typeof MINI_PROGRAM_PLATFORMS)[number];

/**
 * The AppID each platform issues. 微信 is SPEC §15.2's (`wx` + 16 hex); the others are the forms
 * the platforms document: 支付宝 16 digits starting 20, 百度 8–10 digits, 抖音 `tt` + 16 hex,
 * QQ 10 digits, 快应用 a package name, 其他 letters, digits, `_ . -` (up to 64).
 */
const MINI_PROGRAM_ID: Record<MiniProgramPlatform, { pattern: RegExp; example: string }> = {
  微信: { pattern: /^wx[0-9a-f]{16}$/, example: 'wx 加 16 位十六进制字符，如 wx1234567890abcdef' },
  支付宝: { pattern: /^20\d{14}$/, example: '以 20 开头的 16 位数字，如 2021001234567890' },
  百度: { pattern: /^\d{8,10}$/, example: '8～10 位数字，如 24567890' },
  抖音: { pattern: /^tt[0-9a-f]{16}$/, example: 'tt 加 16 位十六进制字符，如 tt07e3715e98c9aac0' },
  QQ: { pattern: /^\d{10}$/, example: '10 位数字，如 1109876543' },
  快应用: { pattern: PACKAGE_PATTERN, example: '快应用包名，如 com.example.quickapp' },
  其他: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, example: '字母、数字、“_”“.”“-”，不超过 64 个字符' },
};

/** How the platform's 小程序ID looks (the wizard's hint). */
export function miniProgramIdExample(platform: string): string | null {
  return (MINI_PROGRAM_PLATFORMS as readonly string[]).includes(platform) ? MINI_PROGRAM_ID[platform as MiniProgramPlatform].example : null;
}

export function isValidMiniProgramId(platform: MiniProgramPlatform, id: string): boolean {
  return MINI_PROGRAM_ID[platform].pattern.test(id);
}

export function miniProgramIdError(platform: string, id: string): string | null {
  if (id.trim() === '') return '请填写小程序ID';
  if (!(MINI_PROGRAM_PLATFORMS as readonly string[]).includes(platform)) return '请先选择所属平台';
  const rule = MINI_PROGRAM_ID[platform as MiniProgramPlatform];
  return rule.pattern.test(id) ? null : `小程序ID格式不正确：${platform}小程序ID应为${rule.example}`;
}

// ---------------------------------------------------------------------------
// 工信部备案号 of APPs (…号-1A) and 小程序 (…号-2X)
// ---------------------------------------------------------------------------

const ICP_OF = { APP: 'A', 小程序: 'X' } as const;
export type IcpObject = keyof typeof ICP_OF;

const icpPattern = (suffix: string) => new RegExp(`^[${PROVINCES}]ICP备\\d{6,8}号-\\d+${suffix}$`);

/** 京ICP备12345678号-1A (APP) / 京ICP备12345678号-2X (小程序). */
export function isValidObjectIcpNumber(object: IcpObject, s: string): boolean {
  return icpPattern(ICP_OF[object]).test(s);
}

export function objectIcpNumberError(object: IcpObject, s: string): string | null {
  if (s.trim() === '') return '请填写工信部备案号';
  const suffix = ICP_OF[object];
  return isValidObjectIcpNumber(object, s) ? null : `${object}的工信部备案号格式应为 京ICP备12345678号-1${suffix}（以 ${suffix} 结尾）`;
}
