import { describe, it, expect } from 'vitest';
import {
  parseDomain,
  normalizeDomainQuery,
  domainsError,
  registrableDomains,
  punycodeDecode,
  hostToUnicode,
  hostToAscii,
  DOMAIN_MESSAGES,
} from './domains';

function ok(input: string) {
  const r = parseDomain(input);
  if (!r.ok) throw new Error(`expected ${input} to parse, got ${r.message}`);
  return r;
}
function fail(input: string) {
  const r = parseDomain(input);
  if (r.ok) throw new Error(`expected ${input} to be refused`);
  return r.message;
}

describe('parseDomain: IDN both ways', () => {
  it('gives the same result for Unicode and punycode input', () => {
    const expected = {
      ok: true,
      unicode: '例子.中国',
      ascii: 'xn--fsqu00a.xn--fiqs8s',
      registrable: 'xn--fsqu00a.xn--fiqs8s',
      registrableUnicode: '例子.中国',
      isIdn: true,
    };
    expect(parseDomain('例子.中国')).toEqual(expected);
    expect(parseDomain('xn--fsqu00a.xn--fiqs8s')).toEqual(expected);
    expect(parseDomain('XN--FSQU00A.XN--FIQS8S')).toEqual(expected);
    expect(parseDomain('例子。中国')).toEqual(expected); // ideographic full stop
  });
  it('handles a subdomain of an IDN and an IDN label under an ASCII suffix', () => {
    expect(ok('www.例子.中国')).toMatchObject({ unicode: 'www.例子.中国', ascii: 'www.xn--fsqu00a.xn--fiqs8s', registrableUnicode: '例子.中国' });
    expect(ok('中文网.com')).toMatchObject({ ascii: 'xn--fiq228c5hs.com', unicode: '中文网.com', isIdn: true });
    expect(ok('www.中文网.com.cn')).toMatchObject({ registrable: 'xn--fiq228c5hs.com.cn', registrableUnicode: '中文网.com.cn' });
  });
  it('marks ASCII domains as not IDN', () => {
    expect(ok('example.com')).toMatchObject({ unicode: 'example.com', ascii: 'example.com', isIdn: false });
  });
  it('refuses invalid punycode', () => {
    expect(fail('xn--zz.com')).toBe(DOMAIN_MESSAGES.idn);
  });
});

describe('parseDomain: public suffixes', () => {
  it.each([
    ['www.abc.com.cn', 'abc.com.cn'],
    ['abc.com.cn', 'abc.com.cn'],
    ['abc.gov.cn', 'abc.gov.cn'],
    ['news.abc.gov.cn', 'abc.gov.cn'],
    ['www.abc.org.cn', 'abc.org.cn'],
    ['shop.abc.co.uk', 'abc.co.uk'],
    ['a.b.c.example.net', 'example.net'],
    ['www.北京.cn', 'xn--1lq90i.cn'],
  ])('%s → registrable %s', (input, registrable) => expect(ok(input).registrable).toBe(registrable));
  it('uses ICANN suffixes only: private suffixes such as github.io are ignored', () => {
    expect(ok('x.y.github.io').registrable).toBe('github.io');
  });
  it('refuses a bare public suffix', () => {
    expect(fail('com.cn')).toBe(DOMAIN_MESSAGES.incomplete);
    expect(fail('gov.cn')).toBe(DOMAIN_MESSAGES.incomplete);
    expect(fail('co.uk')).toBe(DOMAIN_MESSAGES.incomplete);
    expect(fail('com')).toBe(DOMAIN_MESSAGES.incomplete);
    expect(fail('中国')).toBe(DOMAIN_MESSAGES.incomplete);
  });
  it('refuses a single label', () => expect(fail('localhost')).toBe(DOMAIN_MESSAGES.incomplete));
  it('refuses an unknown or special-use suffix', () => {
    expect(fail('abc.invalidtld')).toBe(DOMAIN_MESSAGES.suffix);
    expect(fail('abc.local')).toBe(DOMAIN_MESSAGES.suffix);
    expect(fail('abc.test')).toBe(DOMAIN_MESSAGES.suffix);
    expect(fail('abc.onion')).toBe(DOMAIN_MESSAGES.suffix);
    expect(fail('1.in-addr.arpa')).toBe(DOMAIN_MESSAGES.suffix);
  });
});

