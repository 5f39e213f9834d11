/**
 * 是否中央/国家级单位 as the reviewer sees and corrects it (SPEC §11.3): the applicant declares it on
 * the 新增主体 / 变更主体 form; the reviewer of the application (its unit, or an admin, phone
 * verified) may set it to 是 or 否 while the application is undecided. The correction goes into the
 * application's payload (and, for a 新增主体, the subject's stored data, which approval keeps), is
 * audited and tells the applicant.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, subjects } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canDecide, canReviewApplication, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { notify } from '@/lib/notify/service';
import { asksNationalLevel } from './rules';
import type { StoredSubject } from './types';

const OPEN = ['待审核', '审核中'];

/** The declaration of a subject application's payload, or null when the question does not apply. */
export function declaredNationalLevel(type: string, payload: unknown): '是' | '否' | null {
  if (type !== '新增主体' && type !== '变更主体') return null;
  const d = payload as Partial<StoredSubject> | null;
  if (!d || d.nature !== '单位' || !asksNationalLevel(d.unitType)) return null;
  return d.nationalLevel === '是' ? '是' : '否';
}

export function correctNationalLevel(actor: Actor, applicationId: number, value: '是' | '否', now = Date.now()) {
  if (value !== '是' && value !== '否') throw new AppError('invalid', '请选择是或否', { nationalLevel: '请选择是或否' });
  return getDb().transaction((tx) => {
    const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
    if (!app || !canReviewApplication(actor, app)) throw new AppError('not_found', '申请不存在或不属于本单位');
    if (!canDecide(actor)) throw new AppError('forbidden', '审核人员须完成手机验证后方可审核');
    if (!OPEN.includes(app.status)) throw new AppError('conflict', '该申请已办结，不能更正');
    const before = declaredNationalLevel(app.type, app.payload);
    if (before == null) throw new AppError('conflict', '该申请不涉及是否中央/国家级单位');
    if (before === value) return { nationalLevel: value };
    tx.update(applications)
      .set({ payload: { ...(app.payload as StoredSubject), nationalLevel: value } })
      .where(eq(applications.id, app.id))
      .run();
    if (app.type === '新增主体' && app.subjectId) {
      const s = tx.select({ data: subjects.data }).from(subjects).where(eq(subjects.id, app.subjectId)).get();
      if (s) tx.update(subjects).set({ data: { ...s.data, nationalLevel: value }, updatedAt: now }).where(eq(subjects.id, app.subjectId)).run();
    }
    writeAudit({ actorId: actor.id, action: 'subject.national_level.correct', objectType: 'application', objectId: app.id, before: { nationalLevel: before }, after: { nationalLevel: value } }, tx);
    notify(
      app.applicantId,
      {
        type: 'subject.national_level',
        title: '审核人员更正了“是否中央/国家级单位”',
        body: `申请编号 ${app.code}：审核人员将“是否中央/国家级单位”更正为“${value}”。`,
        link: `/my/applications/${app.id}`,
        channels: { email: false, sms: false },
      },
      tx,
    );
    return { nationalLevel: value };
  });
}
