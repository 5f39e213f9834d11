import { describe, it, expect } from 'vitest';
import { NAMING_RULES, checkWebsiteName, websiteNameError, namingHints, type NamingContext } from './naming';

type Over = Partial<Omit<NamingContext, 'subject'>> & { subject?: NamingContext['subject'] };

const company = { nature: '单位', unitType: '企业单位' } as const;
const person = { nature: '个人' } as const;
const districtGov = { nature: '单位', unitType: '政府机构', nationalLevel: false } as const;

function ctx(name: string, over: Over = {}): NamingContext {
  return { name, domains: ['yunfan.com'], subject: company, permits: [], interactive: false, ...over };
}

/** The message of one rule (null when it holds). */
function rule(id: string, c: NamingContext): string | null {
  const r = NAMING_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r.check(c);
}

describe('rule table', () => {
  it('has unique ids, a title and a field for every rule', () => {
    const ids = NAMING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'required',
      'length',
      'not-domain',
      'not-alnum-only',
      'no-special-symbols',
      'national-words',
      'public-affairs-words',
      'personal-not-company',
      'personal-restricted-words',
      'permit-keywords',
      'forum-name-interactive',
      'bbs-domain-interactive',
    ]);
    for (const r of NAMING_RULES) expect(r.title.length).toBeGreaterThan(0);
  });
});

describe('required', () => {
  it('passes a name', () => expect(rule('required', ctx('云帆官网'))).toBeNull());
  it.each(['', '   ', '\u3000'])('refuses %j', (n) => expect(rule('required', ctx(n))).toBe('请填写网站名称'));
  it('is the only error for an empty name', () => {
    expect(checkWebsiteName(ctx(''))).toEqual([{ field: 'name', ruleId: 'required', message: '请填写网站名称' }]);
  });
});

describe('length 2–50', () => {
  it.each(['云帆', '云'.repeat(50), ' 云帆 '])('passes %j', (n) => expect(rule('length', ctx(n))).toBeNull());
  it.each(['云', '云'.repeat(51)])('refuses %j', (n) => expect(rule('length', ctx(n))).toBe('网站名称长度应为2-50个字符'));
  it('counts code points, not UTF-16 units', () => {
    expect(rule('length', ctx('𠀀'))).toBe('网站名称长度应为2-50个字符'); // one CJK Ext-B character
    expect(rule('length', ctx('𠀀'.repeat(50)))).toBeNull();
  });
});

describe('not the domain itself', () => {
  const msg = '不得以域名作为网站名称，请填写能反映网站内容的名称';
  it('passes a real name', () => expect(rule('not-domain', ctx('云帆科技官网'))).toBeNull());
  it.each(['yunfan.com', 'YunFan.COM', 'www.yunfan.com', 'abc.com', 'http://abc.com/', 'abc。com'])('refuses %j', (n) =>
    expect(rule('not-domain', ctx(n))).toBe(msg),
  );
  it('matches a Unicode name against a punycode domain and vice versa', () => {
    expect(rule('not-domain', ctx('例子.中国', { domains: ['xn--fsqu00a.xn--fiqs8s'] }))).toBe(msg);
    expect(rule('not-domain', ctx('xn--fsqu00a.xn--fiqs8s', { domains: ['例子.中国'] }))).toBe(msg);
  });
  it('reports the domain before the other rules', () => {
    expect(websiteNameError(ctx('yunfan.com'))).toBe(msg);
  });
});

describe('not digits or Latin letters only', () => {
  const msg = '网站名称不能只由数字、英文字母或符号组成，请使用中文名称';
  it.each(['ABC科技', '云帆2024', 'Python学习笔记'])('passes %j', (n) => expect(rule('not-alnum-only', ctx(n))).toBeNull());
  it.each(['123', 'ABC', 'abc123', 'ABC 123', 'ＡＢＣ１２３', 'Café', '《》'])('refuses %j', (n) =>
    expect(rule('not-alnum-only', ctx(n))).toBe(msg),
  );
});

