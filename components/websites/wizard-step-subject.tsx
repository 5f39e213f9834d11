import { Link } from '@/components/ui/link';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/applications/status-badge';
import { InfoList } from './wizard-controls';
import type { WizardSubjectView } from '@/lib/websites/form-values';

/** 01 开办主体: the current subject, read-only. */
export function WizardStepSubject({ subject, headingId, object = '网站' }: { subject: WizardSubjectView; headingId: string; object?: string }) {
  const nature = subject.nature === '单位' && subject.unitType ? `单位（${subject.unitType}）` : subject.nature;
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
          开办主体
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <InfoList
          rows={[
            ['主体名称', subject.name],
            ['开办主体性质', nature],
            ['审核状态', <StatusBadge key="status" status={subject.status} />],
            ['审核单位', subject.unitName ?? ''],
          ]}
        />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
          <p>开办主体信息如需修改，请通过变更主体办理</p>
          {subject.status === '有效' && (
            <Link href="/my/subject/change" className="font-medium text-primary underline underline-offset-4">
              前往变更主体
            </Link>
          )}
        </div>
        {subject.status === '待审核' && (
          <Alert variant="info" role="status">
            主体将与本{object}一并审核
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
