import type { Role } from '@/db/schema/users';
import { ROLES } from '@/db/schema/users';
import { AppError } from '@/lib/errors';

/** What a signed-in user is, as far as authorisation is concerned. */
export type Actor = {
  id: number;
  role: Role;
  unitId: number | null;
  phoneVerified: boolean;
};

const ALL: readonly Role[] = ROLES;

/** The one permission table: every page, action and route asks it. */
export const PERMISSIONS = {
  'account.self': ALL,
  'notifications.self': ALL,
  'files.upload': ALL,
  'applicant.area': ['applicant'],
  'review.area': ['reviewer', 'admin'],
  'review.decide': ['reviewer', 'admin'],
  'admin.area': ['admin'],
  // 首页栏目 content (通知公告, 备案须知, 政策法规, 常见问题) at /admin/notices.
  'notices.manage': ['admin'],
  'provider.area': ['provider'],
  /** 发送记录 (e-mail / SMS deliveries) at /admin/deliveries and its 重新发送. */
  'deliveries.manage': ['admin'],
  /** 立即检测 of the 备案号放置检查 (SPEC §10.3); which website is decided by canCheckPlacement. */
  'websites.placement-check': ['applicant', 'reviewer', 'admin'],
  /** 下载自评估报告 of the 发起评估 wizard (SPEC §7): which website is decided by the service. */
  'assessments.report': ['applicant'],
  /** 下载申请回执; which application is decided by canReadApplication. */
  'applications.receipt': ['applicant', 'reviewer', 'admin'],
  /** 查看完整信息 and 审核备注; which application is decided by canReviewApplication. */
  'review.reveal': ['reviewer', 'admin'],
  'review.notes': ['reviewer', 'admin'],
  /** 转办: move an undecided application to another unit's queue (SPEC §6.3). */
  'review.transfer': ['admin'],
  /** 注销备案 by the police; which object is decided by canPoliceCancel. */
  'filings.police-cancel': ['reviewer', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Fails closed: an unknown role or permission is refused. */
export function can(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed = PERMISSIONS[permission] as readonly string[] | undefined;
  if (!allowed) return false;
  if (!(ALL as readonly string[]).includes(actor.role)) return false;
  return allowed.includes(actor.role);
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', '请先登录');
  if (!can(actor, permission)) throw new AppError('forbidden', '您没有权限执行此操作');
}

/** 审核 needs a verified phone (SPEC §1). */
export function canDecide(actor: Actor): boolean {
  return can(actor, 'review.decide') && actor.phoneVerified;
}

/**
 * Who may read an uploaded file: its owner, admins, and reviewers of the unit
 * that reviews the subject the file is attached to (or one of its open applications).
 */
export function canReadFile(actor: Actor | null, file: { ownerId: number; subjectUnitId: number | null; reviewUnitIds?: readonly number[] }): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (file.ownerId === actor.id) return true;
  // reviewUnitIds: units an open application of the subject was 转办 to (they must see its uploads).
  return actor.role === 'reviewer' && actor.unitId != null && (file.subjectUnitId === actor.unitId || !!file.reviewUnitIds?.includes(actor.unitId));
}

/**
 * Reviewers see and decide only their own unit's applications, admins all (SPEC §6.1); a
 * 新增主体 still held back from the queue is nobody's to review yet.
 */
export function canReviewApplication(actor: Actor | null, app: { unitId: number | null; queued: boolean }): boolean {
  if (!actor || !can(actor, 'review.area') || !app.queued) return false;
  if (actor.role === 'admin') return true;
  return actor.unitId != null && app.unitId === actor.unitId;
}

/**
 * Reading one application (its 申请回执): the applicant who submitted it, and whoever may review it
 * (the unit's reviewers, admins — canReviewApplication).
 */
export function canReadApplication(actor: Actor | null, app: { applicantId: number; unitId: number | null; queued: boolean }): boolean {
  if (!actor || !can(actor, 'applications.receipt')) return false;
  if (actor.role === 'applicant') return app.applicantId === actor.id;
  return canReviewApplication(actor, app);
}

/**
 * 备案号放置检查 on demand: the website's owner, reviewers of the unit that reviews its subject or
 * filed it, and admins.
 */
export function canCheckPlacement(actor: Actor | null, site: { ownerId: number; unitIds: readonly (number | null)[] }): boolean {
  if (!actor || !can(actor, 'websites.placement-check')) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'applicant') return site.ownerId === actor.id;
  return actor.role === 'reviewer' && actor.unitId != null && site.unitIds.includes(actor.unitId);
}

/**
 * 注销备案 by the police (SPEC §6.3): admins, and reviewers of the unit that reviews the object's
 * subject or filed it.
 */
export function canPoliceCancel(actor: Actor | null, object: { unitIds: readonly (number | null)[] }): boolean {
  if (!actor || !can(actor, 'filings.police-cancel')) return false;
  if (actor.role === 'admin') return true;
  return actor.unitId != null && object.unitIds.includes(actor.unitId);
}

/** Where each role lands after login and what the header links to. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'applicant':
      return '/my';
    case 'reviewer':
      return '/review';
    case 'admin':
      return '/admin';
    case 'provider':
      return '/provider';
  }
}
