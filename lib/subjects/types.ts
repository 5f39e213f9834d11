/**
 * What is stored about a subject: subjects.data and the payload/previous of 新增主体, 变更主体
 * and 注销主体 applications (db/schema types its JSON columns with these).
 */
import type { SubjectData } from './schemas';

export type { SubjectData };

/** The fields sealed at rest (AES-GCM + masked copy). */
export type SubjectPiiField = 'principalIdNumber' | 'principalPhone';
export type SealedValue = { enc: string; masked: string };

/** subjects.data, and the payload of 新增主体 / 变更主体 (变更主体's previous too). */
export type StoredSubject = Omit<SubjectData, SubjectPiiField> & Record<SubjectPiiField, SealedValue>;

/** What pages may see: every field, PII masked. */
export type MaskedSubject = Omit<SubjectData, SubjectPiiField> & Record<SubjectPiiField, string>;

/** Payload of 注销主体. */
export type SubjectCancelPayload = { reason: string; attachmentFileId: number | null; subjectName: string };
