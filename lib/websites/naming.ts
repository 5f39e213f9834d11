/**
 * 网站名称 rules (SPEC §11.3; seed 001 第六节 填写注意事项 1). One rule table, shared by the
 * browser form (field errors) and the reviewer view (hints). Pure: no Node APIs, no dependencies.
 *
 * Decisions (see also the comments on each word list):
 * - Every keyword check runs on a normalised copy of the name: NFKC (full-width letters/digits →
 *   ASCII, so "ＢＢＳ" = "bbs"), trimmed, case-folded, and with the allowed separators
 *   (spaces, · - _ 、) removed, so "中·国" or "政 府" cannot slip through.
 * - Keywords match anywhere in the name (SPEC says "in the name"; the seed's "字头" is the narrower
 *   reading). Known cost: "人民路…" or "关中国际…" are refused for non-national subjects too.
 * - 人民/人大 vs. legal organ names: a district 政府机构 is not national-level, yet "人民政府" is its
 *   legal name. The national-level rule therefore ignores the legal organ names listed in
 *   LEGAL_ORGAN_NAMES for the unit type that legitimately bears them (政府机构: 人民政府, 人民法院,
 *   人民检察院, 人民代表大会, 人大常委会; 事业单位: 人民医院, 人民广播电台; 国防军队: 人民武装部).
 *   Every other 中国/中华/中央/全国/国家/人民/人大 still needs nationalLevel === true.
 * - National level is only possible for a 单位 subject; a 个人 is never national-level.
 * - "政府授权机构" (seed) cannot be told apart from the data we hold, so only unitType 政府机构 may
 *   use public-affairs words; an authorised 事业单位 has to explain itself to the reviewer.
 * - 个人 not named as a company: 公司 (covers 有限公司/有限责任公司/股份公司), 集团, 企业, 工作室,
 *   商行, 事务所, and 厂 only as the final word (…服装厂, …厂官网) since 厂 alone is too common.
 *   工作室 is refused: provincial 管局 treat it as a 企业特征词 and an individual cannot register one.
 * - A domain containing "bbs" is reported on the 'domains' field (rule `bbs-domain-interactive`):
 *   the offending value is the domain, the name may be perfectly fine, and the reviewer's
 *   per-field comment then lands next to the domain list. The fix is either another domain or
 *   是否提供互联网交互服务 = 是.
 * - Characters: letters of any script (Chinese, and minority/foreign scripts the platform
 *   serves), digits, spaces and · - _ （ ） ( ) 《 》 、. Everything else — including "." — is a
 *   special symbol; a name like "abc.com" is first reported as a domain.
 */

export const PERMIT_ITEMS = ['新闻', '出版', '教育', '医疗保健', '药品和医疗器械', '文化', '广播电影电视', '宗教', '其他'] as const;
export type PermitItem = (typeof PERMIT_ITEMS)[number];

export type NamingContext = {
  name: string;
  /** ASCII/punycode or Unicode host names. */
  domains: string[];
  subject: { nature: '个人' | '单位'; unitType?: string; nationalLevel?: boolean };
  /** Selected 相关前置许可 items. */
  permits: string[];
  /** 是否提供互联网交互服务. */
  interactive: boolean;
};

export type NamingField = 'name' | 'domains';

export type NamingRule = {
  id: string;
  /** Short description for the reviewer's hints list. */
  title: string;
  /** The form field the error belongs to. */
  field: NamingField;
  /** The field error text explaining the rule, or null when the rule holds. */
  check: (ctx: NamingContext) => string | null;
};

export type NamingViolation = { field: NamingField; ruleId: string; message: string };
export type NamingHint = { id: string; title: string; ok: boolean; message?: string };

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 50;

/** 中国/中华… need a national-level subject. */
export const NATIONAL_WORDS = ['中国', '中华', '中央', '全国', '国家', '人民', '人大'] as const;

