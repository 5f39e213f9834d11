import type { Metadata } from 'next';
import Link from 'next/link';
import { eq } from 'drizzle-orm';
import { requirePage } from '@/lib/auth/session';
import { canDecide } from '@/lib/auth/policy';
import { getDb } from '@/db/client';
import { policeUnits } from '@/db/schema';
import { Alert } from '@/components/ui/alert';
import { LatestNotice } from '@/components/layout/latest-notice';

export const metadata: Metadata = { title: '审核工作台' };

export default async function ReviewHome() {
  const user = await requirePage('review.area');
  const unit = user.unitId ? getDb().select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, user.unitId)).get() : null;
  return (
    <div className="space-y-4">
      <LatestNotice />
      <div>
        <h1 className="text-xl font-semibold">审核工作台</h1>
        <p className="text-sm text-muted-foreground">审核单位：{unit?.name ?? (user.role === 'admin' ? '全部单位' : '未分配')}</p>
      </div>
      {!canDecide(user) && (
        <Alert variant="info">
          审核人员须完成手机验证后方可审核。请前往
          <Link href="/my/account" className="mx-1 font-medium underline">
            个人中心
          </Link>
          完成手机验证。
        </Alert>
      )}
      <div className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无待审核申请</div>
    </div>
  );
}
