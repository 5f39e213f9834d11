/**
 * 注销备案 by the police (SPEC §6.3): a reviewer of the unit that reviews the object's subject or
 * filed it (or an admin), phone verified, cancels a filed website, APP, 小程序, 应用市场 or 服务商
 * for a stated reason after a confirmation. One transaction: the object 已注销 (event policeCancel
 * of the transition table, only from 已备案), its number never given again (numbers come from
 * per-unit sequences), a 服务商 leaves the directory, the audit record and the applicant's notice
 * (in-app, e-mail, SMS). The public record then says 已注销.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { filings, policeUnits, subjects, websites, type FilingKind } from '@/db/schema';
import { nextWebsiteStatus } from '@/lib/applications/rules';
import { canDecide, canPoliceCancel, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { kindObject } from '@/lib/filings/kinds';
import { notify } from '@/lib/notify/service';
import { syncProviderDirectory } from '@/lib/service-providers/directory';
import { PHONE_REQUIRED, POLICE_CANCEL_OTHER, type PoliceCancelReason } from './schemas';

export type PoliceCancelTarget = { object: 'website' | 'filing'; id: number };

type Row = { id: number; subjectId: number; name: string; status: string; filingNumber: string | null; filingUnitId: number | null; kind: FilingKind | '网站' };

function loadRow(tx: Tx, target: PoliceCancelTarget): Row | undefined {
  if (target.object === 'website') {
    const w = tx
      .select({ id: websites.id, subjectId: websites.subjectId, name: websites.name, status: websites.status, filingNumber: websites.filingNumber, filingUnitId: websites.filingUnitId })
      .from(websites)
      .where(eq(websites.id, target.id))
      .get();
    return w ? { ...w, kind: '网站' } : undefined;
  }
  return tx
    .select({ id: filings.id, subjectId: filings.subjectId, name: filings.name, status: filings.status, filingNumber: filings.filingNumber, filingUnitId: filings.filingUnitId, kind: filings.kind })
    .from(filings)
    .where(eq(filings.id, target.id))
    .get();
}

/** The applicant's page of the object. */
const objectLink = (row: Row) => (row.kind === '网站' ? `/my/websites/${row.id}` : `${kindObject(row.kind).routeBase}/${row.id}`);

/** Whether the actor may cancel this object now: what the review page offers (null: no button). */
export function policeCancelOffer(actor: Actor, target: PoliceCancelTarget): { label: string; name: string; filingNumber: string } | null {
  const db = getDb();
  const row = loadRow(db, target);
  if (!row || row.status !== '已备案' || !row.filingNumber || !canDecide(actor)) return null;
  const s = db.select({ unitId: subjects.unitId }).from(subjects).where(eq(subjects.id, row.subjectId)).get();
  if (!canPoliceCancel(actor, { unitIds: [s?.unitId ?? null, row.filingUnitId] })) return null;
  return { label: row.kind, name: row.name, filingNumber: row.filingNumber };
}

export function policeCancel(actor: Actor, target: PoliceCancelTarget, input: { reason: PoliceCancelReason; detail: string }, now = Date.now()) {
  const detail = input.detail.trim();
  if (input.reason === POLICE_CANCEL_OTHER && !detail) throw new AppError('invalid', '请填写注销说明', { detail: '请填写注销说明' });
  return getDb().transaction(
    (tx) => {
      const row = loadRow(tx, target);
      const subject = row ? tx.select({ ownerId: subjects.ownerId, unitId: subjects.unitId }).from(subjects).where(eq(subjects.id, row.subjectId)).get() : undefined;
      if (!row || !subject || !canPoliceCancel(actor, { unitIds: [subject.unitId, row.filingUnitId] })) throw new AppError('not_found', '备案对象不存在或不属于本单位');
      if (!canDecide(actor)) throw new AppError('forbidden', PHONE_REQUIRED);
      if (row.status === '已注销') throw new AppError('conflict', `该${row.kind}已注销`);
      if (row.status === '变更中' || row.status === '注销中') throw new AppError('conflict', `该${row.kind}有未办结的${row.status === '变更中' ? '变更' : '注销'}申请，请先办结该申请`);
      if (row.status !== '已备案' || !row.filingNumber) throw new AppError('conflict', `该${row.kind}尚未备案`);
      const status = nextWebsiteStatus('已备案', 'policeCancel');
      const table = target.object === 'website' ? websites : filings;
      const res = tx
        .update(table)
        .set({ status, cancelledAt: now, updatedAt: now })
        .where(and(eq(table.id, row.id), eq(table.status, '已备案')))
        .run();
      if (res.changes !== 1) throw new AppError('conflict', '备案状态已变化，请刷新后重试');
      if (target.object === 'filing') syncProviderDirectory(tx, row.id, now, actor.id);
      const why = detail ? `${input.reason}（${detail}）` : input.reason;
      writeAudit(
        {
          actorId: actor.id,
          action: target.object === 'website' ? 'website.police_cancel' : 'filing.police_cancel',
          objectType: target.object,
          objectId: row.id,
          before: { status: row.status, filingNumber: row.filingNumber },
          after: { status, filingNumber: row.filingNumber, reason: input.reason, detail: detail || null },
        },
        tx,
      );
      const unit = actor.unitId ? tx.select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, actor.unitId)).get()?.name : null;
      notify(
        subject.ownerId,
        {
          type: 'filing.police_cancelled',
          title: `${row.kind}备案已被注销`,
          body: `您的${row.kind}“${row.name}”（公安备案号：${row.filingNumber}）已被${unit ?? '公安机关'}注销备案，注销原因：${why}。原公安备案号不再使用，请撤下网站或应用中的备案标识。如有疑问，请联系审核单位。`,
          link: objectLink(row),
        },
        tx,
      );
      return { status, filingNumber: row.filingNumber };
    },
    { behavior: 'immediate' },
  );
}
