import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { auditLog, users } from '@/db/schema';

export type AuditEntry = {
  actorId: number | null;
  actorRole?: string | null;
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};


/** Appends an audit record; pass the transaction so it commits with the change it describes. */
export function writeAudit(entry: AuditEntry, tx: Tx = getDb()): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
      at: Date.now(),
    })
    .run();
}

export const AUDIT_PAGE_SIZE = 20;

/** Object types written today, for the filter (any other value still filters). */
export const AUDIT_OBJECT_TYPES: Record<string, string> = {
  user: '账号',
  police_unit: '审核单位',
  application: '申请',
  subject: '开办主体',
  website: '网站',
  filing: 'APP、小程序等备案对象',
  provider_directory: '服务商名录',
  data_code: '数据码',
  provider_api_key: 'API密钥',
  notice: '公告',
  delivery: '发送记录',
};

/** Chinese labels for the common action codes (the raw code is shown beside them). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'user.create': '创建账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'delivery.resend': '重新发送消息',
  'user.set_unit': '调整审核单位',
  'user.password_change': '修改登录密码',
  'user.password_change_failed': '修改密码失败',
  'user.password_reset': '找回密码',
  'user.unlock': '解除登录锁定',
  'auth.logout': '退出登录',
  'user.phone_verified': '手机验证',
  'unit.create': '新增审核单位',
  'unit.update': '编辑审核单位',
  'unit.delete': '删除审核单位',
  'notice.create': '新建公告',
  'notice.update': '编辑公告',
  'notice.publish': '发布公告',
  'notice.unpublish': '取消发布公告',
  'provider.create': '新增服务商',
  'provider.update': '编辑服务商',
  'provider.delete': '删除服务商',
  'provider.import': '批量导入服务商',
  'user.link_provider': '关联服务商',
  'data_code.issue': '签发数据码',
  'data_code.revoke': '作废数据码',
  'provider_api_key.create': '创建API密钥',
  'provider_api_key.revoke': '停用API密钥',
  'subject.submit': '提交新增主体',
  'subject.change_submit': '提交变更主体',
  'subject.cancel_submit': '提交注销主体',
  'subject.cancelled': '主体注销',
  'subject.transfer_offer': '发起移交主体',
  'subject.transfer_undo': '撤回移交主体',
  'subject.transfer_accept': '接收主体',
  'subject.national_level.correct': '更正是否中央/国家级单位',
  'website.submit': '提交新办网站',
  'assessment.submit': '提交安全评估',
  'website.change_submit': '提交变更网站',
  'website.cancel_submit': '提交注销网站',
  'application.revoke': '撤销申请',
  'application.claim': '领取审核',
  'application.approve': '审核通过',
  'application.return': '审核退回',
  'interview.schedule': '安排面审/实地检查',
  'interview.pass': '面审/实地检查通过',
  'interview.fail': '面审/实地检查退回',
  'website.export': '导出备案网站',
  'application.pii.reveal': '查看完整信息',
  'application.note': '添加审核备注',
  'application.transfer': '转办',
  'website.police_cancel': '注销备案（网站）',
  'filing.police_cancel': '注销备案（APP、小程序等）',
};

import { beijingDayStart } from '@/lib/time';

/** Filters take Beijing calendar days (lib/time). */
export { beijingDayStart };

export type AuditFilter = {
  /** 操作人: a user id (digits, '#12' too), '系统' for entries without one, or part of a name. */
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** An action code (AUDIT_ACTION_LABELS), e.g. application.pii.reveal for every 查看完整信息. */
  action?: string;
  /** Beijing dates, both inclusive. */
  from?: string;
  to?: string;
  page?: number;
};

/** 审计日志: newest first, 20 a page, with the actor's name. */
export function listAudit(opts: AuditFilter = {}) {
  const db = getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const conds: SQL[] = [];
  const actor = opts.actor?.trim();
  if (actor) {
    const id = /^#?(\d{1,15})$/.exec(actor);
    if (id) conds.push(eq(auditLog.actorId, Number(id[1])));
    else if (actor === '系统') conds.push(isNull(auditLog.actorId));
    else {
      const pattern = `%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conds.push(inArray(auditLog.actorId, db.select({ id: users.id }).from(users).where(sql`${users.name} like ${pattern} escape '\\'`)));
    }
  }
  if (opts.objectType?.trim()) conds.push(eq(auditLog.objectType, opts.objectType.trim()));
  if (opts.objectId?.trim()) conds.push(eq(auditLog.objectId, opts.objectId.trim()));
  if (opts.action?.trim()) conds.push(eq(auditLog.action, opts.action.trim()));
  const from = opts.from ? beijingDayStart(opts.from) : undefined;
  if (from !== undefined) conds.push(gte(auditLog.at, from));
  const to = opts.to ? beijingDayStart(opts.to) : undefined;
  if (to !== undefined) conds.push(lt(auditLog.at, to + 86_400_000));
  const where = conds.length ? and(...conds) : undefined;
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorRole: sql<string | null>`coalesce(${auditLog.actorRole}, ${users.role})`,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()!.n;
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE };
}
