import type { FilingKind } from '@/db/schema/filings';

/** The office running this installation (SPEC: one office per deployment). */
export const OFFICE_NAME = process.env.OFFICE_NAME || '北京市公安局网安总队';
export const FEEDBACK_EMAIL = process.env.FEEDBACK_EMAIL || 'support@beian.example.cn';
export const PLATFORM_NAME = '联网备案平台';

export const ROLE_LABELS = { applicant: '开办者', reviewer: '网安民警', admin: '管理员', provider: '接入服务商' } as const;

/** A header link; `filingKind` ones are shown only while the current subject has such an object (SPEC §15.5). */
export type NavLink = { href: string; label: string; filingKind?: FilingKind };
/** A header entry: a link, or a menu of links (the applicant's 我的). */
export type NavEntry = NavLink | { label: string; menu: readonly NavLink[] };

/**
 * Header navigation per role; only routes that exist are listed. The applicant's follows seed 004:
 * 首页, 我的 (我的草稿, 我的申请, 我的主体, 我的网站, 我的服务商, 我的APP, 我的小程序, 我的应用市场), 业务办理, 系统通知.
 */
export const ROLE_NAV: Record<'applicant' | 'reviewer' | 'admin' | 'provider', readonly NavEntry[]> = {
  applicant: [
    { href: '/my', label: '首页' },
    {
      label: '我的',
      menu: [
        { href: '/my/drafts', label: '我的草稿' },
        { href: '/my/applications', label: '我的申请' },
        { href: '/my/subject', label: '我的主体' },
        { href: '/my/websites', label: '我的网站' },
        // Seed 004's order; only the kinds the current subject has — 业务办理 files a first one.
        { href: '/my/providers', label: '我的服务商', filingKind: '服务商' },
        { href: '/my/apps', label: '我的APP', filingKind: 'APP' },
        { href: '/my/mini-programs', label: '我的小程序', filingKind: '小程序' },
        { href: '/my/app-stores', label: '我的应用市场', filingKind: '应用市场' },
        { href: '/my/assessments', label: '安全评估' },
        // SPEC §8: 数据码 from a provider, 未备案网站 pushed by the office, 网站认领 of old filings.
        { href: '/my/data-codes', label: '数据码' },
        { href: '/my/unfiled', label: '未备案网站' },
        { href: '/my/claims', label: '网站认领' },
        { href: '/my/account', label: '个人中心' },
      ],
    },
    { href: '/my/business', label: '业务办理' },
    { href: '/my/notifications', label: '系统通知' },
  ],
  reviewer: [
    { href: '/review', label: '审核工作台' },
    { href: '/my/notifications', label: '系统通知' },
    { href: '/my/account', label: '个人中心' },
  ],
  admin: [
    { href: '/admin', label: '管理后台' },
    { href: '/review', label: '审核工作台' },
    { href: '/my/notifications', label: '系统通知' },
    { href: '/my/account', label: '个人中心' },
  ],
  provider: [
    { href: '/provider', label: '服务商工作台' },
    { href: '/my/notifications', label: '系统通知' },
    { href: '/my/account', label: '个人中心' },
  ],
};

/**
 * A role's header entries for a subject with `counts` objects of each kind: 我的APP … only for the
 * kinds it has (SPEC §15.5), inside the 我的 menu as everywhere else.
 */
export function navFor(role: keyof typeof ROLE_NAV, counts: Partial<Record<FilingKind, number>> | null): NavEntry[] {
  const shown = (l: NavLink) => !l.filingKind || (counts?.[l.filingKind] ?? 0) > 0;
  return ROLE_NAV[role].filter((e) => 'menu' in e || shown(e)).map((e) => ('menu' in e ? { ...e, menu: e.menu.filter(shown) } : e));
}

/** Whether a role's header depends on the current subject's objects (then the header counts them). */
export const navNeedsCounts = (role: keyof typeof ROLE_NAV) => ROLE_NAV[role].some((e) => ('menu' in e ? e.menu.some((l) => l.filingKind) : !!e.filingKind));