describe('no special symbols', () => {
  it.each(['云帆 科技', '云帆·科技', '云帆-科技_官网', '云帆（北京）官网', '云帆(北京)官网', '《云帆》读书', '读书、写作'])('passes %j', (n) =>
    expect(rule('no-special-symbols', ctx(n))).toBeNull(),
  );
  it('refuses @ and names it', () =>
    expect(rule('no-special-symbols', ctx('云帆@官网'))).toBe(
      '网站名称不能包含特殊符号“@”，只能使用汉字、字母、数字、空格及 · - _ （ ） 《 》 、',
    ));
  it('lists each distinct symbol once', () =>
    expect(rule('no-special-symbols', ctx('云帆#$#官网!'))).toBe(
      '网站名称不能包含特殊符号“#”“$”“!”，只能使用汉字、字母、数字、空格及 · - _ （ ） 《 》 、',
    ));
  it.each(['%', '^', '&', '*', '~', '<', '>', '|', '\\', '/', '.', '😀', '❤️', '＠', '…'])('refuses %j', (s) =>
    expect(rule('no-special-symbols', ctx(`云帆${s}官网`))).toMatch(/^网站名称不能包含特殊符号/),
  );
  it('refuses a keycap emoji (digit + variation selector + enclosing mark)', () =>
    expect(rule('no-special-symbols', ctx('云帆1️⃣号'))).toMatch(/^网站名称不能包含特殊符号/));
});

describe('national-level words', () => {
  it('passes an ordinary name', () => expect(rule('national-words', ctx('云帆科技官网'))).toBeNull());
  it('refuses 中国 for a non-national subject', () =>
    expect(rule('national-words', ctx('中国云帆科技官网'))).toBe('非国家级单位的网站名称不得使用“中国”等字样'));
  it('lists every word found, in table order', () =>
    expect(rule('national-words', ctx('全国人民中华美食'))).toBe('非国家级单位的网站名称不得使用“中华”“全国”“人民”等字样'));
  it.each(['中央', '国家', '人大'])('refuses %s', (w) =>
    expect(rule('national-words', ctx(`云帆${w}资讯`))).toBe(`非国家级单位的网站名称不得使用“${w}”等字样`),
  );
  it('cannot be dodged with separators or spaces', () =>
    expect(rule('national-words', ctx('中·国 云帆'))).toBe('非国家级单位的网站名称不得使用“中国”等字样'));
  it('passes a national-level unit', () =>
    expect(rule('national-words', ctx('中国云帆科技官网', { subject: { ...company, nationalLevel: true } }))).toBeNull());
  it('treats a 个人 as never national-level', () =>
    expect(rule('national-words', ctx('中国风摄影', { subject: { nature: '个人', nationalLevel: true } }))).toBe(
      '非国家级单位的网站名称不得使用“中国”等字样',
    ));
  it('lets a district 政府机构 bear its legal name 人民政府, but not other 人民', () => {
    expect(rule('national-words', ctx('海淀区人民政府门户网站', { subject: districtGov }))).toBeNull();
    expect(rule('national-words', ctx('海淀区人大常委会', { subject: districtGov }))).toBeNull();
    expect(rule('national-words', ctx('海淀区人民法院', { subject: districtGov }))).toBeNull();
    expect(rule('national-words', ctx('海淀区人民之声', { subject: districtGov }))).toBe('非国家级单位的网站名称不得使用“人民”等字样');
  });
  it('does not let a company use 人民政府 as an escape', () =>
    expect(rule('national-words', ctx('海淀区人民政府门户网站'))).toBe('非国家级单位的网站名称不得使用“人民”等字样'));
  it('lets a 事业单位 hospital bear 人民医院', () =>
    expect(rule('national-words', ctx('海淀区人民医院', { subject: { nature: '单位', unitType: '事业单位' } }))).toBeNull());
});

describe('public-affairs words', () => {
  it('passes an ordinary name', () => expect(rule('public-affairs-words', ctx('云帆科技官网'))).toBeNull());
  it('refuses 人民政府 once (not again as 政府)', () =>
    expect(rule('public-affairs-words', ctx('某某市人民政府'))).toBe('非政府机构的网站名称不得使用“人民政府”等公共事务关键字'));
  it.each(['政府', '监察', '公安', '法院', '检察院', '纪委', '派出所'])('refuses %s for a company', (w) =>
    expect(rule('public-affairs-words', ctx(`云帆${w}服务`))).toBe(`非政府机构的网站名称不得使用“${w}”等公共事务关键字`),
  );
  it('refuses them for a 个人 too', () =>
    expect(rule('public-affairs-words', ctx('陈静公安资讯', { subject: person }))).toBe(
      '非政府机构的网站名称不得使用“公安”等公共事务关键字',
    ));
  it('passes a 政府机构', () =>
    expect(rule('public-affairs-words', ctx('海淀区公安分局', { subject: districtGov }))).toBeNull());
});

