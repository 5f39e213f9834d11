/**
 * 网站 as a filing object: the wizard's steps, the field labels reviewers comment on, the naming
 * rules, the 公安备案号 mark and what the public query shows.
 */
import { basicInfoSchema, websiteSchema } from '@/lib/websites/schemas';
import { checkWebsiteName, type NamingContext } from '@/lib/websites/naming';
import type { PublicFiling } from '@/lib/public/filings';
import { WEBSITE_FIELD_LABELS, type WebsiteField } from '@/lib/websites/labels';
import { filingSteps } from './steps';
import type { ObjectType, PublicField } from './types';

/** The basic information as stored (enough of it to tell which rows apply). */
type BasicLike = { interactive?: string; controlled?: string; domainCertificates?: Record<string, unknown> };

/** The rows that apply to this website: 网站类型 only when interactive, and so on. */
export function websiteFieldsShown(basic: BasicLike | undefined): WebsiteField[] {
  const b = basic ?? {};
  const hidden = new Set<WebsiteField>();
  if (b.interactive !== '是') hidden.add('basic.siteTypes');
  if (b.controlled !== '是') hidden.add('basic.controlledItems');
  if (!b.domainCertificates || !Object.values(b.domainCertificates).some(Boolean)) hidden.add('basic.domainCertificates');
  return (Object.keys(WEBSITE_FIELD_LABELS) as WebsiteField[]).filter((f) => !hidden.has(f));
}

const PUBLIC_FIELDS = [
  { key: 'websiteName', label: '网站名称' },
  { key: 'domains', label: '网站域名' },
  { key: 'subjectName', label: '开办主体名称' },
  { key: 'subjectNature', label: '开办主体性质' },
  { key: 'filingNumber', label: '公安备案号' },
  { key: 'filedAt', label: '备案时间' },
  { key: 'unitName', label: '审核单位' },
  { key: 'interactive', label: '网站类型' },
  { key: 'status', label: '备案状态' },
] as const satisfies readonly PublicField<keyof PublicFiling>[];

export const websiteObject = {
  key: '网站',
  label: '网站',
  routeBase: '/my/websites',
  // The wizard's 步骤条 (lib/websites/form-values.ts WIZARD_STEPS is these titles).
  steps: filingSteps('网站', basicInfoSchema),
  schema: websiteSchema,
  fieldLabels: WEBSITE_FIELD_LABELS,
  checkName: checkWebsiteName,
  // The 7th and 8th digits of its 公安备案号 (SPEC §6.4); approval allocates numbers with it.
  filingMark: '02',
  publicFields: PUBLIC_FIELDS,
} as const satisfies ObjectType<'网站', WebsiteField, NamingContext>;
