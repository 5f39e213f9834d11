import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView, openTransferOf } from '@/lib/subjects/service';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { heldBackSubjectApplication } from '@/lib/applications/service';
import { SubjectDetails, SubjectSummary } from '@/components/subjects/subject-details';

export const metadata: Metadata = { title: '我的主体' };


export default async function MySubjectPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);

  if (!subject) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">我的主体</h1>
        <div className="space-y-4 rounded-lg border bg-card p-8 text-center">
          <p className="text-muted-foreground">您当前还无有效主体，请先申请主体。</p>
          <div className="flex flex-wrap justify-center gap-3">
            <Button asChild>
              <Link href="/my/subject/new">申请主体</Link>
            </Button>
            <Button variant="outline" asChild>
              <Link href="/my/subject/receive">接收主体</Link>
            </Button>
          </div>
        </div>
      </div>
    );
  }

  const active = subject.status === '有效';
  const heldBack = subject.status === '待审核' ? heldBackSubjectApplication(user.id, subject.id) : null;
  const transfer = subject.status === '移交中' ? openTransferOf(user.id, subject.id) : null;
  const actions: { href: string; label: string; primary?: boolean }[] = [
    ...(active ? [{ href: '/my/subject/change', label: '发起变更', primary: true }, { href: '/my/subject/cancel', label: '注销' }] : []),
    ...(active || subject.status === '移交中' ? [{ href: '/my/subject/transfer', label: '移交主体' }] : []),
    { href: '/my/subject/receive', label: '接收主体' },
    { href: '/my/subject/new', label: '新增主体' },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">我的主体</h1>
        <StatusBadge status={subject.status} className="text-sm" />
      </div>

      {heldBack && (
        <Alert variant="info">
          您的主体信息已提交，请继续办理新办网站申请，主体将与网站一并审核。
          <Link href={`/my/applications/${heldBack.id}`} className="ml-1 font-medium text-primary underline">
            查看申请
          </Link>
        </Alert>
      )}
      {transfer && (
        <Alert variant="info">
          该主体正在移交中（{formatDateTime(transfer.createdAt)} 发起），对方接收前可在“移交主体”中撤销移交。
        </Alert>
      )}
      {subject.status === '已退回' && (
        <Alert variant="destructive">
          该主体的申请已退回，请在
          <Link href="/my/applications?type=新增主体" className="mx-1 font-medium underline">
            我的申请
          </Link>
          中查看退回原因，修改后重新提交。
        </Alert>
      )}
      {(subject.status === '变更中' || subject.status === '注销中') && (
        <Alert variant="info">该主体的{subject.status === '变更中' ? '变更' : '注销'}申请正在审核中，审核结束前不能办理其他主体业务。</Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{subject.name}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-3">
            <div className="grid grid-cols-[5rem_1fr] gap-3">
              <dt className="text-muted-foreground">主体状态</dt>
              <dd>
                <StatusBadge status={subject.status} />
              </dd>
            </div>
            <div className="grid grid-cols-[5rem_1fr] gap-3">
              <dt className="text-muted-foreground">审核单位</dt>
              <dd className="min-w-0 break-all">{subject.unitName ?? '—'}</dd>
            </div>
            <div className="grid grid-cols-[5rem_1fr] gap-3">
              <dt className="text-muted-foreground">创建时间</dt>
              <dd>{formatDateTime(subject.createdAt)}</dd>
            </div>
          </dl>
          <nav aria-label="主体业务" className="flex flex-wrap gap-2 border-t pt-4">
            {actions.map((a) => (
              <Button key={a.href} variant={a.primary ? 'default' : 'outline'} size="sm" asChild>
                <Link href={a.href}>{a.label}</Link>
              </Button>
            ))}
          </nav>
        </CardContent>
      </Card>

      <Card>
        <CardContent>{subject.data ? <SubjectDetails data={subject.data} /> : <SubjectSummary subject={subject} />}</CardContent>
      </Card>
    </div>
  );
}
