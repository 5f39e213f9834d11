/**
 * What a bound 数据码 fills in (SPEC §8.1): 创建主体 → a 新增主体 draft, 创建网站 → a 新办网站 draft
 * of the current subject, 批量创建网站 → one per website. Drafts never hold a 负责人证件号码 or
 * 手机号码 (lib/subjects/form-values.ts PII_FIELDS): the form asks for them again, and the prompt
 * on opening the draft lists what is still missing.
 */
import 'server-only';
import { saveDraft } from '@/lib/drafts/service';
import { AppError } from '@/lib/errors';
import { currentSubjectId } from '@/lib/subjects/service';
import { wizardSubject } from '@/lib/websites/service';
import { ORG_CERT_TYPES } from '@/lib/subjects/rules';
import { ID_TYPES } from '@/lib/validation/identifiers';
import { draftPayload as websiteDraftPayload, emptyWizardValues } from '@/lib/websites/form-values';
import { EMPTY_SUBJECT_VALUES, draftPayload as subjectDraftPayload, type SubjectFormValues } from '@/lib/subjects/form-values';
import { boundCodeDetail } from './bind';
import type { DataCodeData } from './schemas';
import { FROM_DATA_CODE } from './missing';


export function subjectValuesFromCode(d: DataCodeData): SubjectFormValues {
  const s = d.subject;
  const v: SubjectFormValues = { ...EMPTY_SUBJECT_VALUES, nature: s.nature, principalName: s.principalName };
  if (s.nature === '单位') {
    v.orgName = s.name;
    if ((ORG_CERT_TYPES as readonly string[]).includes(s.certType)) v.orgCertType = s.certType as SubjectFormValues['orgCertType'];
    v.orgCertNumber = s.certNumber;
  } else if ((ID_TYPES as readonly string[]).includes(s.certType)) v.principalIdType = s.certType;
  return v;
}

export function websiteDraftFromCode(d: DataCodeData, index: number, provider: { name: string; scope?: '境内' | '境外'; regionCode?: string | null }, codeId: number): Record<string, unknown> {
  const w = d.websites[index];
  const v = emptyWizardValues();
  v.basic.name = w.name;
  v.basic.domains = [{ domain: w.domain, primary: true }];
  v.basic.ipRanges = [{ start: w.ip, end: w.ip }];
  v.basic.accessScope = provider.scope ?? '境内';
  // 接入商所属地区 is a county; a provider listed for a whole city or province leaves it to the applicant.
  v.basic.accessRegion = v.basic.accessScope === '境内' && provider.regionCode && !/00$/.test(provider.regionCode) ? provider.regionCode : '';
  v.basic.accessName = provider.name;
  v.basic.accessMethod = w.accessMethod;
  return { ...websiteDraftPayload(v, 2), [FROM_DATA_CODE]: codeId };
}

/** 创建主体: a 新增主体 draft from the code; returns its id (open /my/subject/new?draft=…). */
export function createSubjectDraftFromCode(userId: number, codeId: number, now = Date.now()): number {
  const c = boundCodeDetail(userId, codeId);
  const data = { ...subjectDraftPayload(subjectValuesFromCode(c.data), { sameAsAccount: false, resubmitOf: null }), [FROM_DATA_CODE]: codeId };
  return saveDraft(userId, '新增主体', data, {}, now);
}

/** Subject statuses that may file a website (as the wizard: a 待审核 subject is reviewed with it). */
const FILABLE = ['有效', '待审核'];

/**
 * 创建网站 (one index) / 批量创建网站 (every website): 新办网站 drafts of the current subject, in the
 * code's order. Refused without a subject that may file websites.
 */
export function createWebsiteDraftsFromCode(userId: number, codeId: number, which: number | 'all', now = Date.now()): number[] {
  const c = boundCodeDetail(userId, codeId);
  const subjectId = currentSubjectId(userId);
  const s = subjectId ? wizardSubject(userId, subjectId) : null;
  if (!s) throw new AppError('conflict', '请先创建主体：主体提交后才能创建网站草稿');
  if (!FILABLE.includes(s.status)) throw new AppError('conflict', `当前主体状态为“${s.status}”，不能创建网站草稿`);
  const indexes = which === 'all' ? c.data.websites.map((_, i) => i) : [which];
  if (indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= c.data.websites.length)) throw new AppError('not_found', '数据码中没有该网站');
  return indexes.map((i) => saveDraft(userId, '新办网站', websiteDraftFromCode(c.data, i, c.provider ?? { name: c.providerName }, codeId), { subjectId: s.id }, now + i));
}
