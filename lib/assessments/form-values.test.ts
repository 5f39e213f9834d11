import { describe, it, expect } from 'vitest';
import { assessmentReportSchema, assessmentSubmitSchema } from './schemas';
import {
  draftPayload,
  emptyAssessmentValues,
  formPathOf,
  keepSelectableTarget,
  stepOfPath,
  toAssessmentValues,
  toReportInput,
  toSubmitInput,
  type AssessableFilingOption,
  type AssessableWebsiteOption,
} from '@/lib/assessments/form-values';

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

  it('类型 APP / 小程序 sends and checks filingId, never websiteId', () => {
    const v = emptyAssessmentValues(null, { type: 'APP', id: 9 });
    expect(v.report).toMatchObject({ targetType: 'APP', websiteId: '', filingId: '9' });
    v.report.situation = '已完成';
    v.report.methods = ['自行评估'];
    expect(toReportInput(v)).toEqual({ targetType: 'APP', filingId: '9', situation: '已完成', methods: ['自行评估'], methodOther: '' });
    expect(assessmentReportSchema.parse(toReportInput(v))).toMatchObject({ targetType: 'APP', filingId: 9 });

    // No APP chosen: the error is on the APP select (report.filingId), a website id does not count.
    const none = { ...v, report: { ...v.report, targetType: '小程序' as const, websiteId: '12', filingId: '' } };
    expect(toReportInput(none)).not.toHaveProperty('websiteId');
    const r = assessmentReportSchema.safeParse(toReportInput(none));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [formPathOf(`report.${i.path.join('.')}`), i.message])).toEqual([['report.filingId', '请选择评估对象']]);
    expect(formPathOf('data.report.filingId')).toBe('report.filingId');

    // An unknown 类型 is the schema's own error.
    expect(assessmentReportSchema.safeParse({ ...toReportInput(v), targetType: '服务商' }).error!.issues[0]).toMatchObject({ path: ['targetType'], message: '请选择评估对象类型' });
  });

  it('drafts keep an APP’s or 小程序’s filingId; 评估对象 that cannot be chosen is left unchosen', () => {
    const v = emptyAssessmentValues(null, { type: '小程序', id: 4 });
    expect(toAssessmentValues(draftPayload(v, 1)).report).toEqual({ targetType: '小程序', websiteId: '', filingId: '4', situation: '', methods: [], methodOther: '' });
    expect(toAssessmentValues({ report: { targetType: 'APP', websiteId: 3, filingId: 'x' } }).report).toMatchObject({ targetType: 'APP', websiteId: '', filingId: '' });
    expect(toAssessmentValues({ report: { targetType: '服务商', websiteId: 3 } }).report).toMatchObject({ targetType: '网站', websiteId: '3' });

    const site = (id: number, pending = false): AssessableWebsiteOption => ({ id, name: '网站', domain: null, status: '待审核', interactive: true, filingNumber: null, pending, approved: false });
    const filing = (id: number, kind: 'APP' | '小程序', pending = false): AssessableFilingOption => ({
      id,
      kind,
      name: kind,
      ident: '',
      identLabel: '',
      platform: '',
      platformLabel: '',
      status: '待审核',
      interactive: true,
      filingNumber: null,
      pending,
      approved: false,
    });
    const websites = [site(3), site(5, true)];
    const filings = [filing(4, '小程序'), filing(6, 'APP', true)];
    expect(keepSelectableTarget(v, websites, filings)).toBe(v);
    // Of another 类型, under review or not offered at all.
    expect(keepSelectableTarget(emptyAssessmentValues(null, { type: 'APP', id: 4 }), websites, filings).report.filingId).toBe('');
    expect(keepSelectableTarget(emptyAssessmentValues(null, { type: 'APP', id: 6 }), websites, filings).report.filingId).toBe('');
    expect(keepSelectableTarget(emptyAssessmentValues(3), websites, filings).report.websiteId).toBe('3');
    expect(keepSelectableTarget(emptyAssessmentValues(5), websites, filings).report.websiteId).toBe('');
    expect(keepSelectableTarget(emptyAssessmentValues(4), websites, filings).report.websiteId).toBe('');
  });
});
