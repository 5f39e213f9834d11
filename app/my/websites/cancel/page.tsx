import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { latestCancelDrafts, listCancellableWebsites, toCancelDraft } from '@/lib/websites/cancel';
import { getDraft } from '@/lib/drafts/service';
import { AppError } from '@/lib/errors';
import { cancelDialogDrafts } from '@/lib/drafts/cancel-dialog';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CancelWebsiteDialog } from './cancel-website-dialog';

export const metadata: Metadata = { title: '注销网站' };

type SP = { name?: string; domain?: string; draft?: string };

const dash = <span className="text-muted-foreground">—</span>;

/** 注销网站 (SPEC §4.3, seed 004 §5.2.3): the current subject's 已备案 websites, each with 注销. */
export default async function CancelWebsitesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const name = typeof sp.name === 'string' ? sp.name.trim().slice(0, 100) : '';
  const domain = typeof sp.domain === 'string' ? sp.domain.trim().slice(0, 253) : '';
  const subject = currentSubjectView(user.id);
  const usable = subject?.status === '有效';
  const rows = subject && usable ? listCancellableWebsites(user.id, subject.id, { name, domain }) : [];

  // Each row's newest 注销网站 draft (asked about when its dialog opens); ?draft= from 我的草稿 opens that one.
  const saved = latestCancelDrafts(user.id);
  let restore: { websiteId: number; id: number; savedAt: number; data: ReturnType<typeof toCancelDraft> } | null = null;
  let draftNotice: string | null = null;
  const draftParam = typeof sp.draft === 'string' && /^\d{1,12}$/.test(sp.draft) ? Number(sp.draft) : null;
  if (draftParam) {
    try {
      const d = getDraft(user.id, draftParam);
      const row = rows.find((r) => r.id === d.websiteId);
      if (d.type !== '注销网站' || !d.websiteId) draftNotice = '该草稿不是注销网站的草稿';
      else if (!row) draftNotice = '该草稿对应的网站当前不能注销（可能不属于当前主体，或已不是已备案状态）';
      else if (row.pending) draftNotice = '该网站存在审核中的单据，暂不能使用草稿';
      else restore = { websiteId: d.websiteId, id: d.id, savedAt: d.savedAt, data: toCancelDraft(d.data) };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      draftNotice = e.message;
    }
  }
  const cancelDraft = cancelDialogDrafts(
    user.id,
    rows.map((r) => r.id),
    (websiteId) => (restore?.websiteId === websiteId ? restore : saved.get(websiteId)),
  );

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">注销网站</h1>
        <Button asChild variant="outline">
          <Link href="/my/websites">返回我的网站</Link>
        </Button>
      </div>

      {draftNotice && <Alert variant="info">{draftNotice}</Alert>}

      {!subject ? (
        <Alert variant="info">您还没有开办主体，暂无可注销的网站。</Alert>
      ) : !usable ? (
        <Alert variant="info">
          当前主体“{subject.name}”的状态为“{subject.status}”，只有状态为“有效”的主体可以办理注销网站。
        </Alert>
      ) : (
        <>
          <p className="text-sm break-all text-muted-foreground">
            当前主体：<span className="text-foreground">{subject.name}</span>。可对已备案的网站进行注销操作，注销须由主体负责人进行身份验证。
          </p>
          <form method="get" action="/my/websites/cancel" role="search" aria-label="查询网站" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
            <Field id="filter-name" label="网站名称" className="w-full sm:w-56">
              <Input id="filter-name" name="name" defaultValue={name} maxLength={100} />
            </Field>
            <Field id="filter-domain" label="域名" className="w-full sm:w-56">
              <Input id="filter-domain" name="domain" defaultValue={domain} maxLength={253} />
            </Field>
            <Button type="submit">查询</Button>
            <Button variant="outline" asChild>
              <Link href="/my/websites/cancel">清空</Link>
            </Button>
          </form>

          {rows.length === 0 ? (
            <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">{name || domain ? '没有符合条件的网站' : '暂无已备案的网站'}</p>
          ) : (
            <div className="min-w-0 rounded-lg border bg-card">
              <Table aria-label="可注销的网站">
                <TableHeader>
                  <TableRow>
                    <TableHead className="w-16">序号</TableHead>
                    <TableHead>网站名称</TableHead>
                    <TableHead>域名</TableHead>
                    <TableHead>备案时间</TableHead>
                    <TableHead>工信部备案号</TableHead>
                    <TableHead>公安备案号</TableHead>
                    <TableHead>操作</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((w, i) => (
                    <TableRow key={w.id} data-testid="cancel-website-row">
                      <TableCell>{i + 1}</TableCell>
                      <TableCell className="max-w-60 truncate" title={w.name}>
                        {w.name}
                      </TableCell>
                      <TableCell>
                        {w.domains.length ? w.domains.map((d) => <div key={d} className="whitespace-nowrap">{d}</div>) : dash}
                      </TableCell>
                      <TableCell>{w.filedAt ? formatDateTime(w.filedAt) : dash}</TableCell>
                      <TableCell>{w.icpNumber || dash}</TableCell>
                      <TableCell>{w.filingNumber ?? dash}</TableCell>
                      <TableCell>
                        {w.pending ? (
                          <span className="text-sm text-muted-foreground">存在审核中的单据</span>
                        ) : (
                          <CancelWebsiteDialog
                            website={{ id: w.id, name: w.name, domains: w.domains }}
                            phoneMasked={subject.principalPhoneMasked}
                            draft={cancelDraft(w.id)}
                            restoreDraft={restore?.websiteId === w.id}
                          />
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
