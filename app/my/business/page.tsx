import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

export const metadata: Metadata = { title: '业务办理' };

type Entry = { label: string; href: string };
type Group = { title: string; entries: Entry[] };

/** Seed 004 §5: the quick entries of each business line, in the seed's order. */
const GROUPS: Group[] = [
  {
    title: '开办主体',
    entries: [
      { label: '新增主体', href: '/my/subject/new' },
      { label: '变更主体', href: '/my/subject/change' },
      { label: '注销主体', href: '/my/subject/cancel' },
    ],
  },
  {
    title: '网站业务',
    entries: [
      { label: '新办网站申请', href: '/my/websites/new' },
      { label: '变更网站', href: '/my/websites' },
      { label: '注销网站', href: '/my/websites/cancel' },
    ],
  },
  {
    title: 'APP业务',
    entries: [
      { label: '新增APP', href: '/my/apps/new' },
      { label: '变更APP', href: '/my/apps' },
      { label: '注销APP', href: '/my/apps/cancel' },
    ],
  },
  {
    title: '小程序业务',
    entries: [
      { label: '新增小程序', href: '/my/mini-programs/new' },
      { label: '变更小程序', href: '/my/mini-programs' },
      { label: '注销小程序', href: '/my/mini-programs/cancel' },
    ],
  },
  {
    title: '服务商业务',
    entries: [
      { label: '新增服务商', href: '/my/providers/new' },
      { label: '变更服务商', href: '/my/providers' },
      { label: '注销服务商', href: '/my/providers/cancel' },
    ],
  },
  {
    title: '应用市场业务',
    entries: [
      { label: '新增应用市场', href: '/my/app-stores/new' },
      { label: '变更应用市场', href: '/my/app-stores' },
      { label: '注销应用市场', href: '/my/app-stores/cancel' },
    ],
  },
  {
    title: '安全评估',
    entries: [
      { label: '发起安全评估', href: '/my/assessments/new' },
      { label: '我的安全评估', href: '/my/assessments' },
    ],
  },
];

/** 业务办理 (SPEC §15.5, seed 004 §5): every business line's entries; without a valid subject only 新增主体. */
export default async function BusinessPage() {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const usable = !!subject && subject.status !== '已注销';

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">业务办理</h1>
        {subject && (
          <p className="text-sm break-all text-muted-foreground">
            当前主体：<span className="text-foreground">{subject.name}</span>
          </p>
        )}
      </div>
      {!usable && <Alert variant="info">您当前还无有效主体，请先申请主体。主体提交后即可办理网站、APP、小程序等业务。</Alert>}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {GROUPS.map((g) => (
          <Card key={g.title} role="region" aria-label={g.title} className="min-w-0">
            <CardHeader>
              <CardTitle>{g.title}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-wrap gap-2">
              {g.entries.map((e) =>
                usable || e.href === '/my/subject/new' ? (
                  <Button key={e.label} asChild size="sm" variant={e.href.endsWith('/new') ? 'default' : 'outline'}>
                    <Link href={e.href}>{e.label}</Link>
                  </Button>
                ) : (
                  <Button key={e.label} size="sm" variant="outline" disabled>
                    {e.label}
                  </Button>
                ),
              )}
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