/** Legal organ names containing 人民/人大 that a non-national subject of this unit type may bear. */
export const LEGAL_ORGAN_NAMES: Readonly<Record<string, readonly string[]>> = {
  政府机构: ['人民代表大会常务委员会', '人民代表大会', '人大常委会', '人民政府', '人民法院', '人民检察院'],
  事业单位: ['人民医院', '人民广播电台'],
  国防军队: ['人民武装部'],
};

/** Public-affairs words only a 政府机构 may use. Longest first so the message names the full word. */
export const PUBLIC_AFFAIRS_WORDS = [
  '人民政府', '人大常委会', '检察院', '派出所', '政法委', '政府', '监察', '纪委', '纪检', '公安', '法院', '检察', '警务', '政协',
] as const;

/** Words that name a company; a 个人 site may not use them. 厂 is checked separately (suffix only). */
export const COMPANY_NAME_WORDS = ['公司', '集团', '企业', '工作室', '商行', '事务所'] as const;

/** Words needing approvals an individual cannot hold. */
export const PERSONAL_RESTRICTED_WORDS = ['反腐', '纪检', '监察', '信访', '维权', '投诉', '论坛', '社区', '在线', '交流', '博客'] as const;

/** Name keyword → the 相关前置许可 it needs. Longer keywords first: 医疗器械 is 药品和医疗器械, not 医疗保健. */
export const PERMIT_KEYWORDS: readonly (readonly [keyword: string, permit: PermitItem])[] = [
  ['医疗器械', '药品和医疗器械'],
  ['药品', '药品和医疗器械'],
  ['医药', '药品和医疗器械'],
  ['新闻', '新闻'],
  ['出版', '出版'],
  ['教育', '教育'],
  ['医疗', '医疗保健'],
  ['医院', '医疗保健'],
  ['健康', '医疗保健'],
  ['文化', '文化'],
  ['广电', '广播电影电视'],
  ['电视', '广播电影电视'],
  ['广播', '广播电影电视'],
  ['电影', '广播电影电视'],
];

/** Words that make a name a forum (电子公告): only for an interactive site. */
export const FORUM_WORDS = ['论坛', '社区', 'bbs'] as const;

// ---------------------------------------------------------------------------------------------
// helpers

const SEPARATORS = /[\s\u3000·\-_、]/gu;
/**
 * One allowed character, tested on each character of its NFKC form (full-width （ ） count as ( )).
 * Marks are allowed for scripts that need them (藏语, 维吾尔语…), but not variation selectors or
 * enclosing marks, which only dress up emoji (❤️, 1️⃣).
 */
const ALLOWED_CHAR = /^(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{L}\p{Mn}\p{Mc}\p{Nd} ·\-_()《》、]$/u;

function allowedChar(ch: string): boolean {
  return Array.from(ch.normalize('NFKC')).every((c) => ALLOWED_CHAR.test(c));
}

