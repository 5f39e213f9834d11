import Link from 'next/link';
import { Search, LogIn, UserPlus } from 'lucide-react';
import { OFFICE_NAME } from '@/lib/site/config';

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section className="rounded-xl border bg-card px-6 py-10 text-center shadow-sm sm:px-10">
        <h1 className="text-2xl font-semibold sm:text-3xl">互联网站公安联网备案</h1>
        <p className="mx-auto mt-3 max-w-2xl text-muted-foreground">
          网站开通之日起30日内，网站开办者应当通过本平台向{OFFICE_NAME}办理公安联网备案手续。备案信息可通过公共查询核实。
        </p>
        <div className="mt-8 grid gap-4 sm:grid-cols-3">
          <Link href="/query" className="group flex flex-col items-center gap-2 rounded-lg border p-6 hover:border-primary hover:bg-accent">
            <Search className="size-8 text-primary" aria-hidden />
            <span className="text-base font-medium">公共查询</span>
            <span className="text-sm text-muted-foreground">按网站名称、域名或联网备案号查询</span>
          </Link>
          <Link href="/login" className="group flex flex-col items-center gap-2 rounded-lg border p-6 hover:border-primary hover:bg-accent">
            <LogIn className="size-8 text-primary" aria-hidden />
            <span className="text-base font-medium">用户登录</span>
            <span className="text-sm text-muted-foreground">办理主体、网站备案业务</span>
          </Link>
          <Link href="/register" className="group flex flex-col items-center gap-2 rounded-lg border p-6 hover:border-primary hover:bg-accent">
            <UserPlus className="size-8 text-primary" aria-hidden />
            <span className="text-base font-medium">注册</span>
            <span className="text-sm text-muted-foreground">首次办理请先注册账号</span>
          </Link>
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {[
          ['1', '注册并登录', '使用真实身份信息注册，完成手机验证与邮箱验证。'],
          ['2', '填报主体与网站', '新增开办主体并提交新办网站申请，主体与网站一并审核。'],
          ['3', '取得联网备案号', '审核通过后下载备案编号图标，并将备案号放置在网站底部。'],
        ].map(([n, t, d]) => (
          <div key={n} className="rounded-lg border bg-card p-5">
            <p className="text-sm font-medium text-primary">第{n}步</p>
            <h2 className="mt-1 font-semibold">{t}</h2>
            <p className="mt-2 text-sm text-muted-foreground">{d}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
