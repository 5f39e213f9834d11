/**
 * What an application carries: its payload (and previous, for changes) per business type. The
 * applications.payload column holds the union; `payloadOf` / `typedApplication` narrow it by the
 * row's `type` — the one place where the row's two columns are tied together.
 */
import type { BusinessType } from '@/db/schema/applications';
import type { AssessmentPayload } from '@/lib/assessments/types';
import type { StoredSubject, SubjectCancelPayload } from '@/lib/subjects/types';
import type { FilingCancelPayload, FilingChangePayload, FilingChangePrevious, FilingNewPayload } from '@/lib/filings/types';
import type { WebsiteCancelPayload, WebsiteChangePayload, WebsiteChangePrevious, WebsiteClaimPayload, WebsiteNewPayload } from '@/lib/websites/types';

/** Payload per business type (a missing type is a compile error). */
export type ApplicationPayloads = {
  新增主体: StoredSubject;
  变更主体: StoredSubject;
  注销主体: SubjectCancelPayload;
  新办网站: WebsiteNewPayload;
  变更网站: WebsiteChangePayload;
  注销网站: WebsiteCancelPayload;
  安全评估: AssessmentPayload;
  网站认领: WebsiteClaimPayload;
  新增APP: FilingNewPayload<'APP'>;
  变更APP: FilingChangePayload<'APP'>;
  注销APP: FilingCancelPayload;
  新增小程序: FilingNewPayload<'小程序'>;
  变更小程序: FilingChangePayload<'小程序'>;
  注销小程序: FilingCancelPayload;
  新增应用市场: FilingNewPayload<'应用市场'>;
  变更应用市场: FilingChangePayload<'应用市场'>;
  注销应用市场: FilingCancelPayload;
  新增服务商: FilingNewPayload<'服务商'>;
  变更服务商: FilingChangePayload<'服务商'>;
  注销服务商: FilingCancelPayload;
};
// Every business type has a payload type, and nothing else has one.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const EVERY_TYPE_HAS_A_PAYLOAD: Exactly<keyof ApplicationPayloads, BusinessType> = true;
void EVERY_TYPE_HAS_A_PAYLOAD;

/** `previous` per business type: what a change replaces (null for every other type). */
export type ApplicationPreviouses = {
  [T in BusinessType]: T extends '变更主体'
    ? StoredSubject
    : T extends '变更网站'
      ? WebsiteChangePrevious
      : T extends '变更APP'
        ? FilingChangePrevious<'APP'>
        : T extends '变更小程序'
          ? FilingChangePrevious<'小程序'>
          : T extends '变更应用市场'
            ? FilingChangePrevious<'应用市场'>
            : T extends '变更服务商'
              ? FilingChangePrevious<'服务商'>
              : null;
};

export type ApplicationPayload<T extends BusinessType = BusinessType> = ApplicationPayloads[T];
export type ApplicationPrevious<T extends BusinessType = BusinessType> = ApplicationPreviouses[T];

/** The stored JSON of applications.payload / applications.previous (any type). */
export type StoredApplicationPayload = ApplicationPayload;
export type StoredApplicationPrevious = NonNullable<ApplicationPrevious>;

type Stored = { type: BusinessType; payload: StoredApplicationPayload; previous?: StoredApplicationPrevious | null };

/** An application whose payload and previous are those of its type; `if (a.type === …)` narrows. */
export type TypedApplication<R extends Stored = Stored> = {
  [T in BusinessType]: Omit<R, 'type' | 'payload' | 'previous'> & { type: T; payload: ApplicationPayload<T>; previous: ApplicationPrevious<T> | null };
}[BusinessType];

/** The payload of an application, narrowed by its business type. */
export function payloadOf<T extends BusinessType>(app: { type: T; payload: StoredApplicationPayload }): ApplicationPayload<T> {
  // The writer of each type (lib/<domain>/service.ts) stores ApplicationPayload<type>.
  return app.payload as ApplicationPayload<T>;
}

/** The previous snapshot of a change, narrowed by its business type. */
export function previousOf<T extends BusinessType>(app: { type: T; previous?: StoredApplicationPrevious | null }): ApplicationPrevious<T> | null {
  return (app.previous ?? null) as ApplicationPrevious<T> | null;
}

/** The row with payload/previous typed by its business type. */
export function typedApplication<R extends Stored>(app: R): TypedApplication<R> {
  return app as TypedApplication<R>;
}

/** drafts.data: the form's values as the browser saved them (each form validates them when reopened). */
export type DraftData = { [key: string]: unknown };
