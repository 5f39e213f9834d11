import Link from 'next/link';
import { Bell } from 'lucide-react';
import { getCurrentUser } from '@/lib/auth/session';
import { unreadCount } from '@/lib/notify/service';
import { PLATFORM_NAME, OFFICE_NAME, ROLE_NAV, ROLE_LABELS, navFor, navNeedsCounts } from '@/lib/site/config';
import { currentSubjectId, currentSubjectView, listMySubjects } from '@/lib/subjects/service';
import { SwitchSubjectDialog } from '@/components/subjects/switch-subject-dialog';
import { SignOutButton } from './sign-out-button';
import { countMyFilings } from '@/lib/filings/service';
import { NavMenu } from './nav-menu';
import { Emblem } from './emblem';

/** 当前主体 of an applicant for the header: its name, and whether there is anything to switch to. */
function applicantSubject(userId: number): { name: string | null; canSwitch: boolean } {
  // A subject that moved to another account (移交) is no longer current here.
  const name = currentSubjectView(userId)?.name ?? null;
  return { name, canSwitch: name != null || listMySubjects(userId).total > 0 };
}

/** The header's entries: 我的APP … only for the kinds the current subject has. */
function navOf(user: { id: number; role: keyof typeof ROLE_NAV }) {
  if (!navNeedsCounts(user.role)) return navFor(user.role, null);
  const subjectId = currentSubjectId(user.id);
  return navFor(user.role, subjectId ? countMyFilings(user.id, subjectId) : null);
}

export async function SiteHeader() {
  const user = await getCurrentUser();
  const unread = user ? unreadCount(user.id) : 0;
  const subject = user?.role === 'applicant' ? applicantSubject(user.id) : null;
  return (
    <header className="border-b bg-primary text-primary-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2">
          <Emblem className="size-9" />
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-semibold tracking-wide">{PLATFORM_NAME}</span>
            <span className="text-xs opacity-80">{OFFICE_NAME}</span>
          </span>
        </Link>
        <nav aria-label="主导航" className="order-last flex basis-full flex-wrap items-center gap-x-4 gap-y-1 text-sm whitespace-nowrap md:order-none md:flex-1 md:basis-auto">
          {user ? (
            navOf(user).map((item) =>
              'menu' in item ? (
                <NavMenu key={item.label} label={item.label} items={item.menu} />
              ) : (
                <Link key={item.href} href={item.href} className="hover:underline">
                  {item.label}
                </Link>
              ),
            )
          ) : (
            <Link href="/query" className="hover:underline">
              公共查询
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm whitespace-nowrap">
          {user ? (
            <>
              <Link href="/my/notifications" className="relative inline-flex items-center" aria-label={`系统通知，未读 ${unread} 条`}>
                <Bell className="size-5" aria-hidden />
                {unread > 0 && (
                  <span className="absolute -top-2 -right-2 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] leading-4 text-white" data-testid="unread-count">
                    {unread > 99 ? '99+' : unread}
                  </span>
                )}
              </Link>
              <span data-testid="current-user">
                {user.name}
                <span className="ml-1 hidden opacity-75 sm:inline">（{ROLE_LABELS[user.role]}）</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login" className="hover:underline">
                用户登录
              </Link>
              <Link href="/register" className="rounded-md bg-primary-foreground px-3 py-1 text-primary hover:bg-primary-foreground/90">
                注册
              </Link>
            </>
          )}
        </div>
      </div>
      {subject && (
        <div className="border-t border-primary-foreground/20">
          <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-1.5 text-sm sm:px-6">
            <span className="min-w-0 truncate" data-testid="current-subject" title={subject.name ?? undefined}>
              当前主体：{subject.name ?? '暂无'}
            </span>
            {subject.canSwitch ? (
              <SwitchSubjectDialog triggerClassName="shrink-0 rounded-md border border-primary-foreground/40 px-2 py-0.5 hover:bg-primary-foreground/10" />
            ) : (
              <Link href="/my/subject/new" className="shrink-0 rounded-md border border-primary-foreground/40 px-2 py-0.5 hover:bg-primary-foreground/10">
                申请主体
              </Link>
            )}
            {/* 关联旧账号 (SPEC §8.3): the old system's filings of that account become claimable. */}
            <Link href="/my/claims/link" className="ml-auto shrink-0 hover:underline">
              关联旧账号
            </Link>
          </div>
        </div>
      )}
    </header>
  );
}
