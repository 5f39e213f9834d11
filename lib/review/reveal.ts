/**
 * 查看完整信息 (SPEC §6.3): pages show 证件号码 and 手机号码 masked; on a review page the reviewer
 * may reveal the full numbers of that one application to compare them with the ID photos. Every
 * reveal is written to the audit log (who, which application, when) in the same transaction that
 * reads the numbers: nothing is shown that was not logged.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, subjects, users } from '@/db/schema';
import { canReviewApplication, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { decryptPii } from '@/lib/pii/crypto';
import { SUBJECT_FIELD_LABELS } from '@/lib/subjects/labels';
import { CONTACT_TITLES } from '@/lib/websites/labels';

export const REVEAL_ACTION = 'application.pii.reveal';

export type RevealedValue = { label: string; value: string };
type Sealed = { label: string; enc: string };

const KEY_LABELS: Record<string, string> = {
  principalIdNumber: SUBJECT_FIELD_LABELS.principalIdNumber,
  principalPhone: SUBJECT_FIELD_LABELS.principalPhone,
  idNumber: '证件号码',
  phone: '手机号码',
};
const ROLE_TITLES: Record<string, string> = CONTACT_TITLES;

const isSealed = (v: unknown): v is { enc: string; masked: string } =>
  !!v && typeof v === 'object' && typeof (v as { enc?: unknown }).enc === 'string' && typeof (v as { masked?: unknown }).masked === 'string';

/**
 * Every sealed `{ enc, masked }` value of a submitted payload, labelled by where it is: the
 * subject's 负责人证件号码 / 负责人手机号码, a contact's (网站安全负责人证件号码 …), and the values
 * before a change prefixed 变更前. Pure: nothing is decrypted here.
 */
export function sealedValuesOf(payload: unknown): Sealed[] {
  const out: Sealed[] = [];
  const visit = (value: unknown, path: string[], depth: number) => {
    if (depth > 8 || out.length > 50 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, [...path, String(i)], depth + 1));
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (isSealed(v)) {
        const role = [...path].reverse().find((p) => p in ROLE_TITLES);
        const field = KEY_LABELS[k] ?? k;
        const label = `${path.includes('previous') ? '变更前' : ''}${role ? ROLE_TITLES[role] : ''}${field}`;
        out.push({ label, enc: v.enc });
      } else visit(v, [...path, k], depth + 1);
    }
  };
  visit(payload, [], 0);
  return out;
}

/**
 * The full 证件号码 and 手机号码 of one application: what its payload seals, its subject's numbers
 * as filed, and the applicant's account phone. Only for those who may review it (the unit's
 * reviewers, admins; anyone else: not found). Audited.
 */
export function revealApplicationPii(actor: Actor, applicationId: number, now = Date.now()): RevealedValue[] {
  return getDb().transaction((tx) => {
    const app = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
    if (!app || !canReviewApplication(actor, app)) throw new AppError('not_found', '申请不存在或不属于本单位');
    // The payload's own numbers first (a 新增主体's / 变更主体's are the subject's), then the subject as filed.
    const found: Sealed[] = sealedValuesOf(app.payload);
    const subject = app.subjectId
      ? tx
          .select({ nature: subjects.nature, certNumberEnc: subjects.certNumberEnc, principalIdEnc: subjects.principalIdEnc, principalPhoneEnc: subjects.principalPhoneEnc })
          .from(subjects)
          .where(eq(subjects.id, app.subjectId))
          .get()
      : undefined;
    if (subject && app.type !== '新增主体' && app.type !== '变更主体') {
      if (subject.nature === '单位' && subject.certNumberEnc) found.push({ label: '开办主体证件号码', enc: subject.certNumberEnc });
      found.push({ label: `开办主体${SUBJECT_FIELD_LABELS.principalIdNumber}`, enc: subject.principalIdEnc }, { label: `开办主体${SUBJECT_FIELD_LABELS.principalPhone}`, enc: subject.principalPhoneEnc });
    }
    const applicant = tx.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, app.applicantId)).get();
    if (applicant?.phoneEnc) found.push({ label: '申请人手机号码', enc: applicant.phoneEnc });

    // One row per number; a number found in several places lists every place.
    const byValue = new Map<string, string[]>();
    for (const f of found) {
      let value: string;
      try {
        value = decryptPii(f.enc);
      } catch {
        continue;
      }
      const labels = byValue.get(value) ?? [];
      if (!labels.includes(f.label)) labels.push(f.label);
      byValue.set(value, labels);
    }
    const out: RevealedValue[] = [...byValue].map(([value, labels]) => ({ label: labels.join('、'), value }));
    writeAudit({ actorId: actor.id, action: REVEAL_ACTION, objectType: 'application', objectId: app.id, after: { code: app.code, fields: out.map((v) => v.label), at: now } }, tx);
    return out;
  });
}
