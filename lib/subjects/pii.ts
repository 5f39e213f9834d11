/**
 * Subject data at rest: 负责人证件号码 and 负责人手机号码 are sealed (AES-GCM + masked copy)
 * inside JSON snapshots; pages only ever see the masked copies.
 */
import 'server-only';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import type { SubjectData } from './schemas';

export const SUBJECT_PII_FIELDS = ['principalIdNumber', 'principalPhone'] as const;
type PiiField = (typeof SUBJECT_PII_FIELDS)[number];
export type SealedValue = { enc: string; masked: string };
export type StoredSubject = Omit<SubjectData, PiiField> & Record<PiiField, SealedValue>;

const MASKERS: Record<PiiField, (v: string) => string> = { principalIdNumber: maskIdNumber, principalPhone: maskPhone };

export function sealSubject(d: SubjectData): StoredSubject {
  const out = { ...d } as unknown as StoredSubject;
  for (const f of SUBJECT_PII_FIELDS) out[f] = { enc: encryptPii(d[f]), masked: MASKERS[f](d[f]) };
  return out;
}

/** Server only: the full values, e.g. to compare, look up or send an SMS. */
export function unsealSubject(s: StoredSubject): SubjectData {
  const out = { ...s } as unknown as SubjectData;
  for (const f of SUBJECT_PII_FIELDS) out[f] = decryptPii(s[f].enc);
  return out;
}

/** What pages may see: every field, PII masked. */
export function maskedSubject(s: StoredSubject): Omit<SubjectData, PiiField> & Record<PiiField, string> {
  const out = { ...s } as unknown as Omit<SubjectData, PiiField> & Record<PiiField, string>;
  for (const f of SUBJECT_PII_FIELDS) out[f] = s[f]?.masked ?? '';
  return out;
}
