/**
 * 转办 (SPEC §6.3): an admin moves an undecided application to another unit's queue with a reason.
 * It arrives there 待审核 and unclaimed, its 办理时限 kept; both units' queues and dashboards
 * follow at once (they read applications.unit_id; queue_counts is kept by triggers). The subject
 * stays with its own unit (its 管辖地 decides where later applications go); the new unit's
 * reviewers may read the subject's uploads while the application is open there (lib/files).
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, policeUnits } from '@/db/schema';
import { nextApplicationStatus } from '@/lib/applications/rules';
import { can, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';
import { handlerOf } from '@/lib/applications/handlers';

const TRANSFERABLE = ['待审核', '审核中'] as const;

export function transferApplication(actor: Actor, applicationId: number, input: { unitId: number; reason: string }, now = Date.now()) {
  if (!can(actor, 'review.transfer')) throw new AppError('forbidden', '只有管理员可以转办申请');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('invalid', '请填写转办原因', { reason: '请填写转办原因' });
  return getDb().transaction(
    (tx) => {
      const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
      if (!app || !app.queued) throw new AppError('not_found', '申请不存在');
      if (app.status === '待面审') throw new AppError('conflict', '该申请已安排面审或实地检查，不能转办');
      if (!(TRANSFERABLE as readonly string[]).includes(app.status)) throw new AppError('conflict', '该申请已办结，不能转办');
      const to = tx.select({ id: policeUnits.id, name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, input.unitId)).get();
      if (!to) throw new AppError('invalid', '请选择转办单位', { unitId: '请选择转办单位' });
      if (to.id === app.unitId) throw new AppError('invalid', '该申请已在此单位，请选择其他单位', { unitId: '该申请已在此单位，请选择其他单位' });
      const from = app.unitId ? tx.select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, app.unitId)).get() : undefined;
      const res = tx
        .update(applications)
        .set({ unitId: to.id, status: nextApplicationStatus(app.status, 'transfer'), claimedBy: null, claimedUntil: null })
        .where(and(eq(applications.id, app.id), eq(applications.status, app.status), sql`coalesce(${applications.unitId}, 0) = ${app.unitId ?? 0}`))
        .run();
      if (res.changes !== 1) throw new AppError('conflict', '该申请状态已变化，请刷新后重试');
      writeAudit(
        {
          actorId: actor.id,
          action: 'application.transfer',
          objectType: 'application',
          objectId: app.id,
          before: { unitId: app.unitId, unit: from?.name ?? null, status: app.status, dueAt: app.dueAt },
          after: { unitId: to.id, toUnit: to.name, status: '待审核', dueAt: app.dueAt, reason },
        },
        tx,
      );
      notify(
        app.applicantId,
        {
          type: 'application.transferred',
          title: `${handlerOf(app.type).describe.title}已转办`,
          body: `您的${handlerOf(app.type).describe.title}（申请编号${app.code}）已转由${to.name}审核，办理时限不变。`,
          link: `/my/applications/${app.id}`,
          channels: { email: false, sms: false },
        },
        tx,
      );
      return { unitId: to.id, unitName: to.name, dueAt: app.dueAt, at: now };
    },
    { behavior: 'immediate' },
  );
}
