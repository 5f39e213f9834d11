'use client';

import { useEffect } from 'react';
import { Link } from '@/components/ui/link';
import { Button } from '@/components/ui/button';

/**
 * An unexpected error while rendering a page (not a 404 or 403, which have their own pages):
 * said in Chinese inside the site's frame, with 重试 and the way home. In production the message
 * of a server error is withheld; its digest matches the server log.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center" data-testid="error-page">
      <p className="text-5xl font-semibold text-primary">出错了</p>
      <h1 className="text-xl font-semibold">页面暂时无法显示</h1>
      <p className="text-muted-foreground">系统繁忙，请稍后重试。如问题持续存在，请联系管理员{digest ? `并提供错误编号：${digest}` : ''}。</p>
      <div className="flex items-center justify-center gap-4">
        <Button type="button" onClick={() => retry()}>
          重试
        </Button>
        <Link href="/" className="text-primary hover:underline">
          返回首页
        </Link>
      </div>
    </div>
  );
}
