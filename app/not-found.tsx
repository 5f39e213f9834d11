import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <p className="text-5xl font-semibold text-primary">404</p>
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="text-muted-foreground">您访问的页面不存在或已被删除。</p>
      <Link href="/" className="text-primary hover:underline">
        返回首页
      </Link>
    </div>
  );
}
