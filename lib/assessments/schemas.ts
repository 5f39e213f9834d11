/**
 * 安全评估 (SPEC §7): one zod schema per step of 发起评估, shared by the wizard, the report PDF
 * route and the submitting server action.
 */
import { z } from 'zod';
import { nameText, plainText } from '@/lib/validation/text';

export const ASSESSMENT_METHODS = ['自行评估', '委托第三方评估', '渗透测试', '代码审计', '其他'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const SITUATION_MAX = 5000;

/**
 * 评估对象 类型 (SPEC §7, §15): a website, or an APP / 小程序 / 应用市场 (a filing of that kind: an
 * interactive 应用市场 needs a passed 安全评估 as well, §15.3). A 服务商 offers no interactive service.
 */
export const ASSESSMENT_TARGET_TYPES = ['网站', 'APP', '小程序', '应用市场'] as const;
export type AssessmentTargetType = (typeof ASSESSMENT_TARGET_TYPES)[number];
export type AssessmentFilingType = Exclude<AssessmentTargetType, '网站'>;

export const ASSESSMENT_FILING_TYPES = ASSESSMENT_TARGET_TYPES.filter(isFilingTarget);

export function isFilingTarget(t: unknown): t is AssessmentFilingType {
  return t === 'APP' || t === '小程序' || t === '应用市场';
}

const OBJECT_MISSING = '请选择评估对象';
const objectId = z.coerce.number({ error: OBJECT_MISSING }).int(OBJECT_MISSING).positive(OBJECT_MISSING);

/**
 * Step 1 填写自评估报告: 评估对象 (类型, then one of the subject's websites — websiteId — or APPs /
 * 小程序 — filingId), 开展评估情况, 评估方法. Only the id of the chosen 类型 is read.
 */
export const assessmentReportSchema = z
  .object({
    targetType: z.enum(ASSESSMENT_TARGET_TYPES, { error: '请选择评估对象类型' }),
    websiteId: objectId.optional(),
    filingId: objectId.optional(),
    situation: plainText('开展评估情况', SITUATION_MAX).min(1, '请填写开展评估情况'),
    methods: z
      .array(z.enum(ASSESSMENT_METHODS, { error: '请选择评估方法' }), { error: '请至少选择一种评估方法' })
      .min(1, '请至少选择一种评估方法')
      .max(ASSESSMENT_METHODS.length, '请选择评估方法'),
    /** Required when 其他 is among the methods. */
    methodOther: nameText('其他评估方法', 100).optional().default(''),
  })
  .superRefine((v, ctx) => {
    const idKey = v.targetType === '网站' ? 'websiteId' : 'filingId';
    if (v[idKey] === undefined) ctx.addIssue({ code: 'custom', path: [idKey], message: OBJECT_MISSING });
    if (v.methods.includes('其他') && !v.methodOther) ctx.addIssue({ code: 'custom', path: ['methodOther'], message: '请填写其他评估方法' });
  });
export type AssessmentReportInput = z.infer<typeof assessmentReportSchema>;

/** Step 2 自评估报告盖章件 (required) and step 3 上传第三方检测报告 (optional): uploaded PDF file ids. */
export const assessmentFilesSchema = z.object({
  sealedReportFileId: z.coerce.number({ error: '请上传自评估报告盖章件' }).int().positive('请上传自评估报告盖章件'),
  thirdPartyReportFileId: z.coerce.number().int().positive().nullable().optional().default(null),
});

/** Step 4 提示说明: the 网络安全责任告知书 must be acknowledged. */
export const assessmentNoticeSchema = z.object({
  agree: z.literal(true, { error: '请阅读并同意网络安全责任告知书' }),
});

export const assessmentSubmitSchema = z.object({
  report: assessmentReportSchema,
  files: assessmentFilesSchema,
  notice: assessmentNoticeSchema,
});
export type AssessmentSubmitInput = z.infer<typeof assessmentSubmitSchema>;
