import { createElement, type ComponentProps } from 'react';
import { renderToString } from 'react-dom/server';
import NextLink from 'next/link';
import { describe, expect, it } from 'vitest';
import { Link } from './link';

type Props = ComponentProps<typeof NextLink>;

const cases: Props[] = [
  { href: '/my', children: '首页' },
  { href: '/', className: 'flex items-center gap-2', children: ['联网备案平台', createElement('span', { key: 's' }, '北京')] },
  { href: '/my/notifications', className: 'relative inline-flex', 'aria-label': '系统通知，未读 3 条', children: '通知' },
  { href: '/query?type=name&q=%E4%BA%91&page=2#results', prefetch: false, replace: true, scroll: false, target: '_blank', rel: 'noopener', children: '下一页' },
  { href: '/review/12', ...{ 'data-testid': 'open' }, title: '办理', onClick: () => undefined, children: '办理' },
  { href: 'https://beian.example.cn/a', children: '外部' },
  { href: '#main', children: '跳到正文' },
];

describe('Link (issue 17)', () => {
  it('draws on the server exactly the <a> next/link draws, whatever the props', () => {
    for (const props of cases) {
      const html = renderToString(createElement(Link, props));
      expect(html).toBe(renderToString(createElement(NextLink, props)));
      expect(html).toMatch(/^<a [^>]*href="/);
    }
  });

  it('leaves to next/link what next/link rewrites: a trailing "/", `as`, an href object', () => {
    for (const props of [
      { href: '/my/', children: 'x' },
      { href: '/my/?tab=1', children: 'x' },
      { href: '/review/[id]', as: '/review/3', children: 'x' },
      { href: { pathname: '/query', query: { type: 'name', q: '云帆' } }, children: 'x' },
    ] as Props[]) {
      const html = renderToString(createElement(Link, props));
      expect(html).toBe(renderToString(createElement(NextLink, props)));
    }
    expect(renderToString(createElement(Link, { href: '/my/' }, 'x'))).toContain('href="/my"');
    expect(renderToString(createElement(Link, { href: '/review/[id]', as: '/review/3' }, 'x'))).toContain('href="/review/3"');
  });
});
