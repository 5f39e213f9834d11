import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { claimableFor, myClaims } from '@/lib/claims/service';
import { CodeForm } from '@/components/claims/code-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/utils';

export const metadata: Metadata = { title: '网站认领' };

/** 网站认领 (SPEC §8.3): filings of the previous system this account may claim, claim by 旧备案号, my claims. */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<{ linked?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const linked = sp.linked && /^\d{1,4}$/.test(sp.linked) ? Number(sp.linked) : null;
  const rows = claimableFor(user.id);
  const { open, done } = myClaims(user.id);

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">网站认领</h1>
        <Link href="/my/claims/link" className="text-sm font-medium text-primary hover:underline">
          关联旧账号
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">原备案系统中的网站在此认领。认领申请经审核通过后，网站沿用原公安备案号。</p>
      {linked !== null && <Alert variant="success">已关联{linked}条备案</Alert>}

      <section aria-labelledby="claimable" className="space-y-3">
        <h2 id="claimable" className="border-l-4 border-primary pl-2 font-semibold">
          可认领的网站
        </h2>
        {rows.length === 0 ? (
          <p className="rounded-lg border bg-card p-6 text-center text-sm text-muted-foreground">
            暂无可认领的网站。可按旧备案号认领，或
            <Link href="/my/claims/link" className="text-primary underline underline-offset-2">
              关联旧账号
            </Link>
            。
          </p>
        ) : (
          <Table keyboardScroll>
            <TableHeader>
              <TableRow>
                <TableHead>旧备案号</TableHead>
                <TableHead>网站名称</TableHead>
                <TableHead>域名</TableHead>
                <TableHead>开办主体名称</TableHead>
                <TableHead>备案时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="claimable-row">
                  <TableCell className="whitespace-nowrap">{r.oldNumber}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell className="break-all">{r.domain}</TableCell>
                  <TableCell>{r.subjectName}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.filedOn}</TableCell>
                  <TableCell>
                    <Link href={`/my/websites/new?claim=${r.id}`} className="text-primary hover:underline" aria-label={`认领 ${r.name}`}>
                      认领
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="by-number" className="space-y-3 rounded-lg border bg-card p-4 sm:p-5">
        <h2 id="by-number" className="font-semibold">
          按旧备案号认领
        </h2>
        <p className="text-sm text-muted-foreground">验证码将发送至原备案登记的负责人手机，验证通过后该网站列入可认领的网站。</p>
        <CodeForm field="oldNumber" hint="14位数字，可带“公网安备”前缀和“号”" submitLabel="确认" />
      </section>

      <section aria-labelledby="my-claims" className="space-y-3">
        <h2 id="my-claims" className="border-l-4 border-primary pl-2 font-semibold">
          我的认领
        </h2>
        {open.length + done.length === 0 ? (
          <p className="text-sm text-muted-foreground">暂无认领记录</p>
        ) : (
          <Table keyboardScroll>
            <TableHeader>
              <TableRow>
                <TableHead>旧备案号</TableHead>
                <TableHead>网站名称</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {open.map((r) => (
                <TableRow key={`o${r.id}`} data-testid="my-claim-row">
                  <TableCell className="whitespace-nowrap">{r.oldNumber}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>
                    <Badge variant="secondary">认领中</Badge>
                  </TableCell>
                  <TableCell>
                    <Link href={`/my/applications/${r.applicationId}`} className="text-primary hover:underline">
                      申请 {r.applicationCode}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
              {done.map((r) => (
                <TableRow key={`d${r.id}`} data-testid="my-claim-row">
                  <TableCell className="whitespace-nowrap">{r.oldNumber}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>
                    <Badge variant="success">已认领</Badge>
                    {r.claimedAt ? <span className="ml-2 text-xs text-muted-foreground">{formatDateTime(r.claimedAt)}</span> : null}
                  </TableCell>
                  <TableCell>
                    <Link href={`/my/websites/${r.websiteId}`} className="text-primary hover:underline">
                      查看网站
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