describe('个人 site not named as a company', () => {
  it('passes a personal name', () => expect(rule('personal-not-company', ctx('陈静摄影作品集', { subject: person }))).toBeNull());
  it('does not apply to a 单位', () => expect(rule('personal-not-company', ctx('北京云帆网络科技有限公司官网'))).toBeNull());
  it('refuses 有限公司', () =>
    expect(rule('personal-not-company', ctx('陈静摄影有限公司', { subject: person }))).toBe(
      '个人网站不得以单位名称命名，名称中不能含有“公司”',
    ));
  it.each(['集团', '企业', '工作室', '商行', '事务所'])('refuses %s', (w) =>
    expect(rule('personal-not-company', ctx(`陈静${w}`, { subject: person }))).toBe(`个人网站不得以单位名称命名，名称中不能含有“${w}”`),
  );
  it('refuses 厂 only as the final word', () => {
    expect(rule('personal-not-company', ctx('陈静服装厂', { subject: person }))).toBe('个人网站不得以单位名称命名，名称中不能含有“厂”');
    expect(rule('personal-not-company', ctx('陈静服装厂官网', { subject: person }))).toBe('个人网站不得以单位名称命名，名称中不能含有“厂”');
    expect(rule('personal-not-company', ctx('老厂房摄影记', { subject: person }))).toBeNull();
  });
});

describe('个人 site restricted words', () => {
  it('passes a personal name', () => expect(rule('personal-restricted-words', ctx('陈静摄影作品集', { subject: person }))).toBeNull());
  it('does not apply to a 单位', () => expect(rule('personal-restricted-words', ctx('云帆在线'))).toBeNull());
  it.each(['反腐', '纪检', '监察', '信访', '维权', '投诉', '论坛', '社区', '在线', '交流', '博客'])('refuses %s', (w) =>
    expect(rule('personal-restricted-words', ctx(`陈静${w}`, { subject: person }))).toBe(
      `个人网站的名称不得使用“${w}”等需要专项审批的字样`,
    ),
  );
  it('lists several', () =>
    expect(rule('personal-restricted-words', ctx('陈静在线交流', { subject: person }))).toBe(
      '个人网站的名称不得使用“在线”“交流”等需要专项审批的字样',
    ));
});

describe('相关前置许可 keywords', () => {
  it('passes a name without keywords', () => expect(rule('permit-keywords', ctx('云帆科技官网'))).toBeNull());
  it('refuses 新闻网 without the 新闻 permit, passes with it', () => {
    expect(rule('permit-keywords', ctx('云帆新闻网'))).toBe('网站名称含有“新闻”，须取得并选择相关前置许可：新闻');
    expect(rule('permit-keywords', ctx('云帆新闻网', { permits: ['新闻'] }))).toBeNull();
  });
  it.each([
    ['云帆出版社', '出版', '出版'],
    ['云帆教育', '教育', '教育'],
    ['云帆医疗', '医疗', '医疗保健'],
    ['云帆医院', '医院', '医疗保健'],
    ['云帆健康', '健康', '医疗保健'],
    ['云帆药品', '药品', '药品和医疗器械'],
    ['云帆医药', '医药', '药品和医疗器械'],
    ['云帆文化', '文化', '文化'],
    ['云帆广电', '广电', '广播电影电视'],
    ['云帆电视', '电视', '广播电影电视'],
    ['云帆广播', '广播', '广播电影电视'],
    ['云帆电影', '电影', '广播电影电视'],
  ])('%s needs %s → %s', (name, word, permit) => {
    expect(rule('permit-keywords', ctx(name))).toBe(`网站名称含有“${word}”，须取得并选择相关前置许可：${permit}`);
    expect(rule('permit-keywords', ctx(name, { permits: [permit] }))).toBeNull();
  });
  it('maps 医疗器械 to 药品和医疗器械 only, not also to 医疗保健', () => {
    expect(rule('permit-keywords', ctx('云帆医疗器械'))).toBe('网站名称含有“医疗器械”，须取得并选择相关前置许可：药品和医疗器械');
    expect(rule('permit-keywords', ctx('云帆医疗器械', { permits: ['药品和医疗器械'] }))).toBeNull();
  });
  it('lists only the permits still missing, each once', () => {
    expect(rule('permit-keywords', ctx('云帆电影电视教育', { permits: ['教育'] }))).toBe(
      '网站名称含有“电视”“电影”，须取得并选择相关前置许可：广播电影电视',
    );
  });
});

