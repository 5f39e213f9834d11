/** How each subject field reads on a page (PII already masked by the caller). */
import { regionFullName } from '@/lib/regions/regions';
import { identityPassLabel, orgCredentialPassLabel } from '@/lib/identity/labels';
import { LONG_TERM } from './rules';
import type { SubjectField } from './labels';

const REGION_FIELDS: SubjectField[] = ['officeRegion', 'regRegion', 'principalRegion'];
const FILE_FIELDS: SubjectField[] = ['orgCertFileId', 'idFrontFileId', 'idBackFileId', 'idHandheldFileId'];

export function subjectDisplayValue(field: SubjectField, value: unknown): string {
  if (value == null || value === '') return '';
  if (REGION_FIELDS.includes(field)) return regionFullName(String(value)) || String(value);
  if (FILE_FIELDS.includes(field)) return `已上传（文件 ${value}）`;
  if (field === 'principalIdExpiry' && value === LONG_TERM) return '长期有效';
  if (field === 'identityToken') return identityPassLabel(String(value));
  if (field === 'orgCredentialToken') return orgCredentialPassLabel(String(value));
  return String(value);
}

export const isFileField = (f: SubjectField) => FILE_FIELDS.includes(f);
