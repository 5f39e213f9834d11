import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NoticeMarkdown, safeUrl } from '@/components/notices/markdown';

const render = (md: string) => renderToStaticMarkup(createElement(NoticeMarkdown, null, md));

describe('NoticeMarkdown', () => {
  it('renders ordinary Markdown with headings one level below the page title', () => {
    const html = render('# 办理流程\n\n第一步：**注册账号**。\n\n- 负责人证件\n- 域名证书\n\n[公共查询](/query) · [公安部](https://www.mps.gov.cn) · [来信](mailto:support@beian.example.cn)');
    expect(html).toContain('<h2 class="mt-6 mb-3 text-lg font-semibold">办理流程</h2>');
    expect(html).not.toContain('<h1');
    expect(html).toContain('<strong class="font-semibold">注册账号</strong>');
    expect(html).toMatch(/<li[^>]*>负责人证件<\/li>/);
    expect(html).toContain('href="/query"');
    expect(html).toMatch(/<a href="https:\/\/www.mps.gov.cn"[^>]*target="_blank"[^>]*rel="noopener noreferrer nofollow"/);
    expect(html).toContain('href="mailto:support@beian.example.cn"');
  });

  it('never renders raw HTML from the body: no <script>, no <img onerror>, no inline handlers', () => {
    const html = render(
      [
        '正文开始',
        '',
        '<script>alert("xss")</script>',
        '',
        '<img src="x" onerror="alert(1)">',
        '',
        '行内 <b onmouseover="alert(2)">加粗</b> <iframe src="https://evil.example"></iframe> 结束',
        '',
        '<div style="position:fixed">覆盖层</div>',
      ].join('\n'),
    );
    expect(html).toContain('正文开始');
    expect(html).toContain('结束');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<b[\s>]/i);
    expect(html).not.toMatch(/<div style/i);
    expect(html).not.toMatch(/onerror|onmouseover/i);
    expect(html).not.toContain('alert(');
  });

  it('drops javascript:, data: and other non-web link targets but keeps the text', () => {
    const html = render(
      '[点我](javascript:alert(1)) [大写](JAVASCRIPT:alert(1)) [实体](jav&#x61;script:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) [聊天](irc://irc.example/x) [脚本](vbscript:msgbox) <javascript:alert(3)>\n\n![图](javascript:alert(4))',
    );
    // The autolink's own text may stay as plain text; no attribute carries any of these.
    expect(html).not.toMatch(/(href|src)=/i);
    expect(html).not.toMatch(/<a /);
    expect(html).toContain('<span>javascript:alert(3)</span>');
    expect(html).not.toMatch(/<img/);
    for (const text of ['点我', '大写', '实体', '数据', '聊天', '脚本']) expect(html).toContain(text);
  });

  it('safeUrl keeps http(s), mailto and relative addresses only', () => {
    expect(safeUrl('https://beian.example.cn/a?b=c#d')).toBe('https://beian.example.cn/a?b=c#d');
    expect(safeUrl('http://example.com')).toBe('http://example.com');
    expect(safeUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeUrl('/notices?category=常见问题')).toBe('/notices?category=常见问题');
    expect(safeUrl('#faq')).toBe('#faq');
    expect(safeUrl('notices/1')).toBe('notices/1');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl(' javascript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,hi')).toBe('');
    expect(safeUrl('xmpp:someone@example.com')).toBe('');
    expect(safeUrl('ircs://irc.example')).toBe('');
  });
});
