import { describe, it, expect } from 'vitest';
import { assessmentReportSchema, assessmentSubmitSchema } from './schemas';
import { draftPayload, emptyAssessmentValues, formPathOf, stepOfPath, toAssessmentValues, toReportInput, toSubmitInput } from '@/lib/assessments/form-values';

describe('发起安全评估 form values', () => {
  it('an empty form fails on the fields of steps 1, 2 and 4, with the schema’s messages', () => {
    const r = assessmentSubmitSchema.safeParse(toSubmitInput(emptyAssessmentValues()));
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [formPathOf(i.path.join('.')), i.message]));
    expect(byPath).toMatchObject({
      'report.websiteId': '请选择评估对象',
      'report.situation': '请填写开展评估情况',
      'report.methods': '请至少选择一种评估方法',
      'files.sealedReportFileId': '请上传自评估报告盖章件',
      'notice.agree': '请阅读并同意网络安全责任告知书',
    });
    expect(stepOfPath('files.sealedReportFileId')).toBe(2);
    expect(stepOfPath('files.thirdPartyReportFileId')).toBe(3);
    expect(formPathOf('data.report.methods.0')).toBe('report.methods');
    expect(formPathOf('data.report.websiteId')).toBe('report.websiteId');
    expect(formPathOf('_form')).toBeNull();
  });

  it('a filled form passes; 其他评估方法 is sent only with 其他', () => {
    const v = emptyAssessmentValues(12);
    v.report.situation = '已完成';
    v.report.methods = ['代码审计'];
    v.report.methodOther = '不应发送';
    v.files.sealedReportFileId = 5;
    v.notice.agree = true;
    expect(toReportInput(v).methodOther).toBe('');
    expect(assessmentReportSchema.parse(toReportInput(v))).toMatchObject({ websiteId: 12, methods: ['代码审计'] });
    expect(assessmentSubmitSchema.parse(toSubmitInput(v)).files).toEqual({ sealedReportFileId: 5, thirdPartyReportFileId: null });
  });

  it('drafts keep the form without 我已阅读并同意; anything else in a draft is dropped or emptied', () => {
    const v = emptyAssessmentValues(3);
    v.report.methods = ['自行评估'];
    v.notice.agree = true;
    expect(draftPayload(v, 2)).toEqual({ report: v.report, files: v.files, step: 2 });
    expect(
      toAssessmentValues({
        report: { websiteId: '0x1', situation: 42, methods: ['其他', '胡乱', '自行评估'], methodOther: 'x'.repeat(300), extra: 1 },
        files: { sealedReportFileId: -1, thirdPartyReportFileId: 7 },
        notice: { agree: true },
      }),
    ).toEqual({
      report: { targetType: '网站', websiteId: '', situation: '', methods: ['自行评估', '其他'], methodOther: 'x'.repeat(100) },
      files: { sealedReportFileId: null, thirdPartyReportFileId: 7 },
      notice: { agree: false },
    });
  });
});
