/**
 * Subject data at rest: 负责人证件号码 and 负责人手机号码 are sealed (AES-GCM + masked copy)
 * inside JSON snapshots; pages only ever see the masked copies.
 */
import 'server-only';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import type { MaskedSubject, SealedValue, StoredSubject, SubjectData, SubjectPiiField } from './types';

export type { MaskedSubject, SealedValue, StoredSubject };
export const SUBJECT_PII_FIELDS = ['principalIdNumber', 'principalPhone'] as const satisfies readonly SubjectPiiField[];
type PiiField = SubjectPiiField;

const MASKERS: Record<PiiField, (v: string) => string> = { principalIdNumber: maskIdNumber, principalPhone: maskPhone };

export function sealSubject(d: SubjectData): StoredSubject {
  const seal = (f: PiiField): SealedValue => ({ enc: encryptPii(d[f]), masked: MASKERS[f](d[f]) });
  return { ...d, principalIdNumber: seal('principalIdNumber'), principalPhone: seal('principalPhone') };
}

/** Server only: the full values, e.g. to compare, look up or send an SMS. */
export function unsealSubject(s: StoredSubject): SubjectData {
  return { ...s, principalIdNumber: decryptPii(s.principalIdNumber.enc), principalPhone: decryptPii(s.principalPhone.enc) };
}

/** What pages may see: every field, PII masked. */
export function maskedSubject(s: StoredSubject): MaskedSubject {
  return { ...s, principalIdNumber: s.principalIdNumber?.masked ?? '', principalPhone: s.principalPhone?.masked ?? '' };
}
