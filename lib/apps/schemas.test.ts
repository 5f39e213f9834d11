import { describe, expect, it } from 'vitest';
import { appBasicSchema, type AppBasicInput } from './schemas';
import { miniProgramBasicSchema, type MiniProgramBasicInput } from '@/lib/mini-programs/schemas';

const app = (over: Partial<AppBasicInput> = {}): AppBasicInput => ({
  name: '京彩生活',
  iconFileId: 11,
  hasIcp: '是',
  icpNumber: '京ICP备12345678号-1A',
  platforms: [
    { platform: '安卓', packageName: 'cn.jingcai.life', signature: 'A4:0D:A8:0A:59:D1:70:CA:A9:50:CF:15:C1:8C:45:4D' },
    { platform: 'iOS', packageName: 'cn.jingcai.life', signature: '5e8f16062ea3cd2c4a0d547876baa6f38cabf625' },
  ],
  downloads: [{ store: '华为应用市场', url: 'https://appgallery.huawei.com/app/C100000001' }],
  domains: [{ domain: 'api.jingcai-life.cn' }],
  ipRanges: [{ start: '101.200.35.17', end: '101.200.35.17' }],
  accessScope: '境内',
  accessRegion: '110108',
  accessName: '阿里云计算有限公司',
  interactive: '否',
  controlled: '否',
  permitsNeeded: '否',
  languages: ['中文简体'],
  intro: '社区生活服务：物业报修、周边商户与活动报名。',
  screenshotFileIds: [21, 22, 23],
  userScale: '一万至十万',
  sdks: [{ name: '高德地图SDK', vendor: '高德软件有限公司', functionType: '地图定位' }],
  ...over,
});

const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('02 APP基本信息', () => {
  it('accepts a complete APP on two platforms', () => {
    expect(errors(appBasicSchema.safeParse(app()))).toEqual({});
  });

  it('asks for every column of a 第三方SDK row that was added', () => {
    expect(errors(appBasicSchema.safeParse(app({ sdks: [{ name: '', vendor: ' ', functionType: '' }] })))).toEqual({
      'sdks.0.name': '请填写SDK名称',
      'sdks.0.vendor': '请填写SDK服务商',
      'sdks.0.functionType': '请填写功能类型',
    });
  });

  it('puts each mistake on its field in Chinese', () => {
    const r = appBasicSchema.safeParse(
      app({
        iconFileId: null,
        icpNumber: '京ICP备12345678号-1',
        platforms: [
          { platform: '安卓', packageName: 'jingcai', signature: 'A4:0D' },
          { platform: '安卓', packageName: 'cn.jingcai.life', signature: 'a40da80a59d170caa950cf15c18c454d' },
          { platform: 'iOS', packageName: 'cn.jingcai.life', signature: 'a40da80a59d170caa950cf15c18c454d' },
        ],
        downloads: [{ store: '', url: 'ftp://example.com/a.apk' }],
        domains: [{ domain: '127.0.0.1' }],
        interactive: '是',
        screenshotFileIds: [21, 22],
      }),
    );
    expect(errors(r)).toEqual({
      iconFileId: '请上传APP图标',
      icpNumber: 'APP的工信部备案号格式应为 京ICP备12345678号-1A（以 A 结尾）',
      'platforms.0.packageName': '包名格式不正确，应为 com.example.app 形式（字母开头，以“.”分段）',
      'platforms.0.signature': '签名MD5应为32位十六进制字符（可带冒号分隔）',
      'platforms.1.platform': '运行平台“安卓”重复',
      'platforms.2.signature': '签名SHA-1应为40位十六进制字符（可带冒号分隔）',
      'downloads.0.store': '请填写应用市场名称',
      'downloads.0.url': '下载链接须以 http:// 或 https:// 开头',
      'domains.0.domain': expect.stringContaining('IP'),
      screenshotFileIds: '请上传3～5张APP运行截图',
      siteTypes: '请选择服务类型',
    });
  });

  it('needs a platform, a download channel and a language', () => {
    const e = errors(appBasicSchema.safeParse(app({ platforms: [], downloads: [], languages: [] })));
    expect(e).toMatchObject({ platforms: '请选择运行平台', downloads: '请填写下载渠道', languages: '请选择语种' });
  });
});

const mini = (over: Partial<MiniProgramBasicInput> = {}): MiniProgramBasicInput => ({
  name: '京彩生活小程序',
  iconFileId: 12,
  platform: '微信',
  appId: 'wx1234567890abcdef',
  hasIcp: '是',
  icpNumber: '京ICP备12345678号-2X',
  category: '生活服务 > 家政',
  intro: '预约家政与维修上门服务。',
  screenshotFileIds: [31, 32, 33, 34],
  userScale: '一万以下',
  interactive: '是',
  siteTypes: ['C'],
  controlled: '否',
  permitsNeeded: '否',
  languages: ['中文简体'],
  ...over,
});

describe('02 小程序基本信息', () => {
  it('accepts a complete 微信 小程序', () => {
    expect(errors(miniProgramBasicSchema.safeParse(mini()))).toEqual({});
  });

  it('checks the 小程序ID against its platform and the number ending in X', () => {
    expect(errors(miniProgramBasicSchema.safeParse(mini({ appId: 'tt07e3715e98c9aac0', icpNumber: '京ICP备12345678号-2A' })))).toEqual({
      appId: '小程序ID格式不正确：微信小程序ID应为wx 加 16 位十六进制字符，如 wx1234567890abcdef',
      icpNumber: '小程序的工信部备案号格式应为 京ICP备12345678号-1X（以 X 结尾）',
    });
    expect(errors(miniProgramBasicSchema.safeParse(mini({ platform: '抖音', appId: 'tt07e3715e98c9aac0' })))).toEqual({});
    expect(errors(miniProgramBasicSchema.safeParse(mini({ platform: '其他', appId: 'my-mini_01' })))).toEqual({ platformOther: '请填写平台名称' });
  });

  it('wants 3 to 5 screenshots and the 管制物品 proof', () => {
    // The field checks first; the cross-field ones once every field has its form (as for websites).
    const controlled: Partial<MiniProgramBasicInput> = { controlled: '是', controlledItems: [{ item: '管制器具', fileId: null }] };
    expect(errors(miniProgramBasicSchema.safeParse(mini({ screenshotFileIds: [1, 2, 3, 4, 5, 6], ...controlled })))).toEqual({ screenshotFileIds: '请上传3～5张运行截图' });
    expect(errors(miniProgramBasicSchema.safeParse(mini(controlled)))).toEqual({ 'controlledItems.0.fileId': '请上传管制器具的资质证明' });
  });
});
