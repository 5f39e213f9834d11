import type { Metadata } from 'next';
import { kindOfType } from '@/lib/filings/kinds';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Check, X } from 'lucide-react';
import { requirePage, type CurrentUser } from '@/lib/auth/session';
import { fileKindsOf } from '@/lib/files/service';
import { websiteFileIds } from '@/lib/websites/file-ids';
import { canCheckPlacement, canDecide } from '@/lib/auth/policy';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/utils';
import { getReviewApplication, COMMON_RETURN_REASONS } from '@/lib/review/service';
import { OPEN_STATUSES } from '@/lib/review/due';
import { applicationFiles, formatDate, websiteNamingHints, type AttachedFile } from '@/lib/review/view';
import { namingSubjectOf } from '@/lib/subjects/rules';
import { declaredNationalLevel } from '@/lib/subjects/national-level';
import { NationalLevelNotice } from './national-level';
import { latestLiveness } from '@/lib/websites/liveness';
import { latestFilingLiveness } from '@/lib/filings/liveness';
import { PLACEMENT_STATUSES } from '@/lib/websites/placement';
import { getAssessmentForReview } from '@/lib/assessments/service';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';
import { isFilingTarget } from '@/lib/assessments/schemas';
import { handlerOf } from '@/lib/applications/handlers';
import { payloadOf } from '@/lib/applications/types';
import { applicationContent, assessmentComments } from '@/components/applications/application-content';
import { StatusBadge } from '@/components/applications/status-badge';
import { AssessmentDetails } from '@/components/assessments/assessment-details';
import { PlacementCheckCard } from '@/components/websites/placement-check-card';
import { Alert } from '@/components/ui/alert';
import { VerifyPhoneAlert } from '@/components/review/verify-phone-alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { msToBeijingLocal } from '@/lib/review/schemas';
import { Attachments } from './attachments';
import { DecisionPanel } from './decision-panel';
import { RecheckButton } from '@/components/forms/recheck-button';
import { recheckLivenessAction, reviewCheckPlacementAction } from '@/lib/review/actions';
import { ReleaseButton } from './release-button';
import { ClaimOnOpen } from './claim-on-open';
import { ScheduleInterviewForm } from './schedule-interview-form';
import { RevealPii } from './reveal-pii';
import { ReviewNoteForm } from './review-note-form';
import { TransferDialog } from './transfer-dialog';
import { PoliceCancelDialog } from './police-cancel-dialog';
import { applicationRecord } from '@/lib/review/notes';
import { policeCancelOffer, type PoliceCancelTarget } from '@/lib/review/police-cancel';
import { can } from '@/lib/auth/policy';
import { unitName, unitOptions } from '@/lib/units/service';
import { subjectDisplayValue } from '@/lib/subjects/display';

export const metadata: Metadata = { title: '申请审核' };

type View = ReturnType<typeof getReviewApplication>;

