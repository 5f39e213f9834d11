import { Link } from '@/components/ui/link';

/** A number that is not (or not validly) on file. */
export default function FilingNotFound() {
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg border bg-card p-8 text-center">
      <h1 className="text-xl font-semibold">未查询到备案信息</h1>
      <p className="text-sm text-muted-foreground">请核对联网备案号（14位数字，可带“公网安备”前缀和“号”）后重试。</p>
      <Link href="/" className="text-sm text-primary hover:underline">
        返回首页
      </Link>
    </div>
  );
}
