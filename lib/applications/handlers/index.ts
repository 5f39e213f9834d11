/**
 * The business-type registry: one handler per BusinessType (db/schema/applications.ts). Review,
 * 我的申请 and the receipts look a type up here instead of switching on it. Import handlers from
 * this module only (the handler modules import services that import this one back).
 */
import type { BusinessType } from '@/db/schema';
import { assessment } from './assessment';
import {
  appCancel,
  appChange,
  appNew,
  appStoreCancel,
  appStoreChange,
  appStoreNew,
  miniProgramCancel,
  miniProgramChange,
  miniProgramNew,
  serviceProviderCancel,
  serviceProviderChange,
  serviceProviderNew,
} from './filing';
import { subjectCancel } from './subject-cancel';
import { subjectChange } from './subject-change';
import { subjectNew } from './subject-new';
import type { Handler } from './types';
import { websiteCancel } from './website-cancel';
import { websiteChange } from './website-change';
import { websiteClaim } from './website-claim';
import { websiteNew } from './website-new';

export type { AppRow, Approval, DecisionContext, Handler, HandlerObject, QueueColumns, ReturnContext, RevokeContext } from './types';

/** Every business type's handler; a type without one does not compile. */
export const HANDLERS: { readonly [T in BusinessType]: Handler<T> } = {
  新增主体: subjectNew,
  变更主体: subjectChange,
  注销主体: subjectCancel,
  新办网站: websiteNew,
  变更网站: websiteChange,
  注销网站: websiteCancel,
  安全评估: assessment,
  网站认领: websiteClaim,
  新增APP: appNew,
  变更APP: appChange,
  注销APP: appCancel,
  新增小程序: miniProgramNew,
  变更小程序: miniProgramChange,
  注销小程序: miniProgramCancel,
  新增应用市场: appStoreNew,
  变更应用市场: appStoreChange,
  注销应用市场: appStoreCancel,
  新增服务商: serviceProviderNew,
  变更服务商: serviceProviderChange,
  注销服务商: serviceProviderCancel,
};

/**
 * The handler of a business type. Its payload-typed members take the payload of that type: call
 * them with `payloadOf(app)` of the same application.
 */
export function handlerOf<T extends BusinessType>(type: T): Handler<T> {
  return HANDLERS[type];
}

/** A business application of a subject (网站, 安全评估 …), as opposed to one about the subject itself. */
export function isBusinessApplication(type: BusinessType): boolean {
  return HANDLERS[type].ofSubject;
}
