import { Link } from '@/components/ui/link';

/** An unknown notice, or one that has been withdrawn (取消发布). */
export default function NoticeNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-xl font-semibold">公告不存在或已撤下</h1>
      <p className="text-muted-foreground">您访问的公告不存在，或已被取消发布。</p>
      <Link href="/notices" className="text-primary hover:underline">
        查看全部公告
      </Link>
    </div>
  );
}
