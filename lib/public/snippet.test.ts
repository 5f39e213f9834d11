import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml, filingAboutLine, filingSnippet } from './snippet';

const number = '京公网安备11010502013462号';
const digits = '11010502013462';
const savedBase = process.env.PUBLIC_BASE_URL;

afterEach(() => {
  process.env.PUBLIC_BASE_URL = savedBase;
});

describe('filingSnippet', () => {
  it('gives the exact one-line snippet of SPEC §10.3', () => {
    expect(filingSnippet({ number, digits, baseUrl: 'https://beian.example.cn' })).toBe(
      '<img src="https://beian.example.cn/badge.png" width="20" height="20" alt="">' +
        '<a href="https://beian.example.cn/query/11010502013462" rel="noreferrer" target="_blank">京公网安备11010502013462号</a>',
    );
  });

  it('takes the base URL from PUBLIC_BASE_URL by default, without a trailing slash', () => {
    process.env.PUBLIC_BASE_URL = 'http://beian.test/';
    const html = filingSnippet({ number, digits });
    expect(html).toBe(
      '<img src="http://beian.test/badge.png" width="20" height="20" alt="">' +
        '<a href="http://beian.test/query/11010502013462" rel="noreferrer" target="_blank">京公网安备11010502013462号</a>',
    );
    expect(html).not.toContain('\n');
  });

  it('escapes a hostile PUBLIC_BASE_URL so nothing breaks out of the attribute', () => {
    process.env.PUBLIC_BASE_URL = 'http://x"><script>alert(1)</script>';
    const html = filingSnippet({ number, digits });
    expect(html).toBe(
      '<img src="http://x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/badge.png" width="20" height="20" alt="">' +
        '<a href="http://x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/query/11010502013462" rel="noreferrer" target="_blank">京公网安备11010502013462号</a>',
    );
    expect(html).not.toMatch(/<script/i);
    // Still exactly <img>, <a>, </a> and the quotes of their seven attributes.
    expect(html.match(/</g)).toHaveLength(3);
    expect(html.match(/"/g)).toHaveLength(2 * 7);
  });

  it("escapes single quotes and ampersands in the base URL and the number's text", () => {
    const html = filingSnippet({ number: `<b>'京'&公网安备${digits}号</b>`, digits, baseUrl: "https://a.example/?x='1'&y=2" });
    expect(html).toContain('src="https://a.example/?x=&#39;1&#39;&amp;y=2/badge.png"');
    expect(html).toContain('>&lt;b&gt;&#39;京&#39;&amp;公网安备11010502013462号&lt;/b&gt;</a>');
  });

  it('refuses a base URL that is not http(s) and digits that are not 14 digits', () => {
    expect(() => filingSnippet({ number, digits, baseUrl: 'javascript:alert(1)//' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => filingSnippet({ number, digits: '1101050201346"', baseUrl: 'https://a.example' })).toThrow(RangeError);
    expect(() => filingSnippet({ number, digits: '1101050201346', baseUrl: 'https://a.example' })).toThrow(RangeError);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> 中文`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; 中文');
  });
});

describe('filingAboutLine (an APP’s 关于 screen)', () => {
  it('is the 公安备案号 as text and the public record as its link', () => {
    expect(filingAboutLine({ number: '京公网安备11010803000001号', digits: '11010803000001', baseUrl: 'https://beian.example.gov.cn/' })).toEqual({
      text: '京公网安备11010803000001号',
      url: 'https://beian.example.gov.cn/query/11010803000001',
    });
  });

  it('refuses digits that are not a filing number', () => {
    expect(() => filingAboutLine({ number: 'x', digits: '123', baseUrl: 'https://a.cn' })).toThrow('联网备案号应为14位数字');
  });
});
