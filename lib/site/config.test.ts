import { describe, it, expect } from 'vitest';
import { navFor, navNeedsCounts } from './config';

const labels = (entries: ReturnType<typeof navFor>) => entries.map((e) => ('menu' in e ? `${e.label}[${e.menu.map((l) => l.label).join(',')}]` : e.label));

describe('navFor (seed 004 header)', () => {
  it('an applicant without objects: 首页, 我的 (我的草稿, 我的申请, 我的主体, 我的网站, …), 业务办理, 系统通知', () => {
    expect(labels(navFor('applicant', null))).toEqual(['首页', '我的[我的草稿,我的申请,我的主体,我的网站,安全评估,数据码,未备案网站,网站认领,个人中心]', '业务办理', '系统通知']);
  });

  it('lists 我的服务商, 我的APP, 我的小程序, 我的应用市场 in 我的 only for the kinds the subject has, in the seed\'s order', () => {
    const my = navFor('applicant', { APP: 2, 服务商: 1, 小程序: 0 }).find((e) => 'menu' in e)!;
    expect('menu' in my && my.menu.map((l) => l.label).slice(3, 7)).toEqual(['我的网站', '我的服务商', '我的APP', '安全评估']);
    const all = navFor('applicant', { APP: 1, 小程序: 1, 应用市场: 1, 服务商: 1 }).find((e) => 'menu' in e)!;
    expect('menu' in all && all.menu.map((l) => l.label).slice(4, 8)).toEqual(['我的服务商', '我的APP', '我的小程序', '我的应用市场']);
  });

  it('other roles keep their flat links, and only the applicant\'s header counts objects', () => {
    expect(labels(navFor('reviewer', null))).toEqual(['审核工作台', '系统通知', '个人中心']);
    expect(labels(navFor('admin', null))).toEqual(['管理后台', '审核工作台', '系统通知', '个人中心']);
    expect(navNeedsCounts('applicant')).toBe(true);
    expect(navNeedsCounts('reviewer')).toBe(false);
  });
});