describe('parseDomain: labels', () => {
  it('refuses a leading or trailing hyphen', () => {
    expect(fail('-abc.com')).toBe(DOMAIN_MESSAGES.hyphen);
    expect(fail('abc-.com')).toBe(DOMAIN_MESSAGES.hyphen);
    expect(fail('www.-abc.com.cn')).toBe(DOMAIN_MESSAGES.hyphen);
  });
  it('accepts an inner hyphen', () => expect(ok('my-site.com').ascii).toBe('my-site.com'));
  it('refuses a 64-character label but accepts 63', () => {
    expect(fail(`${'a'.repeat(64)}.com`)).toBe(DOMAIN_MESSAGES.labelLength);
    expect(ok(`${'a'.repeat(63)}.com`).registrable).toBe(`${'a'.repeat(63)}.com`);
  });
  it('refuses a name longer than 253 characters', () => {
    const long = `${Array(5).fill('a'.repeat(60)).join('.')}.com`; // 5×60 + 4 + 4 = 308
    expect(fail(long)).toBe(DOMAIN_MESSAGES.totalLength);
  });
  it('refuses an underscore and other characters', () => {
    expect(fail('a_b.com')).toBe(DOMAIN_MESSAGES.chars);
    expect(fail('exa mple.com')).toBe(DOMAIN_MESSAGES.chars);
    expect(fail('a%41.com')).toBe(DOMAIN_MESSAGES.chars);
    expect(fail('user@example.com')).toBe(DOMAIN_MESSAGES.chars);
    expect(fail('a!b.com')).toBe(DOMAIN_MESSAGES.chars);
  });
  it('refuses empty labels', () => {
    expect(fail('a..com')).toBe(DOMAIN_MESSAGES.emptyLabel);
    expect(fail('.a.com')).toBe(DOMAIN_MESSAGES.emptyLabel);
    expect(fail('a.com..')).toBe(DOMAIN_MESSAGES.emptyLabel);
  });
  it('refuses a numeric top-level label', () => expect(fail('abc.123')).toBe(DOMAIN_MESSAGES.numericTld));
  it('refuses empty input', () => {
    expect(fail('')).toBe(DOMAIN_MESSAGES.empty);
    expect(fail('   ')).toBe(DOMAIN_MESSAGES.empty);
    expect(fail('https://')).toBe(DOMAIN_MESSAGES.empty);
  });
  it('every error about the format starts with 域名格式不正确', () => {
    for (const m of [DOMAIN_MESSAGES.chars, DOMAIN_MESSAGES.emptyLabel, DOMAIN_MESSAGES.labelLength, DOMAIN_MESSAGES.hyphen, DOMAIN_MESSAGES.totalLength, DOMAIN_MESSAGES.idn]) {
      expect(m.startsWith('域名格式不正确：')).toBe(true);
    }
  });
});

describe('parseDomain: what users type', () => {
  it('takes the host of a pasted URL', () => {
    expect(ok('https://www.例子.中国/abc')).toMatchObject({ unicode: 'www.例子.中国', ascii: 'www.xn--fsqu00a.xn--fiqs8s' });
    expect(ok('http://Example.COM:8080/path?q=1#top').ascii).toBe('example.com');
    expect(ok('example.com/index.html').ascii).toBe('example.com');
    expect(ok('example.com:443').ascii).toBe('example.com');
    expect(ok('//cdn.example.com/x.js').ascii).toBe('cdn.example.com');
  });
  it('trims, lower-cases and drops a trailing dot', () => {
    expect(ok('  WWW.Example.COM.  ')).toMatchObject({ ascii: 'www.example.com', unicode: 'www.example.com', registrable: 'example.com' });
    expect(ok('ＥＸＡＭＰＬＥ．ｃｏｍ').ascii).toBe('example.com'); // full-width
  });
  it('refuses IP literals', () => {
    expect(fail('1.2.3.4')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('http://1.2.3.4/')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('1.2.3.4:8080')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('[2001:db8::1]')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('http://[2001:db8::1]:80/')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('2001:db8::1')).toBe(DOMAIN_MESSAGES.ip);
    expect(fail('0x7f.1')).toBe(DOMAIN_MESSAGES.ip);
    expect(DOMAIN_MESSAGES.ip).toBe('请填写域名，不要填写IP地址');
  });
});

