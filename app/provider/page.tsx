import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/session';
import { LatestNotice } from '@/components/layout/latest-notice';

export const metadata: Metadata = { title: '服务商工作台' };

export default async function ProviderHome() {
  const user = await requirePage('provider.area');
  return (
    <div className="space-y-4">
      <LatestNotice />
      <h1 className="text-xl font-semibold">服务商工作台</h1>
      <p className="text-sm text-muted-foreground">{user.name}，您好。数据码签发功能将在此处提供。</p>
    </div>
  );
}