describe('论坛/社区/bbs names only for an interactive site', () => {
  const msg = (w: string) => `网站名称含有“${w}”，属于交互式网站，“是否提供互联网交互服务”应选择“是”`;
  it('passes an ordinary name', () => expect(rule('forum-name-interactive', ctx('云帆科技官网'))).toBeNull());
  it.each([
    ['云帆论坛', '论坛'],
    ['云帆社区', '社区'],
    ['云帆BBS', 'bbs'],
    ['云帆ｂｂｓ', 'bbs'],
  ])('refuses %s for a non-interactive site', (n, w) => expect(rule('forum-name-interactive', ctx(n))).toBe(msg(w)));
  it('passes an interactive site', () => expect(rule('forum-name-interactive', ctx('云帆论坛', { interactive: true }))).toBeNull());
});

describe('bbs domain only for an interactive site', () => {
  it('passes an ordinary domain', () => expect(rule('bbs-domain-interactive', ctx('云帆科技官网'))).toBeNull());
  it('refuses a domain containing bbs, on the domains field', () => {
    const c = ctx('云帆科技官网', { domains: ['yunfan.com', 'BBS.yunfan.com'] });
    const msg = '域名“BBS.yunfan.com”含有“bbs”，视为论坛，“是否提供互联网交互服务”应选择“是”';
    expect(rule('bbs-domain-interactive', c)).toBe(msg);
    expect(checkWebsiteName(c)).toEqual([{ field: 'domains', ruleId: 'bbs-domain-interactive', message: msg }]);
  });
  it('passes an interactive site', () =>
    expect(rule('bbs-domain-interactive', ctx('云帆科技官网', { domains: ['bbs.yunfan.com'], interactive: true }))).toBeNull());
});

describe('realistic names that must pass', () => {
  it.each<[string, Over]>([
    ['北京云帆网络科技有限公司官网', {}],
    ['陈静摄影作品集', { subject: person, domains: ['chenjing.cn'] }],
    ['海淀区人民政府门户网站', { subject: districtGov, domains: ['bjhd.gov.cn'] }],
    ['北京市海淀区人民法院', { subject: districtGov, domains: ['bjhdfy.gov.cn'] }],
    ['中国云帆集团', { subject: { ...company, nationalLevel: true } }],
    ['云帆开发者社区', { interactive: true }],
    ['云帆教育在线', { permits: ['教育'] }],
    ['云帆（北京）信息技术服务平台', {}],
    ['李明Python笔记', { subject: person }],
  ])('%s', (name, over) => {
    const c = ctx(name, over);
    expect(checkWebsiteName(c)).toEqual([]);
    expect(websiteNameError(c)).toBeNull();
    expect(namingHints(c).every((h) => h.ok)).toBe(true);
  });
});

describe('API', () => {
  it('checkWebsiteName returns every violation in table order', () => {
    const c = ctx('中国公安论坛', { subject: person, domains: ['bbs.example.cn'] });
    expect(checkWebsiteName(c)).toEqual([
      { field: 'name', ruleId: 'national-words', message: '非国家级单位的网站名称不得使用“中国”等字样' },
      { field: 'name', ruleId: 'public-affairs-words', message: '非政府机构的网站名称不得使用“公安”等公共事务关键字' },
      { field: 'name', ruleId: 'personal-restricted-words', message: '个人网站的名称不得使用“论坛”等需要专项审批的字样' },
      {
        field: 'name',
        ruleId: 'forum-name-interactive',
        message: '网站名称含有“论坛”，属于交互式网站，“是否提供互联网交互服务”应选择“是”',
      },
      {
        field: 'domains',
        ruleId: 'bbs-domain-interactive',
        message: '域名“bbs.example.cn”含有“bbs”，视为论坛，“是否提供互联网交互服务”应选择“是”',
      },
    ]);
    expect(websiteNameError(c)).toBe('非国家级单位的网站名称不得使用“中国”等字样');
  });

  it('namingHints lists every rule with ok and the message when violated', () => {
    const hints = namingHints(ctx('云帆新闻网'));
    expect(hints.map((h) => h.id)).toEqual(NAMING_RULES.map((r) => r.id));
    expect(hints.find((h) => h.id === 'permit-keywords')).toEqual({
      id: 'permit-keywords',
      title: NAMING_RULES.find((r) => r.id === 'permit-keywords')!.title,
      ok: false,
      message: '网站名称含有“新闻”，须取得并选择相关前置许可：新闻',
    });
    const ok = hints.find((h) => h.id === 'required')!;
    expect(ok).toEqual({ id: 'required', title: '网站名称必填', ok: true });
    expect('message' in ok).toBe(false);
  });
});
