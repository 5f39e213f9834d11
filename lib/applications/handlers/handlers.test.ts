import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPES } from '@/db/schema';
import { isBusinessApplication as ruleIsBusiness } from '@/lib/applications/rules';
import { OBJECT_TYPES, objectTypeOf, objectTypeOfFilingDigits } from '@/lib/objects';
import { HANDLERS, handlerOf, isBusinessApplication } from './index';

describe('business-type handler registry', () => {
  it('has a handler for every business type, under its own key', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...BUSINESS_TYPES].sort());
    for (const type of BUSINESS_TYPES) {
      expect(handlerOf(type), type).toBeDefined();
      expect(handlerOf(type).type).toBe(type);
      expect(handlerOf(type).describe.title).toBe(`${type}申请`);
    }
  });

  it('tells business applications of a subject from the applications about the subject itself', () => {
    for (const type of BUSINESS_TYPES) expect(isBusinessApplication(type), type).toBe(ruleIsBusiness(type));
    expect(BUSINESS_TYPES.filter((t) => !isBusinessApplication(t))).toEqual(['新增主体', '变更主体', '注销主体']);
  });

  it('names an object of the registry (or the subject / an assessment) for every type', () => {
    for (const type of BUSINESS_TYPES) {
      const o = handlerOf(type).object;
      expect(o === 'subject' || o === 'assessment' || o in OBJECT_TYPES, type).toBe(true);
    }
  });

  it('reviews 网站认领 like a 新办网站 (its approval is tested in lib/claims/claims.test.ts)', () => {
    const h = handlerOf('网站认领');
    expect(h.reviewable).toBe(true);
    expect(h.describe.fieldLabels).toEqual(handlerOf('新办网站').describe.fieldLabels);
  });

  it('gives a 公安备案号 on 通过 only for the types that file a new object', () => {
    expect(BUSINESS_TYPES.filter((t) => handlerOf(t).filesObject)).toEqual(['新办网站', '网站认领', '新增APP', '新增小程序', '新增应用市场', '新增服务商']);
  });

  it('opens a filing object’s drafts in its own pages (我的草稿 links)', () => {
    const links = (['APP', '小程序', '应用市场', '服务商'] as const).map((kind) => {
      const base = OBJECT_TYPES[kind].routeBase;
      const t = (verb: string) => `${verb}${kind}` as (typeof BUSINESS_TYPES)[number];
      return [handlerOf(t('新增')).describe.draftHref(7, null, null), handlerOf(t('变更')).describe.draftHref(7, null, 3), handlerOf(t('注销')).describe.draftHref(7, null, 3), base];
    });
    expect(links).toEqual([
      ['/my/apps/new?draft=7', '/my/apps/3/change?draft=7', '/my/apps/cancel?draft=7', '/my/apps'],
      ['/my/mini-programs/new?draft=7', '/my/mini-programs/3/change?draft=7', '/my/mini-programs/cancel?draft=7', '/my/mini-programs'],
      ['/my/app-stores/new?draft=7', '/my/app-stores/3/change?draft=7', '/my/app-stores/cancel?draft=7', '/my/app-stores'],
      ['/my/providers/new?draft=7', '/my/providers/3/change?draft=7', '/my/providers/cancel?draft=7', '/my/providers'],
    ]);
  });

  it('reads the queue columns of a submitted website from its payload', () => {
    const payload = { website: { basic: { name: '张伟摄影作品集', domains: [{ domain: 'a.cn', primary: false }, { domain: 'www.b.cn', primary: true }] } } };
    expect(handlerOf('新办网站').describe.queueColumns(payload as never)).toEqual({ name: '张伟摄影作品集', domain: 'www.b.cn' });
    expect(handlerOf('新增主体').describe.queueColumns(payload as never)).toEqual({ name: null, domain: null });
  });
});

describe('object-type registry', () => {
  it('has 网站 with its key, route, number mark and wizard steps', () => {
    const w = objectTypeOf('网站');
    expect(w.key).toBe('网站');
    expect(w.routeBase).toBe('/my/websites');
    expect(w.filingMark).toBe('02');
    expect(w.steps.map((s) => s.title)).toEqual(['开办主体', '网站基本信息', '网站负责人', '提示说明']);
    expect(w.fieldLabels['basic.name']).toBe('网站名称');
  });

  it('finds the object type of a 公安备案号 by its mark', () => {
    expect(objectTypeOfFilingDigits('11010502013462')?.key).toBe('网站');
    expect(objectTypeOfFilingDigits('11010503000001')?.key).toBe('APP');
    expect(objectTypeOfFilingDigits('11010504000001')?.key).toBe('小程序');
    expect(objectTypeOfFilingDigits('11010599013462')).toBeNull();
  });

  it('has APP and 小程序 with their routes, marks and four steps (SPEC §15.1, §15.2)', () => {
    const app = objectTypeOf('APP');
    expect(app.routeBase).toBe('/my/apps');
    expect(app.filingMark).toBe('03');
    expect(app.steps.map((s) => s.title)).toEqual(['开办主体', 'APP基本信息', 'APP负责人', '提示说明']);
    expect(app.fieldLabels['basic.platforms']).toBe('运行平台');
    const mini = objectTypeOf('小程序');
    expect(mini.routeBase).toBe('/my/mini-programs');
    expect(mini.filingMark).toBe('04');
    expect(mini.steps.map((s) => s.title)).toEqual(['开办主体', '小程序基本信息', '小程序负责人', '提示说明']);
    // Every object type has its own mark.
    const marks = Object.values(OBJECT_TYPES).map((o) => o.filingMark);
    expect(new Set(marks).size).toBe(marks.length);
  });

  it('checks an APP name with the rules about names only', () => {
    const app = objectTypeOf('APP');
    const ctx = { subject: { nature: '个人' as const }, permits: [], interactive: false };
    expect(app.checkName({ ...ctx, name: '中国生活' }).map((v) => v.field)).toEqual(['name']);
    expect(app.checkName({ ...ctx, name: '京彩生活' })).toEqual([]);
    // The bbs-domain rule is about domains: an APP has none to check.
    expect(app.checkName({ ...ctx, name: 'bbs 生活圈', interactive: false }).every((v) => v.field === 'name')).toBe(true);
  });

  it('checks a website name with the naming rules', () => {
    const w = objectTypeOf('网站');
    expect(w.checkName({ name: '中国摄影网', domains: [], subject: { nature: '个人' }, permits: [], interactive: false }).length).toBeGreaterThan(0);
    expect(w.checkName({ name: '张伟摄影作品集', domains: [], subject: { nature: '个人' }, permits: [], interactive: false })).toEqual([]);
  });
});
