import { describe, it, expect } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import ErrorPage from './error';
import GlobalError from './global-error';
import NotFound from './not-found';

// Next's own error pages are in English; ours say it in Chinese.
describe('error pages', () => {
  it('an unexpected error shows the Chinese page with 重试 and the error number', () => {
    const html = renderToStaticMarkup(<ErrorPage error={Object.assign(new Error('boom'), { digest: '12345' })} retry={() => {}} />);
    expect(html).toContain('页面暂时无法显示');
    expect(html).toContain('重试');
    expect(html).toContain('错误编号：12345');
    expect(html).not.toContain('boom');
  });
  it('an error in the root layout shows a whole Chinese document', () => {
    const html = renderToStaticMarkup(<GlobalError error={new Error('boom')} retry={() => {}} />);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('暂时无法访问');
  });
  it('404 is in Chinese', () => {
    expect(renderToStaticMarkup(<NotFound />)).toContain('页面不存在');
  });
});
