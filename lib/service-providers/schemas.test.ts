import { describe, expect, it } from 'vitest';
import { directoryKinds, serviceProviderBasicSchema, type ServiceProviderBasicInput } from './schemas';
import { appStoreBasicSchema, type AppStoreBasicInput } from '@/lib/app-stores/schemas';

const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const provider = (over: Partial<ServiceProviderBasicInput> = {}): ServiceProviderBasicInput => ({
  name: '北京云帆数据科技有限公司',
  serviceTypes: ['云服务', '内容分发网络(CDN)'],
  licenceNumber: '京B2-20201234',
  licenceFileId: 9,
  regions: ['110000', '120000'],
  rooms: [{ name: '亦庄一号机房', address: '北京市大兴区经海路1号', start: '101.200.0.0', end: '101.200.255.255' }],
  ...over,
});

describe('02 服务商基本信息', () => {
  it('accepts a cloud provider with a 机房 of public addresses', () => {
    expect(errors(serviceProviderBasicSchema.safeParse(provider()))).toEqual({});
    expect(serviceProviderBasicSchema.parse(provider({ licenceNumber: ' 京ｂ２－20201234' })).licenceNumber).toBe('京B2-20201234');
  });

  it('puts each mistake on its field in Chinese', () => {
    const r = serviceProviderBasicSchema.safeParse(
      provider({
        serviceTypes: [],
        licenceNumber: 'B2-2020123',
        licenceFileId: null,
        regions: ['110100'],
        rooms: [
          { name: '', address: '', start: '192.168.0.1', end: '192.168.0.255' },
          { name: '二号机房', address: '天津', start: '8.8.8.8', end: '8.8.4.4' },
        ],
      }),
    );
    expect(errors(r)).toEqual({
      serviceTypes: '请选择服务类型',
      licenceNumber: '增值电信业务经营许可证编号格式不正确，如 B1-20180001 或 京B2-20201234',
      licenceFileId: '请上传许可证扫描件',
      'regions.0': '请选择服务地区',
      'rooms.0.name': '请填写机房名称',
      'rooms.0.address': '请填写机房地址',
      'rooms.0.start': expect.stringContaining('公网'),
      'rooms.1.end': expect.any(String),
    });
  });

  it('no 服务地区 and a repeated one are refused', () => {
    expect(errors(serviceProviderBasicSchema.safeParse(provider({ regions: [] })))).toEqual({ regions: '请选择服务地区' });
    expect(errors(serviceProviderBasicSchema.safeParse(provider({ regions: ['110000', '110000'] })))).toEqual({ regions: '服务地区重复' });
  });

  it('服务类型 decide the look-ups the provider appears in', () => {
    expect(directoryKinds(['网络接入服务'])).toEqual(['接入服务商']);
    expect(directoryKinds(['互联网数据中心(IDC)', '域名注册服务'])).toEqual(['接入服务商', '域名注册服务商']);
    expect(directoryKinds(['域名注册服务'])).toEqual(['域名注册服务商']);
    expect(directoryKinds(['其他'])).toEqual([]);
  });
});

const store = (over: Partial<AppStoreBasicInput> = {}): AppStoreBasicInput => ({
  name: '京彩应用商店',
  domains: [{ domain: 'www.jingcai-store.cn', primary: true }],
  domainCertificates: { 'jingcai-store.cn': 4 },
  ipRanges: [{ start: '39.96.10.30', end: '39.96.10.30' }],
  accessScope: '境内',
  accessRegion: '110108',
  accessName: '阿里云计算有限公司',
  appCount: '1200',
  reviewMechanism: '上架前核验APP的公安联网备案编号与工信部备案号，人工复核。',
  interactive: '是',
  siteTypes: ['G'],
  controlled: '否',
  permitsNeeded: '否',
  languages: ['中文简体'],
  ...over,
});

describe('02 应用市场基本信息', () => {
  it('accepts a store with its 网址 and certificate', () => {
    expect(errors(appStoreBasicSchema.safeParse(store()))).toEqual({});
  });

  it('asks for 网址, certificates, servers, a whole 上架应用数量 and the mechanism', () => {
    expect(errors(appStoreBasicSchema.safeParse(store({ domains: [], ipRanges: [], appCount: '12.5', reviewMechanism: '' })))).toEqual({
      domains: '请至少填写一个网址',
      'ipRanges.0.start': expect.any(String),
      appCount: '上架应用数量须为整数',
      reviewMechanism: '请填写应用上架审核机制',
    });
    expect(errors(appStoreBasicSchema.safeParse(store({ domainCertificates: {} })))).toEqual({ 'domainCertificates.jingcai-store.cn': '请上传域名证书：jingcai-store.cn' });
    expect(errors(appStoreBasicSchema.safeParse(store({ appCount: '' })))).toEqual({ appCount: '请填写上架应用数量' });
  });
});
