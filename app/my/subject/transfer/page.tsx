import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { openTransferOf } from '@/lib/subjects/service';
import { formatDateTime } from '@/lib/utils';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { currentSubjectView, pendingApplicationsOfSubject } from '@/lib/subjects/service';
import { TransferSubjectForm } from './transfer-form';
import { UndoTransferButton } from './undo-transfer-button';

export const metadata: Metadata = { title: '移交主体' };

function BackLink() {
  return (
    <Button asChild variant="outline">
      <Link href="/my/subject">返回我的主体</Link>
    </Button>
  );
}

export default async function TransferSubjectPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const offer = subject?.status === '移交中' ? openTransferOf(user.id, subject.id) : undefined;
  const pending = subject?.status === '有效' ? pendingApplicationsOfSubject(subject.id) : [];

  let body: React.ReactNode;
  if (!subject) {
    body = (
      <>
        <Alert variant="info">您还没有开办主体，无可移交的主体。</Alert>
        <BackLink />
      </>
    );
  } else if (offer) {
    body = (
      <>
        <Alert variant="info">主体“{subject.name}”正在移交中，等待接收人接收。接收人接收前，您可以撤销移交。</Alert>
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="text-muted-foreground">主体名称</dt>
          <dd className="break-all">{subject.name}</dd>
          <dt className="text-muted-foreground">创建时间</dt>
          <dd>{formatDateTime(offer.createdAt)}</dd>
          <dt className="text-muted-foreground">状态</dt>
          <dd>
            <Badge variant="warning">待接收</Badge>
          </dd>
        </dl>
        <div className="flex flex-wrap justify-end gap-3">
          <BackLink />
          <UndoTransferButton transferId={offer.id} />
        </div>
      </>
    );
  } else if (subject.status !== '有效') {
    body = (
      <>
        <Alert variant="info">
          当前主体“{subject.name}”的状态为“{subject.status}”，只有状态为“有效”的主体可以移交。
        </Alert>
        <BackLink />
      </>
    );
  } else if (pending.length > 0) {
    body = (
      <>
        <Alert variant="info">当前主体“{subject.name}”存在审核中的单据，暂不能移交。请待审核完成或撤销相关申请后再办理。</Alert>
        <div className="flex flex-wrap gap-3">
          <Button asChild variant="outline">
            <Link href="/my/applications">查看我的申请</Link>
          </Button>
          <BackLink />
        </div>
      </>
    );
  } else {
    body = (
      <>
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="text-muted-foreground">主体名称</dt>
          <dd className="break-all">{subject.name}</dd>
          <dt className="text-muted-foreground">主体状态</dt>
          <dd>
            <Badge variant="success">{subject.status}</Badge>
          </dd>
        </dl>
        <p className="text-sm text-muted-foreground">移交主体需填写负责人手机号码、接收人手机号、接收人身份证号和短信验证码进行身份验证。</p>
        <TransferSubjectForm subjectId={subject.id} phoneMasked={subject.principalPhoneMasked} />
      </>
    );
  }

  return (
    <div className="mx-auto w-full max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">移交主体</h1>
      <Card>
        <CardHeader>
          <CardTitle>{offer ? '移交中' : '身份验证'}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">{body}</CardContent>
      </Card>
    </div>
  );
}
