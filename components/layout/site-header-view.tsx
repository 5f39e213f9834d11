'use client';

import { Link } from '@/components/ui/link';
import { Bell } from '@/components/ui/icons';
import { PLATFORM_NAME, type NavEntry } from '@/lib/site/config';
import { SwitchSubjectDialog } from '@/components/subjects/switch-subject-dialog';
import { SignOutButton } from './sign-out-button';
import { NavMenu } from './nav-menu';
import { Emblem } from './emblem';

/** What the header shows; SiteHeader reads it on the server. */
export type SiteHeaderProps = {
  /** OFFICE_NAME comes from the server's environment, which the browser does not have. */
  officeName: string;
  user: { name: string; roleLabel: string; nav: NavEntry[]; unread: number } | null;
  /** 当前主体 of an applicant, and whether there is anything to switch to. */
  subject: { name: string | null; canSwitch: boolean } | null;
};

/**
 * The header's markup. A client component although little of it is interactive: every page
 * carries the header in its RSC data, and as a client component it goes there as these few
 * props instead of its whole element tree (issue 17: 3 KB less, and less to render, on every
 * signed-in page). The HTML is the same.
 */
export function SiteHeaderView({ officeName, user, subject }: SiteHeaderProps) {
  return (
    <header className="border-b bg-primary text-primary-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2">
          <Emblem className="size-9" />
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-semibold tracking-wide">{PLATFORM_NAME}</span>
            <span className="text-xs opacity-80">{officeName}</span>
          </span>
        </Link>
        <nav aria-label="主导航" className="order-last flex basis-full flex-wrap items-center gap-x-4 gap-y-1 text-sm whitespace-nowrap md:order-none md:flex-1 md:basis-auto">
          {user ? (
            user.nav.map((item) =>
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
              <Link href="/my/notifications" className="relative inline-flex items-center" aria-label={`系统通知，未读 ${user.unread} 条`}>
                <Bell className="size-5" aria-hidden />
                {user.unread > 0 && (
                  <span className="absolute -top-2 -right-2 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] leading-4 text-white" data-testid="unread-count">
                    {user.unread > 99 ? '99+' : user.unread}
                  </span>
                )}
              </Link>
              <span data-testid="current-user">
                {user.name}
                <span className="ml-1 hidden opacity-75 sm:inline">（{user.roleLabel}）</span>
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