/** Another unit's application, a held-back one or a missing one: all the same 404. */
function load(user: CurrentUser, id: number): View {
  try {
    return getReviewApplication(user, id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

const isOpen = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);

/** The assessment of a 安全评估 application (the page already checked the actor may review it). */
function loadAssessment(user: CurrentUser, applicationId: number) {
  try {
    return getAssessmentForReview(user, applicationId);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}

/** 安全评估: its PDFs, captioned by what they are, for the inline 附件材料. */
function assessmentAttachments(a: NonNullable<ReturnType<typeof loadAssessment>>): AttachedFile[] {
  const out: AttachedFile[] = [];
  const add = (f: { id: number; kind: 'image' | 'pdf'; name: string } | null, label: string) => f && out.push({ id: f.id, kind: f.kind, name: f.name, label });
  add(a.files.sealedReport, ASSESSMENT_FIELD_LABELS.sealedReport);
  add(a.files.thirdPartyReport, ASSESSMENT_FIELD_LABELS.thirdPartyReport);
  return out;
}

function InfoList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
      {rows.map(([k, v]) => (
        <div key={k} className="grid grid-cols-[6rem_1fr] gap-3">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

/** 网站关闭状态检测 of a 注销网站, or the 网址 of a 注销应用市场. */
function LivenessSection({ target, canRecheck, applicationId }: { target: { websiteId: number } | { filingId: number }; canRecheck: boolean; applicationId: number }) {
  const check = 'websiteId' in target ? latestLiveness(target.websiteId) : latestFilingLiveness(target.filingId);
  const probe = (p: { ok: boolean; status?: number; error?: string }) =>
    p.ok ? (
      <span className="font-medium text-destructive">可访问{p.status ? `（${p.status}）` : ''}</span>
    ) : (
      <span className="text-success">无响应{p.error ? `（${p.error}）` : ''}</span>
    );
  return (
    <Section title="网站关闭状态检测" testId="liveness">
      <div className="space-y-3 text-sm">
        <Alert variant="info">网站注销必须保证网站已经处于关闭状态</Alert>
        {!check ? (
          <Empty>尚未检测。</Empty>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-muted-foreground">检测结论</span>
              {check.ok ? (
                <Badge variant="success" data-testid="liveness-result">
                  网站已关闭
                </Badge>
              ) : (
                <Badge variant="destructive" data-testid="liveness-result">
                  {check.results.length && !check.error ? '网站仍可访问' : '未能确认已关闭'}
                </Badge>
              )}
              <span className="text-muted-foreground">检测时间</span>
              <span>{formatDateTime(check.checkedAt)}</span>
            </div>
            {check.error && <Alert variant="destructive">{check.error}</Alert>}
            {check.results.length > 0 && (
              <Table aria-label="各域名检测结果">
                <TableHeader>
                  <TableRow>
                    <TableHead>域名</TableHead>
                    <TableHead>HTTP</TableHead>
                    <TableHead>HTTPS</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {check.results.map((r) => (
                    <TableRow key={r.host} data-alive={r.alive ? 'true' : 'false'}>
                      <TableCell className="font-mono">{r.host}</TableCell>
                      <TableCell>{probe(r.http)}</TableCell>
                      <TableCell>{probe(r.https)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
        {canRecheck && <RecheckButton id={applicationId} action={recheckLivenessAction} label="重新检测" refreshOnError />}
      </div>
    </Section>
  );
}

function NamingSection({ view }: { view: View }) {
  const hints = websiteNamingHints(view.app.payload, view.subject ? namingSubjectOf(view.subject) : null);
  if (!hints) return null;
  const failed = hints.filter((h) => !h.ok).length;
  return (
    <Section title="网站名称规范检查" testId="naming-hints">
      <p className="mb-3 text-sm text-muted-foreground">
        {failed ? `有 ${failed} 项需要核实，请对照填写注意事项审核。` : '网站名称和域名符合全部命名规范。'}
      </p>
      <ul className="space-y-2 text-sm">
        {hints.map((h) => (
          <li key={h.id} className="flex gap-2" data-testid="naming-hint" data-ok={h.ok ? 'true' : 'false'}>
            {h.ok ? <Check className="mt-0.5 size-4 shrink-0 text-success" aria-hidden /> : <X className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />}
            <span className="sr-only">{h.ok ? '符合：' : '不符合：'}</span>
            <span className="min-w-0">
              <span className={h.ok ? undefined : 'font-medium text-destructive'}>{h.title}</span>
              {h.message && <span className="block text-destructive">{h.message}</span>}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * 开办主体信息 of a business application: who runs the object, at a glance (PII masked; 查看完整信息
 * shows the numbers).
 */
function SubjectSection({ subject }: { subject: NonNullable<View['subject']> }) {
  const d = subject.data;
  const org = subject.nature === '单位';
  const unit = subject.unitId ? unitName(subject.unitId) : null;
  const address = org
    ? [subjectDisplayValue('officeRegion', d.officeRegion), d.officeAddress].filter(Boolean).join('')
    : [subjectDisplayValue('principalRegion', d.principalRegion), d.principalAddress].filter(Boolean).join('');
  const rows: [string, ReactNode][] = [
    ['主体名称', subject.name],
    ['开办主体性质', org ? `单位${subject.unitType ? `（${subject.unitType}）` : ''}` : '个人'],
    ['证件类型', (org ? subject.certType : subject.principalIdType) ?? '—'],
    ['证件号码', <span key="cert" className="font-mono">{(org ? subject.certNumberMasked : subject.principalIdMasked) ?? '—'}</span>],
    ['负责人', `${subject.principalName}（${subject.principalPhoneMasked}）`],
    [org ? '单位办公地址' : '常住地址', address || '—'],
    ['审核单位', unit ?? '—'],
    ['主体状态', <StatusBadge key="status" status={subject.status} />],
  ];
  return (
    <Section title="开办主体信息" testId="subject-info">
      <InfoList rows={rows} />
    </Section>
  );
}

/** 办理记录: the application's audited steps and the unit's 审核备注, with the form to add one. */
function RecordSection({ user, applicationId }: { user: CurrentUser; applicationId: number }) {
  const entries = applicationRecord(user, applicationId);
  return (
    <Section title="办理记录与审核备注" testId="record">
      <div className="space-y-4">
        {entries.length === 0 ? (
          <Empty>暂无办理记录。</Empty>
        ) : (
          <ol className="space-y-2 text-sm">
            {entries.map((e) => (
              <li key={e.key} className={e.note ? 'rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2' : 'px-3'} data-testid={e.note ? 'review-note' : 'record-entry'}>
                <div className="flex flex-wrap gap-x-3 text-muted-foreground">
                  <span>{formatDateTime(e.at)}</span>
                  <span>{e.actor ?? '系统'}</span>
                  <span className="font-medium text-foreground">{e.what}</span>
                </div>
                {e.detail && <p className="whitespace-pre-wrap break-all">{e.detail}</p>}
              </li>
            ))}
          </ol>
        )}
        <div className="border-t pt-4">
          <ReviewNoteForm applicationId={applicationId} />
        </div>
      </div>
    </Section>
  );
}

export default async function ReviewApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('review.area');
  const { id: rawId } = await params;
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) notFound();
  const id = Number(rawId);
  const view = load(user, id);
  const { app } = view;
  const now = Date.now();
  const decider = canDecide(user);
  const mine = view.handler?.id === user.id;
  const heldByOther = !!view.handler && !mine;
  const claimable = view.status === '待审核' || view.status === '审核中';
  const decided = view.status === '通过' || view.status === '退回' || view.status === '已撤销';

  const pendingSubject = view.pendingSubject;
  const nationalLevel = declaredNationalLevel(app.type, app.payload);
  const assessmentPassed = view.assessment?.status === '通过';
  const pendingInterview = view.status === '待面审' && view.interview && !view.interview.outcome ? view.interview : null;

  // The page is open to decide unless somebody else holds it: it is claimed once shown (ClaimOnOpen),
  // and deciding takes the claim anyway. One waiting for its 新增主体 is not claimed (only 退回).
  const mode: 'decision' | 'interview' | null = !decider ? null : claimable && !heldByOther ? 'decision' : pendingInterview ? 'interview' : null;
  const claimOnOpen = decider && claimable && !heldByOther && !pendingSubject;
  let approveBlocked: string | null = null;
  if (view.approvalBlock) approveBlocked = view.approvalBlock;
  // Worded apart from the 安全评估 card's “需先通过安全评估” so each text is on the page once.
  else if (view.interactive) approveBlocked = assessmentPassed ? `交互式${kindOfType(app.type) ?? '网站'}须经面审或实地检查后备案，请在“安全评估与面审”中安排。` : '安全评估通过前只能退回。';
  const canApprove = (mode === 'interview' && !view.approvalBlock) || (mode === 'decision' && !approveBlocked);

  // 备案号放置检查 (SPEC §10.3) of a website that is filed (a change pending included).
  const filedSite =
    view.website?.filingNumber && view.website.filedAt != null && (PLACEMENT_STATUSES as readonly string[]).includes(view.website.status) ? view.website : null;
  const canCheckSite =
    !!filedSite && !!view.subject && canCheckPlacement(user, { ownerId: view.subject.ownerId, unitIds: [view.subject.unitId, filedSite.filingUnitId] });

  const handler = handlerOf(app.type);
  const assessment = handler.object === 'assessment' ? loadAssessment(user, app.id) : null;
  // The fields a reviewer may comment on: those the applicant's page shows for this application.
  const { node, leftover, fields } = assessment
    ? { node: <AssessmentDetails data={assessment} comments={app.fieldComments ?? {}} inlineFiles />, ...assessmentComments(app.fieldComments) }
    : applicationContent(app, fileKindsOf(websiteFileIds('website' in app.payload ? app.payload.website : null)));
  const files = assessment ? assessmentAttachments(assessment) : applicationFiles(app.payload);
  const payload = app.payload;
  const subjectName = view.subject?.name ?? ('name' in payload && typeof payload.name === 'string' ? payload.name : null);
  const websiteName =
    view.website?.name ?? handler.describe.queueColumns(payloadOf(app)).name ?? ('websiteName' in payload && typeof payload.websiteName === 'string' ? payload.websiteName : null);

  // 注销备案 by the police of the object this application is about, once it is filed.
  const cancelTarget: PoliceCancelTarget | null = app.websiteId ? { object: 'website', id: app.websiteId } : app.filingId ? { object: 'filing', id: app.filingId } : null;
  const cancelOffer = cancelTarget ? policeCancelOffer(user, cancelTarget) : null;
  // 转办 (admin) of an application still waiting in a queue (not once a 面审 is arranged).
  const transferable = can(user, 'review.transfer') && (view.status === '待审核' || view.status === '审核中');
  const units = transferable ? unitOptions() : [];
  const showSubject = !!view.subject && app.type !== '新增主体' && app.type !== '变更主体';

  const info: [string, ReactNode][] = [
    ['申请编号', <span key="code" className="font-mono" data-testid="application-code">{app.code}</span>],
    ['业务类型', app.type],
    ['状态', <StatusBadge key="status" status={view.status} />],
    ['申请时间', formatDateTime(app.submittedAt)],
    [
      '办理时限',
      <span key="due" className="inline-flex flex-wrap items-center gap-2" data-testid="due">
        <span className={view.overdue ? 'font-medium text-destructive' : undefined}>{formatDate(app.dueAt) || '—'}</span>
        {view.overdue && <Badge className="bg-destructive text-white">已超期</Badge>}
      </span>,
    ],
    [
      '审核单位',
      <span key="unit" className="inline-flex flex-wrap items-center gap-3" data-testid="review-unit">
        <span>{view.unitName ?? '—'}</span>
        {transferable && <TransferDialog applicationId={app.id} currentUnitId={app.unitId} units={units} />}
      </span>,
    ],
    ['申请人', view.applicant ? `${view.applicant.name}（${view.applicant.phoneMasked}）` : '—'],
  ];
  if (subjectName) info.push(['主体名称', subjectName]);
  // An APP's / 小程序's name (its own application or its 安全评估) is labelled by its type.
  const assessed = app.type === '安全评估' && 'target' in payload && payload.target && isFilingTarget(payload.target.type) ? payload.target.type : null;
  const objectType = assessed ?? kindOfType(app.type);
  if (websiteName) info.push([objectType ? `${objectType}名称` : '网站名称', websiteName]);
  if (view.website?.filingNumber) info.push(['公安备案号', <span key="fn" className="font-mono" data-testid="website-filing-number">{view.website.filingNumber}</span>]);
  if (!decided) {
    info.push([
      '处理人',
      <span key="handler" className="inline-flex flex-wrap items-center gap-3" data-testid="handler">
        <span>{view.handler ? `${view.handler.name ?? '—'}${mine ? '（本人）' : ''}` : '—'}</span>
        {mine && view.status === '审核中' && <ReleaseButton applicationId={app.id} />}
      </span>,
    ]);
    if (view.handler && view.claimedUntil) info.push(['领取至', <span key="until" data-testid="claimed-until">{formatDateTime(view.claimedUntil)}</span>]);
  } else if (view.status !== '已撤销') {
    info.push(['审核人', view.decidedByName ?? '—'], ['审核时间', formatDateTime(app.decidedAt) || '—']);
  }

  return (
    <div className="space-y-6">
      {claimOnOpen && <ClaimOnOpen key={app.id} applicationId={app.id} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">申请审核</h1>
        <Link href="/review" className="text-sm text-primary hover:underline">
          返回审核工作台
        </Link>
      </div>

      {!decider && !decided && (
        <VerifyPhoneAlert />
      )}
      {heldByOther && claimable && (
        <Alert variant="destructive" data-testid="held-by-other">
          <p className="font-medium">该申请正由{view.handler!.name ?? '其他审核人员'}处理</p>
          {view.claimedUntil && <p>领取至 {formatDateTime(view.claimedUntil)}，届时未办结将自动释放。</p>}
        </Alert>
      )}
      {pendingSubject && !decided && (
        <Alert variant="info">
          {pendingSubject.bundled ? '本申请与新增主体申请一并提交，须先审核主体：' : '该主体的新增主体申请尚未审核，须先审核主体：'}
          <Link href={`/review/${pendingSubject.id}`} className="mx-1 font-medium underline">
            {pendingSubject.code}
          </Link>
        </Alert>
      )}
      {(view.status === '退回' || view.status === '已撤销') && (
        <Alert variant="destructive" data-testid="return-reason">
          <p className="font-medium">{view.status === '退回' ? '申请已退回' : '申请已撤销'}</p>
          {app.reason && <p className="whitespace-pre-wrap">{view.status === '退回' ? '退回原因' : '说明'}：{app.reason}</p>}
          {leftover.length > 0 && (
            <ul className="mt-1 list-inside list-disc">
              {leftover.map(([label, comment]) => (
                <li key={label}>
                  {label}：{comment}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {view.status === '通过' && (
        <Alert variant="success" data-testid="approved">
          <p className="font-medium">申请已通过</p>
          {handler.filesObject && view.website?.filingNumber && <p>公安备案号：{view.website.filingNumber}</p>}
        </Alert>
      )}

      <Section title="申请信息" testId="application-info">
        <InfoList rows={info} />
        {mode && (
          <p className="mt-4 border-t pt-3 text-sm">
            <a href="#decision" className="text-primary hover:underline">
              {mode === 'interview' ? '前往登记结果' : '前往填写审核意见'}
            </a>
          </p>
        )}
      </Section>

      {nationalLevel && <NationalLevelNotice applicationId={app.id} declared={nationalLevel} canCorrect={decider && !decided} />}

      {showSubject && <SubjectSection subject={view.subject!} />}

      <Section title="申请内容">
        <div className="space-y-4">
          <RevealPii applicationId={app.id} />
          {node ?? <Empty>无可显示的申请内容。</Empty>}
        </div>
      </Section>

      {files.length > 0 && (
        <Section title="附件材料" testId="attachments">
          <Attachments files={files} />
        </Section>
      )}

      {handler.describe.reviewChecks.includes('liveness') && (app.websiteId || app.filingId) && (
        <LivenessSection target={app.websiteId ? { websiteId: app.websiteId } : { filingId: app.filingId! }} applicationId={app.id} canRecheck={decider && isOpen(view.status)} />
      )}

      {filedSite && <PlacementCheckCard websiteId={filedSite.id} filedAt={filedSite.filedAt!} action={canCheckSite ? reviewCheckPlacementAction : undefined} now={now} />}

      {handler.describe.reviewChecks.includes('naming') && <NamingSection view={view} />}

      {view.interactive && (
        <Section title="安全评估与面审" testId="interview">
          <div className="space-y-4 text-sm">
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-muted-foreground">安全评估</span>
              {view.assessment ? <StatusBadge status={view.assessment.status} /> : <Badge variant="secondary">未提交</Badge>}
              {view.assessment?.applicationId && (
                <Link href={`/review/${view.assessment.applicationId}`} className="text-primary hover:underline">
                  查看安全评估申请
                </Link>
              )}
            </div>
            {!assessmentPassed && !view.interview && (
              <Alert variant="destructive" data-testid="assessment-required">
                需先通过安全评估
              </Alert>
            )}
            {view.interview && (
              <InfoList
                rows={[
                  ['方式', view.interview.kind],
                  ['时间', formatDateTime(view.interview.scheduledAt)],
                  ['地点', view.interview.place || '—'],
                  [view.interview.kind === '面审' ? '需携带材料' : '需准备材料', view.interview.materials || '—'],
                  ['结果', view.interview.outcome ?? '待登记'],
                  ...(view.interview.outcomeNote ? ([['说明', view.interview.outcomeNote]] as [string, ReactNode][]) : []),
                ]}
              />
            )}
            {decider && claimable && mine && assessmentPassed && !view.interview && !view.approvalBlock && (
              <div className="space-y-3 border-t pt-4">
                <h3 className="font-semibold">安排面审/实地检查</h3>
                <ScheduleInterviewForm applicationId={app.id} minLocal={msToBeijingLocal(now)} />
              </div>
            )}
          </div>
        </Section>
      )}

      <div id="decision" className="scroll-mt-4">
        <DecisionPanel
          key={`decision-${app.id}`}
          applicationId={app.id}
          mode={mode}
          title={mode === 'interview' && pendingInterview ? `登记${pendingInterview.kind}结果` : '审核意见'}
          canApprove={canApprove}
          approveBlocked={approveBlocked}
          approveEffect={handler.describe.approveEffect ?? undefined}
          fieldOptions={fields}
          reasons={COMMON_RETURN_REASONS}
        />
      </div>

      {cancelOffer && cancelTarget && (
        <Section title="注销备案" testId="police-cancel">
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p>
              {cancelOffer.label}“{cancelOffer.name}”已备案（<span className="font-mono">{cancelOffer.filingNumber}</span>）。如网站已关闭、违法违规或主体已注销，可注销其备案。
            </p>
            <PoliceCancelDialog target={{ ...cancelTarget, ...cancelOffer }} />
          </div>
        </Section>
      )}

      <RecordSection user={user} applicationId={app.id} />

      {view.bundle.length > 0 && (
        <Section title="一并提交的申请" testId="bundle">
          <Table aria-label="一并提交的申请">
            <TableHeader>
              <TableRow>
                <TableHead>申请编号</TableHead>
                <TableHead>业务类型</TableHead>
                <TableHead>状态</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.bundle.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>
                    <Link href={`/review/${b.id}`} className="font-mono text-primary hover:underline">
                      {b.code}
                    </Link>
                  </TableCell>
                  <TableCell>{b.type}</TableCell>
                  <TableCell>
                    <StatusBadge status={b.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      {app.subjectId && (
        <Section title="该主体的其他网站" testId="other-websites">
          {view.otherWebsites.length === 0 ? (
            <Empty>该主体暂无其他网站。</Empty>
          ) : (
            <Table aria-label="该主体的其他网站">
              <TableHeader>
                <TableRow>
                  <TableHead>网站名称</TableHead>
                  <TableHead>网站状态</TableHead>
                  <TableHead>公安备案号</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.otherWebsites.map((w) => (
                  <TableRow key={w.id}>
                    <TableCell className="whitespace-normal break-all">{w.name}</TableCell>
                    <TableCell>
                      <StatusBadge status={w.status} />
                    </TableCell>
                    <TableCell className="font-mono">{w.filingNumber ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      )}

      {app.subjectId && (
        <Section title="主体历史申请" testId="history">
          {view.history.length === 0 ? (
            <Empty>该主体暂无其他申请记录。</Empty>
          ) : (
            <Table aria-label="主体历史申请">
              <TableHeader>
                <TableRow>
                  <TableHead>申请编号</TableHead>
                  <TableHead>业务类型</TableHead>
                  <TableHead>状态</TableHead>
                  <TableHead>申请时间</TableHead>
                  <TableHead>审核时间</TableHead>
                  <TableHead>审核人</TableHead>
                  <TableHead>退回原因</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.history.map((h) => (
                  <TableRow key={h.id}>
                    <TableCell>
                      <Link href={`/review/${h.id}`} className="font-mono text-primary hover:underline">
                        {h.code}
                      </Link>
                    </TableCell>
                    <TableCell>{h.type}</TableCell>
                    <TableCell>
                      <StatusBadge status={h.status} />
                    </TableCell>
                    <TableCell>{formatDateTime(h.submittedAt)}</TableCell>
                    <TableCell>{formatDateTime(h.decidedAt) || '—'}</TableCell>
                    <TableCell>{h.decider ?? '—'}</TableCell>
                    <TableCell className="max-w-72 min-w-40 whitespace-normal break-all">{h.status === '退回' ? (h.reason ?? '—') : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      )}
    </div>
  );
}
