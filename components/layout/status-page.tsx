'use client';

import { Link } from '@/components/ui/link';

const PAGES = {
  401: { title: '需要登录', text: '您尚未登录或登录已失效，请登录后再访问。', href: '/login', link: '用户登录' },
  403: { title: '无权访问', text: '您的账号没有访问此页面的权限。', href: '/', link: '返回首页' },
  404: { title: '页面不存在', text: '您访问的页面不存在或已被删除。', href: '/', link: '返回首页' },
} as const;

/**
 * The root 404 / 403 / 401 pages. A client component although it holds nothing interactive: the
 * root layout sends these three trees in the RSC data of every page in case one is needed, and a
 * client component goes there as a reference to its code instead of as elements (issue 17: 2 KB
 * less on every page).
 */
export function StatusPage({ code }: { code: keyof typeof PAGES }) {
  const page = PAGES[code];
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <p className="text-5xl font-semibold text-primary">{code}</p>
      <h1 className="text-xl font-semibold">{page.title}</h1>
      <p className="text-muted-foreground">{page.text}</p>
      <Link href={page.href} className="text-primary hover:underline">
        {page.link}
      </Link>
    </div>
  );
}