function trimmed(name: string): string {
  return name.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/** NFKC, trimmed, lower-case, separators removed: the form every keyword check runs on. */
function compact(name: string): string {
  return trimmed(name).normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

function found(text: string, words: readonly string[]): string[] {
  return words.filter((w) => text.includes(w));
}

function quoteAll(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join('');
}

/** Host name in ASCII (punycode) lower case, without a trailing dot or leading www.; '' if unparsable. */
function asciiHost(value: string): string {
  let v = trimmed(value).normalize('NFKC').replace(/[。．｡]/gu, '.').toLowerCase();
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/\.$/, '');
  if (!v) return '';
  try {
    // URL does IDNA (Unicode → punycode) in browsers and in Node alike.
    v = new URL(`http://${v}`).hostname;
  } catch {
    return '';
  }
  return v.replace(/^www\./, '');
}

/** "abc.com", "www.abc.com", "http://例子.中国/": a host name with at least one dot and a letter TLD. */
function looksLikeDomain(name: string): boolean {
  const v = trimmed(name).normalize('NFKC').replace(/[。．｡]/gu, '.');
  return /^([a-z][a-z0-9+.-]*:\/\/)?([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}\.?\/?$/iu.test(v);
}

function isNationalLevel(ctx: NamingContext): boolean {
  return ctx.subject.nature === '单位' && ctx.subject.nationalLevel === true;
}

function isGovernment(ctx: NamingContext): boolean {
  return ctx.subject.nature === '单位' && ctx.subject.unitType === '政府机构';
}

// ---------------------------------------------------------------------------------------------
// the rule table

export const NAMING_RULES: NamingRule[] = [
  {
    id: 'required',
    title: '网站名称必填',
    field: 'name',
    check: (ctx) => (trimmed(ctx.name) ? null : '请填写网站名称'),
  },
  {
    id: 'length',
    title: `网站名称长度为${NAME_MIN_LENGTH}-${NAME_MAX_LENGTH}个字符`,
    field: 'name',
    check: (ctx) => {
      const n = trimmed(ctx.name);
      if (!n) return null; // reported by `required`
      const len = Array.from(n).length;
      return len >= NAME_MIN_LENGTH && len <= NAME_MAX_LENGTH ? null : `网站名称长度应为${NAME_MIN_LENGTH}-${NAME_MAX_LENGTH}个字符`;
    },
  },
  {
    id: 'not-domain',
    title: '不得以域名作为网站名称',
    field: 'name',
    check: (ctx) => {
      const n = trimmed(ctx.name);
      if (!n) return null;
      const host = asciiHost(n);
      const equalsDomain = host !== '' && ctx.domains.some((d) => asciiHost(d) === host);
      return equalsDomain || looksLikeDomain(n) ? '不得以域名作为网站名称，请填写能反映网站内容的名称' : null;
    },
  },
  {
    id: 'not-alnum-only',
    title: '不得只用数字或英文字母命名',
    field: 'name',
    check: (ctx) => {
      const c = compact(ctx.name);
      if (!c) return null;
      // Needs at least one letter outside the Latin script: a Chinese (or other-script) name.
      return /\p{L}/u.test(c.replace(/\p{Script=Latin}/gu, '')) ? null : '网站名称不能只由数字、英文字母或符号组成，请使用中文名称';
    },
  },
  {
    id: 'no-special-symbols',
    title: '不得包含特殊符号',
    field: 'name',
    check: (ctx) => {
      const bad: string[] = [];
      for (const ch of Array.from(trimmed(ctx.name))) {
        if (!allowedChar(ch) && !bad.includes(ch)) bad.push(ch);
      }
      if (bad.length === 0) return null;
      return `网站名称不能包含特殊符号${quoteAll(bad)}，只能使用汉字、字母、数字、空格及 · - _ （ ） 《 》 、`;
    },
  },
  {
    id: 'national-words',
    title: '非国家级单位不得使用“中国”“中华”“中央”“全国”“国家”“人民”“人大”',
    field: 'name',
    check: (ctx) => {
      if (isNationalLevel(ctx)) return null;
      let c = compact(ctx.name);
      const legal = ctx.subject.nature === '单位' ? (LEGAL_ORGAN_NAMES[ctx.subject.unitType ?? ''] ?? []) : [];
      for (const organ of legal) c = c.split(organ).join('|');
      const hits = found(c, NATIONAL_WORDS);
      return hits.length ? `非国家级单位的网站名称不得使用${quoteAll(hits)}等字样` : null;
    },
  },
  {
    id: 'public-affairs-words',
    title: '非政府机构不得使用“人民政府”“监察”“公安”等公共事务关键字',
    field: 'name',
    check: (ctx) => {
      if (isGovernment(ctx)) return null;
      let c = compact(ctx.name);
      const hits: string[] = [];
      for (const w of PUBLIC_AFFAIRS_WORDS) {
        if (c.includes(w)) {
          hits.push(w);
          c = c.split(w).join('|'); // 人民政府 is reported once, not again as 政府
        }
      }
      return hits.length ? `非政府机构的网站名称不得使用${quoteAll(hits)}等公共事务关键字` : null;
    },
  },
  {
    id: 'personal-not-company',
    title: '个人网站不得以“某某有限公司”等单位名称命名',
    field: 'name',
    check: (ctx) => {
      if (ctx.subject.nature !== '个人') return null;
      const c = compact(ctx.name);
      const hits = found(c, COMPANY_NAME_WORDS);
      if (/厂(官网|网站|主页|门户|门户网站|官方网站)?$/.test(c)) hits.push('厂');
      return hits.length ? `个人网站不得以单位名称命名，名称中不能含有${quoteAll(hits)}` : null;
    },
  },
  {
    id: 'personal-restricted-words',
    title: '个人网站不得使用“反腐”“维权”“论坛”“在线”“博客”等字样',
    field: 'name',
    check: (ctx) => {
      if (ctx.subject.nature !== '个人') return null;
      const hits = found(compact(ctx.name), PERSONAL_RESTRICTED_WORDS);
      return hits.length ? `个人网站的名称不得使用${quoteAll(hits)}等需要专项审批的字样` : null;
    },
  },
  {
    id: 'permit-keywords',
    title: '含新闻、出版、教育、医疗、药品、文化、广电等字样须选择对应的相关前置许可',
    field: 'name',
    check: (ctx) => {
      let c = compact(ctx.name);
      const words: string[] = [];
      const missing: string[] = [];
      for (const [keyword, permit] of PERMIT_KEYWORDS) {
        if (!c.includes(keyword)) continue;
        c = c.split(keyword).join('|'); // 医疗器械 must not also count as 医疗
        if (ctx.permits.includes(permit)) continue;
        words.push(keyword);
        if (!missing.includes(permit)) missing.push(permit);
      }
      if (!missing.length) return null;
      return `网站名称含有${quoteAll(words)}，须取得并选择相关前置许可：${missing.join('、')}`;
    },
  },
  {
    id: 'forum-name-interactive',
    title: '含“论坛”“社区”“bbs”的名称仅限提供互联网交互服务的网站',
    field: 'name',
    check: (ctx) => {
      if (ctx.interactive) return null;
      const hits = found(compact(ctx.name), FORUM_WORDS);
      return hits.length ? `网站名称含有${quoteAll(hits)}，属于交互式网站，“是否提供互联网交互服务”应选择“是”` : null;
    },
  },
  {
    id: 'bbs-domain-interactive',
    title: '含“bbs”的域名视为论坛，仅限提供互联网交互服务的网站',
    field: 'domains',
    check: (ctx) => {
      if (ctx.interactive) return null;
      const hits = ctx.domains.map((d) => trimmed(d)).filter((d) => d.normalize('NFKC').toLowerCase().includes('bbs'));
      return hits.length
        ? `域名${quoteAll(hits)}含有“bbs”，视为论坛，“是否提供互联网交互服务”应选择“是”`
        : null;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// API

/** Every violated rule, in table order. */
export function checkWebsiteName(ctx: NamingContext): NamingViolation[] {
  const out: NamingViolation[] = [];
  for (const rule of NAMING_RULES) {
    const message = rule.check(ctx);
    if (message !== null) out.push({ field: rule.field, ruleId: rule.id, message });
  }
  return out;
}

/**
 * The naming rules of an APP or 小程序 (SPEC §15.1): those of §11.3 that are about the name, not
 * about domains (it has none of its own to check the name against).
 */
export function checkObjectName(ctx: Omit<NamingContext, 'domains'>, label = '网站'): NamingViolation[] {
  // The rules are written for websites; an APP or 小程序 reads its own name in them.
  return checkWebsiteName({ ...ctx, domains: [] })
    .filter((v) => v.field === 'name')
    .map((v) => ({ ...v, message: v.message.replaceAll('网站', label) }));
}

/** The first violation's message (any field), or null. */
export function websiteNameError(ctx: NamingContext): string | null {
  return checkWebsiteName(ctx)[0]?.message ?? null;
}

/** Every rule with its outcome, for the reviewer view. */
export function namingHints(ctx: NamingContext): NamingHint[] {
  return NAMING_RULES.map((rule) => {
    const message = rule.check(ctx);
    return message === null ? { id: rule.id, title: rule.title, ok: true } : { id: rule.id, title: rule.title, ok: false, message };
  });
}
