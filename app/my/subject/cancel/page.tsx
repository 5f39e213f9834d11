import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView, pendingApplicationsOfSubject } from '@/lib/subjects/service';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CancelSubjectForm } from './cancel-form';

export const metadata: Metadata = { title: '注销主体' };

export default async function CancelSubjectPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const pending = subject?.status === '有效' ? pendingApplicationsOfSubject(subject.id) : [];

  return (
    <div className="mx-auto w-full max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">注销主体</h1>
      <Card>
        <CardHeader>
          <CardTitle>身份验证</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          {!subject ? (
            <>
              <Alert variant="info">您还没有开办主体，无需注销。</Alert>
              <Button asChild variant="outline">
                <Link href="/my/subject">返回我的主体</Link>
              </Button>
            </>
          ) : subject.status !== '有效' ? (
            <>
              <Alert variant="info">
                当前主体“{subject.name}”的状态为“{subject.status}”，只有状态为“有效”的主体可以注销。
              </Alert>
              <Button asChild variant="outline">
                <Link href="/my/subject">返回我的主体</Link>
              </Button>
            </>
          ) : pending.length > 0 ? (
            <>
              <Alert variant="info">当前主体“{subject.name}”存在审核中的单据，暂不能注销。请待审核完成或撤销相关申请后再办理。</Alert>
              <div className="flex flex-wrap gap-3">
                <Button asChild variant="outline">
                  <Link href="/my/applications">查看我的申请</Link>
                </Button>
                <Button asChild variant="outline">
                  <Link href="/my/subject">返回我的主体</Link>
                </Button>
              </div>
            </>
          ) : (
            <>
              <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
                <dt className="text-muted-foreground">主体名称</dt>
                <dd className="break-all">{subject.name}</dd>
                <dt className="text-muted-foreground">主体状态</dt>
                <dd>
                  <Badge variant="success">{subject.status}</Badge>
                </dd>
              </dl>
              <p className="text-sm text-muted-foreground">注销主体需填写负责人信息进行身份验证，短信验证码将发送至主体负责人手机。</p>
              <CancelSubjectForm subjectId={subject.id} subjectName={subject.name} phoneMasked={subject.principalPhoneMasked} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
