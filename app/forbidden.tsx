import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <p className="text-5xl font-semibold text-primary">403</p>
      <h1 className="text-xl font-semibold">无权访问</h1>
      <p className="text-muted-foreground">您的账号没有访问此页面的权限。</p>
      <Link href="/" className="text-primary hover:underline">
        返回首页
      </Link>
    </div>
  );
}
