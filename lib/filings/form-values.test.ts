import { describe, expect, it } from 'vitest';
import { appObject } from '@/lib/objects/app';
import { miniProgramObject } from '@/lib/objects/mini-program';
import { appBasicSchema } from '@/lib/apps/schemas';
import { miniProgramBasicSchema } from '@/lib/mini-programs/schemas';
import { platformRows } from '@/lib/apps/form-values';
import { emptyFilingValues, filingDraftPayload, filingFileIds, filingFormPath, filingValuesFromStored, restoreFilingDraft, toFilingInput, type FilingWizardValues } from './form-values';
import type { AppFormBasic } from '@/lib/apps/form-values';
import type { MiniProgramFormBasic } from '@/lib/mini-programs/form-values';
import { LONG_TERM } from '@/lib/subjects/rules';

const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

/** An APP as a person fills the wizard: two platforms, 3 of 4 screenshot slots used, one SDK. */
function filledApp(): FilingWizardValues<AppFormBasic> {
  const v = emptyFilingValues('APP') as FilingWizardValues<AppFormBasic>;
  Object.assign(v.basic, {
    name: '京彩生活',
    iconFileId: 11,
    hasIcp: '是',
    icpNumber: '京ICP备12345678号-1A',
    platforms: [
      { platform: '安卓', packageName: 'cn.jingcai.life', signature: 'A4:0D:A8:0A:59:D1:70:CA:A9:50:CF:15:C1:8C:45:4D', publicKey: '' },
      { platform: 'iOS', packageName: 'cn.jingcai.life', signature: '5e8f16062ea3cd2c4a0d547876baa6f38cabf625', publicKey: '' },
    ],
    downloads: [{ store: '华为应用市场', url: 'https://appgallery.huawei.com/app/C100000001' }],
    accessRegion: '110108',
    accessName: '阿里云计算有限公司',
    interactive: '否',
    controlled: '否',
    permitsNeeded: '否',
    languages: ['中文简体'],
    intro: '社区生活服务。',
    screenshots: [{ fileId: 21 }, { fileId: null }, { fileId: 22 }, { fileId: 23 }],
    userScale: '一万至十万',
    sdks: [{ name: '高德地图SDK', vendor: '高德软件有限公司', functionType: '地图定位' }],
  });
  v.contacts.securityOwner.mode = '同主体负责人信息';
  v.contacts.emergencyContact = {
    ...v.contacts.emergencyContact,
    name: '王芳',
    idNumber: '11010519491231002X',
    idExpiry: LONG_TERM,
    phone: '13800000007',
    email: 'wf@example.com',
    frontFileId: 31,
    backFileId: 32,
    handheldFileId: 33,
  };
  v.notice.agree = true;
  return v;
}

describe('APP wizard values', () => {
  it('an empty form asks for every required field of 02 APP基本信息 on its own field', () => {
    const r = appBasicSchema.safeParse(toFilingInput('APP', emptyFilingValues('APP')).basic);
    expect(errors(r)).toMatchObject({
      name: '请填写APP名称',
      iconFileId: '请上传APP图标',
      platforms: '请选择运行平台',
      'downloads.0.store': '请填写应用市场名称',
      intro: '请填写APP功能介绍',
      screenshotFileIds: '请上传3～5张APP运行截图',
      userScale: '请选择当前用户量',
      languages: '请选择语种',
    });
  });

  it('a filled form is what the server accepts; empty screenshot slots are not sent', () => {
    const input = toFilingInput('APP', filledApp());
    expect(errors(appObject.schema.safeParse(input))).toEqual({});
    expect((input.basic as { screenshotFileIds: number[] }).screenshotFileIds).toEqual([21, 22, 23]);
  });

  it('ticking a platform adds its row, unticking and ticking again keeps what was typed', () => {
    const rows = platformRows(['iOS', '安卓'], [{ platform: 'iOS', packageName: 'cn.a.b', signature: 'x', publicKey: '' }]);
    expect(rows.map((r) => [r.platform, r.packageName])).toEqual([
      ['安卓', ''],
      ['iOS', 'cn.a.b'],
    ]);
  });

  it('a draft keeps 02 and drops the 负责人 证件号码 and 手机号码', () => {
    const payload = filingDraftPayload(filledApp(), 3);
    const restored = restoreFilingDraft('APP', { id: 7, savedAt: 1, data: JSON.parse(JSON.stringify(payload)) });
    expect(restored.step).toBe(3);
    expect(restored.values.basic).toEqual(filledApp().basic);
    expect(restored.values.contacts.emergencyContact).toMatchObject({ name: '王芳', idNumber: '', phone: '', email: 'wf@example.com' });
    expect(restored.values.notice.agree).toBe(false);
    expect(filingFileIds('APP', restored.values).sort()).toEqual([11, 21, 22, 23, 31, 32, 33]);
  });

  it('a stored APP opens in the change wizard and is submitted unchanged', () => {
    const stored = appBasicSchema.parse(toFilingInput('APP', filledApp()).basic);
    const values = filingValuesFromStored({ kind: 'APP', basic: stored, contacts: { securityOwner: { mode: '同主体负责人信息' }, emergencyContact: { mode: '同主体负责人信息' } } });
    expect(appBasicSchema.parse(toFilingInput('APP', values).basic)).toEqual(stored);
  });

  it('server error paths land on the field showing them', () => {
    expect(filingFormPath('APP', 'data.basic.screenshotFileIds.1')).toBe('basic.screenshots.root');
    expect(filingFormPath('APP', 'basic.platforms.1.packageName')).toBe('basic.platforms.1.packageName');
    expect(filingFormPath('APP', 'basic.platforms')).toBe('basic.platforms.root');
    expect(filingFormPath('APP', 'contacts.securityOwner.phone')).toBe('contacts.securityOwner.phone');
    expect(filingFormPath('APP', 'subjectId')).toBeNull();
  });
});

describe('小程序 wizard values', () => {
  it('a filled 微信小程序 is accepted; a wrong 小程序ID is refused on its field', () => {
    const v = emptyFilingValues('小程序') as FilingWizardValues<MiniProgramFormBasic>;
    Object.assign(v.basic, {
      name: '京彩预约',
      iconFileId: 5,
      platform: '微信',
      appId: 'wx1234567890abcdef',
      hasIcp: '否',
      category: '生活服务',
      intro: '预约。',
      screenshots: [{ fileId: 1 }, { fileId: 2 }, { fileId: 3 }],
      userScale: '一万以下',
      interactive: '否',
      controlled: '否',
      permitsNeeded: '否',
      languages: ['中文简体'],
    });
    v.contacts.securityOwner.mode = '同主体负责人信息';
    v.contacts.emergencyContact.mode = '同主体负责人信息';
    v.notice.agree = true;
    expect(errors(miniProgramObject.schema.safeParse(toFilingInput('小程序', v)))).toEqual({});
    v.basic.appId = 'wx123';
    expect(errors(miniProgramBasicSchema.safeParse(toFilingInput('小程序', v).basic))).toEqual({
      appId: '小程序ID格式不正确：微信小程序ID应为wx 加 16 位十六进制字符，如 wx1234567890abcdef',
    });
  });
});
