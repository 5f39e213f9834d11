import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { listMyWebsites } from '@/lib/websites/service';
import { Button } from '@/components/ui/button';
import { WebsiteList } from '@/components/websites/website-list';

export const metadata: Metadata = { title: '我的网站' };

/** 我的网站 (SPEC §4.4): the current subject's websites with their status and 详情. */
export default async function MyWebsitesPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const rows = subject ? listMyWebsites(user.id, subject.id) : [];

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">我的网站</h1>
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href="/my/websites/new">新办网站申请</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/my/websites/cancel">注销网站</Link>
          </Button>
        </div>
      </div>
      {subject && (
        <p className="text-sm break-all text-muted-foreground">
          当前主体：<span className="text-foreground">{subject.name}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <div className="space-y-3 rounded-lg border bg-card p-8 text-center">
          <p className="text-muted-foreground">暂无网站</p>
          <Link href="/my/websites/new" className="text-sm font-medium text-primary hover:underline">
            新办网站申请
          </Link>
        </div>
      ) : (
        <WebsiteList
          rows={rows}
          actions={(w) =>
            w.status === '已备案' ? (
              <Link href={`/my/websites/${w.id}/change`} className="text-primary hover:underline">
                变更
              </Link>
            ) : null
          }
        />
      )}
    </div>
  );
}
