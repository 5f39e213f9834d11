'use client';

import './globals.css';
import { useEffect } from 'react';
import { PLATFORM_NAME } from '@/lib/site/config';

/**
 * An error in the root layout itself: this page replaces the whole document, so it brings its own
 * <html>, <body> and styles (no header or footer: they are what may have failed). In Chinese like
 * every other page.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col">
        <title>{`系统出错 - ${PLATFORM_NAME}`}</title>
        <main className="mx-auto max-w-lg space-y-4 px-4 py-16 text-center" data-testid="error-page">
          <p className="text-5xl font-semibold text-primary">出错了</p>
          <h1 className="text-xl font-semibold">{PLATFORM_NAME}暂时无法访问</h1>
          <p className="text-muted-foreground">系统繁忙，请稍后重试。如问题持续存在，请联系管理员。</p>
          <div className="flex items-center justify-center gap-4">
            <button type="button" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground" onClick={() => retry()}>
              重试
            </button>
            {/* A plain link: the router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-primary hover:underline">
              返回首页
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