describe('normalizeDomainQuery (公共查询)', () => {
  it('normalises case, trailing dot, IDN both ways and a leading www.', () => {
    const expected = { ascii: 'xn--fsqu00a.xn--fiqs8s', unicode: '例子.中国' };
    expect(normalizeDomainQuery('例子.中国')).toEqual(expected);
    expect(normalizeDomainQuery('WWW.xn--fsqu00a.xn--fiqs8s.')).toEqual(expected);
    expect(normalizeDomainQuery('https://www.例子.中国/')).toEqual(expected);
    expect(normalizeDomainQuery('Www.Example.Com')).toEqual({ ascii: 'example.com', unicode: 'example.com' });
  });
  it('keeps other subdomains and only strips one www.', () => {
    expect(normalizeDomainQuery('blog.example.com')).toEqual({ ascii: 'blog.example.com', unicode: 'blog.example.com' });
    expect(normalizeDomainQuery('www.www.example.com')).toEqual({ ascii: 'www.example.com', unicode: 'www.example.com' });
  });
  it('does not strip www when it is the registrable label', () => {
    expect(normalizeDomainQuery('www.com.cn')).toEqual({ ascii: 'www.com.cn', unicode: 'www.com.cn' });
  });
  it('returns null for input that is not a domain', () => {
    expect(normalizeDomainQuery('')).toBeNull();
    expect(normalizeDomainQuery('1.2.3.4')).toBeNull();
    expect(normalizeDomainQuery('com.cn')).toBeNull();
    expect(normalizeDomainQuery('网站名称')).toBeNull();
  });
});

describe('domainsError', () => {
  it('accepts a valid list with one 主域名', () => {
    expect(
      domainsError([
        { domain: 'example.com', primary: true },
        { domain: 'www.example.com', primary: false },
        { domain: '例子.中国', primary: false },
      ]),
    ).toBeNull();
  });
  it('requires at least one domain', () => {
    expect(domainsError([])).toEqual({ message: '请至少填写一个网站域名' });
    expect(domainsError([{ domain: '  ', primary: true }])).toEqual({ message: '请至少填写一个网站域名' });
  });
  it('requires exactly one 主域名', () => {
    expect(domainsError([{ domain: 'example.com', primary: false }])).toEqual({ message: '请指定一个主域名' });
    expect(
      domainsError([
        { domain: 'example.com', primary: true },
        { domain: 'example.net', primary: true },
      ]),
    ).toEqual({ index: 1, message: '只能指定一个主域名' });
  });
  it('refuses duplicates after normalisation', () => {
    expect(
      domainsError([
        { domain: '例子.中国', primary: true },
        { domain: 'https://XN--FSQU00A.xn--fiqs8s./', primary: false },
      ]),
    ).toEqual({ index: 1, message: '域名重复：例子.中国' });
  });
  it('reports the first domain that does not parse', () => {
    expect(
      domainsError([
        { domain: 'example.com', primary: true },
        { domain: 'a..com', primary: false },
      ]),
    ).toEqual({ index: 1, message: DOMAIN_MESSAGES.emptyLabel });
    expect(
      domainsError([
        { domain: 'example.com', primary: true },
        { domain: '', primary: false },
      ]),
    ).toEqual({ index: 1, message: DOMAIN_MESSAGES.empty });
  });
});

describe('registrableDomains', () => {
  it('lists each registrable domain once, in order', () => {
    expect(registrableDomains(['www.example.com', 'example.com', 'shop.abc.com.cn', '例子.中国', 'www.xn--fsqu00a.xn--fiqs8s', 'bad..com'])).toEqual([
      'example.com',
      'abc.com.cn',
      'xn--fsqu00a.xn--fiqs8s',
    ]);
  });
});

describe('punycode helpers', () => {
  it.each([
    ['fsqu00a', '例子'],
    ['fiqs8s', '中国'],
    ['1lq90i', '北京'],
    ['bcher-kva', 'bücher'],
    ['mnchen-3ya', 'münchen'],
    ['n3h', '☃'],
    ['ls8h', '💩'],
  ])('decodes %s → %s', (encoded, decoded) => expect(punycodeDecode(encoded)).toBe(decoded));
  it('round-trips with the WHATWG URL encoder', () => {
    for (const host of ['例子.中国', 'bücher.de', 'президент.рф', '中文网.公司', 'ไทย.ไทย', '💩.la']) {
      const ascii = hostToAscii(host);
      expect(ascii).not.toBeNull();
      expect(hostToUnicode(ascii!)).toBe(host);
    }
  });
  it('returns null for invalid punycode', () => {
    expect(punycodeDecode('zz')).toBeNull();
    expect(punycodeDecode('99999999999')).toBeNull();
    expect(hostToUnicode('xn--zz.com')).toBeNull();
  });
});
