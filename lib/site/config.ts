/** The office running this installation (SPEC: one office per deployment). */
export const OFFICE_NAME = process.env.OFFICE_NAME || '北京市公安局网安总队';
export const FEEDBACK_EMAIL = process.env.FEEDBACK_EMAIL || 'support@beian.example.cn';
export const PLATFORM_NAME = '联网备案平台';

export const ROLE_LABELS = { applicant: '开办者', reviewer: '网安民警', admin: '管理员', provider: '接入服务商' } as const;

/** Header navigation per role; only routes that exist are listed. */
export const ROLE_NAV = {
  applicant: [
    { href: '/my', label: '首页' },
    { href: '/my/business', label: '业务办理' },
    { href: '/my/subject', label: '我的主体' },
    { href: '/my/websites', label: '我的网站' },
    // Shown only while the current subject has one of these (SPEC §15.5); 业务办理 files a first one.
    { href: '/my/apps', label: '我的APP', filingKind: 'APP' },
    { href: '/my/mini-programs', label: '我的小程序', filingKind: '小程序' },
    { href: '/my/app-stores', label: '我的应用市场', filingKind: '应用市场' },
    { href: '/my/providers', label: '我的服务商', filingKind: '服务商' },
    { href: '/my/assessments', label: '安全评估' },
    // SPEC §8: 数据码 from a provider, 未备案网站 pushed by the office, 网站认领 of old filings.
    { href: '/my/data-codes', label: '数据码' },
    { href: '/my/unfiled', label: '未备案网站' },
    { href: '/my/claims', label: '网站认领' },
    { href: '/my/applications', label: '我的申请' },
    { href: '/my/drafts', label: '我的草稿' },
    { href: '/my/notifications', label: '系统通知' },
    { href: '/my/account', label: '个人中心' },
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
} as const;
