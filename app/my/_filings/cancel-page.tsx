import { Link } from '@/components/ui/link';
import type { FilingKind } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { latestFilingCancelDrafts, listCancellableFilings } from '@/lib/filings/cancel';
import { toCancelDraft } from '@/lib/websites/cancel';
import { getDraft } from '@/lib/drafts/service';
import { isAppError } from '@/lib/errors';
import { cancelDialogDrafts } from '@/lib/drafts/cancel-dialog';
import { idParam } from './blocked';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CancelFilingDialog } from '@/components/filings/cancel-filing-dialog';

const dash = <span className="text-muted-foreground">—</span>;

/** 注销APP / 注销小程序: the current subject's 已备案 objects of the kind, each with 注销. */
export async function CancelFilingsPage({ kind, searchParams }: { kind: FilingKind; searchParams: Promise<{ name?: string; ident?: string; draft?: string }> }) {
  const user = await requirePage('applicant.area');
  const sp = await searchParams;
  const spec = kindSpec(kind);
  const base = kindObject(kind).routeBase;
  const name = typeof sp.name === 'string' ? sp.name.trim().slice(0, 100) : '';
  const ident = typeof sp.ident === 'string' ? sp.ident.trim().slice(0, 255) : '';
  const subject = currentSubjectView(user.id);
  const usable = subject?.status === '有效';
  const rows = subject && usable ? listCancellableFilings(user.id, subject.id, kind, { name, ident }) : [];

  // Each row's newest draft (asked about when its dialog opens); ?draft= from 我的草稿 opens that one.
  const saved = latestFilingCancelDrafts(user.id, kind);
  let restore: { filingId: number; id: number; savedAt: number; data: ReturnType<typeof toCancelDraft> } | null = null;
  let draftNotice: string | null = null;
  const draftParam = idParam(sp.draft);
  if (draftParam) {
    try {
      const d = getDraft(user.id, draftParam);
      const row = rows.find((r) => r.id === d.filingId);
      if (d.type !== spec.types.cancel || !d.filingId) draftNotice = `该草稿不是${spec.types.cancel}的草稿`;
      else if (!row) draftNotice = `该草稿对应的${spec.label}当前不能注销（可能不属于当前主体，或已不是已备案状态）`;
      else if (row.pending) draftNotice = `该${spec.label}存在审核中的单据，暂不能使用草稿`;
      else restore = { filingId: d.filingId, id: d.id, savedAt: d.savedAt, data: toCancelDraft(d.data) };
    } catch (e) {
      if (!isAppError(e)) throw e;
      draftNotice = e.message;
    }
  }
  const cancelDraft = cancelDialogDrafts(
    user.id,
    rows.map((r) => r.id),
    (filingId) => (restore?.filingId === filingId ? restore : saved.get(filingId)),
  );

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{spec.types.cancel}</h1>
        <Button asChild variant="outline">
          <Link href={base}>返回我的{spec.label}</Link>
        </Button>
      </div>
      {draftNotice && <Alert variant="info">{draftNotice}</Alert>}

      {!subject ? (
        <Alert variant="info">您还没有开办主体，暂无可注销的{spec.label}。</Alert>
      ) : !usable ? (
        <Alert variant="info">
          当前主体“{subject.name}”的状态为“{subject.status}”，只有状态为“有效”的主体可以办理{spec.types.cancel}。
        </Alert>
      ) : (
        <>
          <p className="text-sm break-all text-muted-foreground">
            当前主体：<span className="text-foreground">{subject.name}</span>。可对已备案的{spec.label}进行注销操作，注销须由主体负责人进行身份验证。
          </p>
          <form method="get" action={`${base}/cancel`} role="search" aria-label={`查询${spec.label}`} className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
            <Field id="filter-name" label={`${spec.label}名称`} className="w-full sm:w-56">
              <Input id="filter-name" name="name" defaultValue={name} maxLength={100} />
            </Field>
            <Field id="filter-ident" label={spec.identLabel} className="w-full sm:w-56">
              <Input id="filter-ident" name="ident" defaultValue={ident} maxLength={255} />
            </Field>
            <Button type="submit">查询</Button>
            <Button variant="outline" asChild>
              <Link href={`${base}/cancel`}>清空</Link>
            </Button>
          </form>
          {rows.length === 0 ? (
            <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">{name || ident ? `没有符合条件的${spec.label}` : `暂无已备案的${spec.label}`}</p>
          ) : (
            <div className="min-w-0 rounded-lg border bg-card">
              <Table aria-label={`可注销的${spec.label}`}>
                <TableHeader>
                  <TableRow>
                    <TableHead className="w-16">序号</TableHead>
                    <TableHead>{spec.label}名称</TableHead>
                    <TableHead>{spec.platformLabel}</TableHead>
                    <TableHead>{spec.identLabel}</TableHead>
                    <TableHead>备案时间</TableHead>
                    <TableHead>公安备案号</TableHead>
                    <TableHead>操作</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((f, i) => (
                    <TableRow key={f.id} data-testid="cancel-filing-row">
                      <TableCell>{i + 1}</TableCell>
                      <TableCell className="max-w-60 truncate" title={f.name}>
                        {f.name}
                      </TableCell>
                      <TableCell>{f.platforms || dash}</TableCell>
                      <TableCell className="max-w-60 break-all">{f.idents || dash}</TableCell>
                      <TableCell>{f.filedAt ? formatDateTime(f.filedAt) : dash}</TableCell>
                      <TableCell>{f.filingNumber ?? dash}</TableCell>
                      <TableCell>
                        {f.pending ? (
                          <span className="text-sm text-muted-foreground">存在审核中的单据</span>
                        ) : (
                          <CancelFilingDialog
                            kind={kind}
                            label={spec.label}
                            target={{ id: f.id, name: f.name, idents: `${spec.identLabel}：${f.idents}` }}
                            phoneMasked={subject.principalPhoneMasked}
                            draft={cancelDraft(f.id)}
                            restoreDraft={restore?.filingId === f.id}
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
