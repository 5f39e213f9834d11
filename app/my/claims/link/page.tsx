import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { CodeForm } from '@/components/claims/code-form';

export const metadata: Metadata = { title: '关联旧账号' };

/** 关联旧账号 (SPEC §8.3): an old 登录账号 + the SMS code to its phone on record → all its filings claimable. */
export default async function LinkOldAccountPage() {
  await requirePage('applicant.area');
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">关联旧账号</h1>
        <Link href="/my/claims" className="text-sm font-medium text-primary hover:underline">
          网站认领
        </Link>
      </div>
      <section aria-labelledby="link-form" className="space-y-3 rounded-lg border bg-card p-4 sm:p-5">
        <h2 id="link-form" className="font-semibold">
          原系统账号验证
        </h2>
        <p className="text-sm text-muted-foreground">输入原备案系统的登录账号，验证码将发送至该账号登记的手机。关联后，该账号下的全部备案均可在网站认领中认领。</p>
        <CodeForm field="account" hint="手机号码或证件号码" submitLabel="关联" />
      </section>
    </div>
  );
}
