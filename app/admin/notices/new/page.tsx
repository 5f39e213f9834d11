import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { NoticeForm } from '../notice-form';

export const metadata: Metadata = { title: '新建公告' };

export default async function NewNoticePage() {
  await requirePage('notices.manage');
  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted-foreground">
        <Link href="/admin" className="hover:underline">
          管理后台
        </Link>
        {' / '}
        <Link href="/admin/notices" className="hover:underline">
          公告管理
        </Link>
        {' / '}新建公告
      </nav>
      <h1 className="text-xl font-semibold">新建公告</h1>
      <NoticeForm />
    </div>
  );
}
