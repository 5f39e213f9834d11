import { describe, it, expect, beforeAll } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, providerDirectory } from '@/db/schema';
import { makeApplicant } from '@/lib/test/fixtures';
import { AppError } from '@/lib/errors';
import {
  createProvider,
  updateProvider,
  deleteProvider,
  listProviders,
  importProvidersCsv,
  parseCsv,
  searchProviders,
  providerInputSchema,
  ProviderImportError,
} from './service';

let actorId: number;
beforeAll(async () => {
  // Any user id does for the audit trail; the permission check lives in the action.
  actorId = (await makeApplicant('管理员')).id;
});

const db = () => getDb();
const count = () => db().select().from(providerDirectory).all().length;
const auditsFor = (id: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'provider_directory'), eq(auditLog.objectId, String(id))))
    .all();

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

function importErrors(text: string): string[] {
  const e = errorOf(() => importProvidersCsv(text, actorId));
  expect(e).toBeInstanceOf(ProviderImportError);
  return (e as ProviderImportError).errors;
}

describe('providerInputSchema', () => {
  it('accepts 境内 with a code of any level and 境外 without one', () => {
    for (const regionCode of ['110000', '330100', '330106']) {
      expect(providerInputSchema.safeParse({ kind: '接入服务商', name: '某云', scope: '境内', regionCode }).success).toBe(true);
    }
    expect(providerInputSchema.parse({ kind: '域名注册服务商', name: 'GoDaddy', scope: '境外', regionCode: '' })).toEqual({
      kind: '域名注册服务商',
      name: 'GoDaddy',
      scope: '境外',
      regionCode: null,
    });
  });

  it('refuses bad names, unknown codes, a missing 境内 region and a 境外 region', () => {
    const issues = (v: object) => {
      const r = providerInputSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(issues({ kind: '接入服务商', name: ' 云 ', scope: '境外' })).toEqual(['name:名称应为2至100个字符']);
    expect(issues({ kind: '接入服务商', name: '云'.repeat(101), scope: '境外' })).toEqual(['name:名称应为2至100个字符']);
    expect(issues({ kind: '接入服务商', name: '某云\u0000计算', scope: '境外' })).toEqual(['name:名称不能包含控制字符']);
    expect(issues({ kind: '接入服务商', name: '某云\u202E算计', scope: '境外' })).toEqual(['name:名称不能包含改变文字方向的控制字符']);
    expect(issues({ kind: '服务商', name: '某云', scope: '境外' })).toEqual(['kind:类型应为“接入服务商”或“域名注册服务商”']);
    expect(issues({ kind: '接入服务商', name: '某云', scope: '海外' })).toEqual(['scope:管辖应为“境内”或“境外”']);
    expect(issues({ kind: '接入服务商', name: '某云', scope: '境内' })).toEqual(['regionCode:境内服务商须填写所属地区']);
    expect(issues({ kind: '接入服务商', name: '某云', scope: '境内', regionCode: '999999' })).toEqual(['regionCode:所属地区代码“999999”无效，应为6位行政区划代码']);
    expect(issues({ kind: '接入服务商', name: '某云', scope: '境内', regionCode: '11' })).toEqual(['regionCode:所属地区代码“11”无效，应为6位行政区划代码']);
    expect(issues({ kind: '接入服务商', name: '某云', scope: '境外', regionCode: '110105' })).toEqual(['regionCode:境外服务商不填写所属地区']);
  });
});

describe('create / update / delete', () => {
  it('creates, edits and deletes an entry, each with an audit row', () => {
    const p = createProvider({ kind: '接入服务商', name: '  北京测试云计算有限公司 ', scope: '境内', regionCode: '110105' }, actorId);
    expect(p).toMatchObject({ kind: '接入服务商', name: '北京测试云计算有限公司', scope: '境内', regionCode: '110105' });

    const q = updateProvider(p.id, { kind: '接入服务商', name: 'Test Cloud Ltd.', scope: '境外', regionCode: '' }, actorId);
    expect(q).toMatchObject({ id: p.id, name: 'Test Cloud Ltd.', scope: '境外', regionCode: null });

    deleteProvider(p.id, actorId);
    expect(db().select().from(providerDirectory).where(eq(providerDirectory.id, p.id)).get()).toBeUndefined();

    const audits = auditsFor(p.id);
    expect(audits.map((a) => a.action)).toEqual(['provider.create', 'provider.update', 'provider.delete']);
    expect(audits.every((a) => a.actorId === actorId)).toBe(true);
    expect(audits[1].before).toMatchObject({ name: '北京测试云计算有限公司', regionCode: '110105' });
    expect(audits[1].after).toMatchObject({ name: 'Test Cloud Ltd.', scope: '境外', regionCode: null });
    expect(audits[2].before).toMatchObject({ name: 'Test Cloud Ltd.' });
  });

  it('refuses invalid input with field errors and writes nothing', () => {
    const before = count();
    const e = errorOf(() => createProvider({ kind: '接入服务商', name: '某', scope: '境内', regionCode: '' }, actorId));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors).toEqual({ name: '名称应为2至100个字符', regionCode: '境内服务商须填写所属地区' });
    expect(count()).toBe(before);

    const p = createProvider({ kind: '域名注册服务商', name: '杭州测试域名有限公司', scope: '境内', regionCode: '330106' }, actorId);
    const u = errorOf(() => updateProvider(p.id, { kind: '域名注册服务商', name: '杭州测试域名有限公司', scope: '境外', regionCode: '330106' }, actorId));
    expect(u.fieldErrors).toEqual({ regionCode: '境外服务商不填写所属地区' });
    expect(auditsFor(p.id).map((a) => a.action)).toEqual(['provider.create']);
  });

  it('refuses a duplicate (same 类型, 名称, 地区) on create and update', () => {
    const a = createProvider({ kind: '接入服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310101' }, actorId);
    expect(errorOf(() => createProvider({ kind: '接入服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310101' }, actorId)).code).toBe('conflict');
    // Another region or another kind is a different entry.
    const b = createProvider({ kind: '接入服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310104' }, actorId);
    createProvider({ kind: '域名注册服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310101' }, actorId);
    expect(errorOf(() => updateProvider(b.id, { kind: '接入服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310101' }, actorId)).code).toBe('conflict');
    // Saving an entry unchanged is not a duplicate of itself.
    expect(updateProvider(a.id, { kind: '接入服务商', name: '重复测试有限公司', scope: '境内', regionCode: '310101' }, actorId).id).toBe(a.id);
  });

  it('reports a missing entry on update and delete', () => {
    expect(errorOf(() => deleteProvider(999_999, actorId)).code).toBe('not_found');
    expect(errorOf(() => updateProvider(999_999, { kind: '接入服务商', name: '某某云', scope: '境外' }, actorId)).code).toBe('not_found');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",\r\n"multi\nline",,"z"\n\n"",last';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 3, fields: ['multi\nline', '', 'z'] },
      { line: 5, fields: [''] },
      { line: 6, fields: ['', 'last'] },
    ]);
  });

  it('refuses an unterminated quote and text after a closing quote', () => {
    expect(errorOf(() => parseCsv('a,b\n"open,c\n')).message).toBe('第2行：引号未闭合');
    expect(errorOf(() => parseCsv('a,b\n"x"y,c\n')).message).toBe('第2行：引号后只能是逗号或换行');
  });
});

describe('importProvidersCsv', () => {
  it('imports a UTF-8 file with a BOM and quoted fields', () => {
    const before = count();
    const csv = [
      '\uFEFF类型,名称,管辖,地区代码',
      '接入服务商,导入测试云（北京）有限公司,境内,110108',
      '"域名注册服务商","Example Registrar, Inc.",境外,',
      '接入服务商,"导入""引号""科技有限公司",境内,440300',
      '',
    ].join('\r\n');
    expect(importProvidersCsv(csv, actorId)).toEqual({ imported: 3, skipped: 0 });
    expect(count()).toBe(before + 3);
    const names = db().select({ name: providerDirectory.name, regionCode: providerDirectory.regionCode }).from(providerDirectory).all();
    expect(names).toContainEqual({ name: 'Example Registrar, Inc.', regionCode: null });
    expect(names).toContainEqual({ name: '导入"引号"科技有限公司', regionCode: '440300' });
    const audit = db().select().from(auditLog).where(eq(auditLog.action, 'provider.import')).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ actorId, objectType: 'provider_directory', after: { imported: 3, skipped: 0 } });
  });

  it('imports nothing when one row is bad, and says which line', () => {
    const before = count();
    const audits = db().select().from(auditLog).all().length;
    const csv = '类型,名称,管辖,地区代码\n接入服务商,全有全无测试甲公司,境内,110105\n接入服务商,全有全无测试乙公司,境内,123456\n域名注册服务商,全有全无测试丙公司,境外,\n';
    expect(importErrors(csv)).toEqual(['第3行：所属地区代码“123456”无效，应为6位行政区划代码']);
    expect(count()).toBe(before);
    expect(db().select().from(auditLog).all().length).toBe(audits);
  });

  it('lists every bad row', () => {
    const csv = ['类型,名称,管辖,地区代码', '服务商,某某公司,境内,110105', '接入服务商,某,境外,110105', '接入服务商,某某公司,境内', '接入服务商,某某公司,境内,'].join('\n');
    expect(importErrors(csv)).toEqual([
      '第2行：类型应为“接入服务商”或“域名注册服务商”',
      '第3行：名称应为2至100个字符',
      '第3行：境外服务商不填写所属地区',
      '第4行：应有4列，实际为3列',
      '第5行：境内服务商须填写所属地区',
    ]);
  });

  it('refuses a wrong header, an empty file and a broken quote', () => {
    expect(importErrors('名称,类型,管辖,地区代码\n接入服务商,某某公司,境外,\n')).toEqual(['第1行：表头应为“类型,名称,管辖,地区代码”']);
    expect(importErrors('')).toEqual(['文件为空']);
    expect(importErrors('类型,名称,管辖,地区代码\r\n')).toEqual(['文件中没有数据行']);
    expect(importErrors('类型,名称,管辖,地区代码\n接入服务商,"某某公司,境外,\n')).toEqual(['第2行：引号未闭合']);
  });

  it('skips rows already in the directory or repeated in the file', () => {
    createProvider({ kind: '接入服务商', name: '去重测试有限公司', scope: '境内', regionCode: '320102' }, actorId);
    const before = count();
    const csv = [
      '类型,名称,管辖,地区代码',
      '接入服务商,去重测试有限公司,境内,320102',
      '接入服务商,去重测试有限公司,境内,320104',
      '接入服务商, 去重测试有限公司 ,境内,320104',
      '域名注册服务商,去重测试有限公司,境内,320102',
      '接入服务商,Dedup Test Ltd.,境外,',
      '接入服务商,Dedup Test Ltd.,境外,',
    ].join('\n');
    expect(importProvidersCsv(csv, actorId)).toEqual({ imported: 3, skipped: 3 });
    expect(count()).toBe(before + 3);
    expect(importProvidersCsv(csv, actorId)).toEqual({ imported: 0, skipped: 6 });
    expect(count()).toBe(before + 3);
  });
});

describe('listProviders', () => {
  it('filters by 类型, 管辖 and 名称, newest first, 20 a page', () => {
    const rows = Array.from({ length: 22 }, (_, i) => `接入服务商,分页测试${String(i + 1).padStart(2, '0')}有限公司,境外,`);
    importProvidersCsv(['类型,名称,管辖,地区代码', ...rows].join('\n'), actorId);
    const p1 = listProviders({ name: '分页测试', page: 1 });
    expect(p1).toMatchObject({ total: 22, page: 1, pageSize: 20 });
    expect(p1.rows).toHaveLength(20);
    expect(p1.rows[0].name).toBe('分页测试22有限公司');
    expect(listProviders({ name: '分页测试', page: 2 }).rows.map((r) => r.name)).toEqual(['分页测试02有限公司', '分页测试01有限公司']);
    expect(listProviders({ name: '分页测试', scope: '境内' }).total).toBe(0);
    expect(listProviders({ name: '分页测试', kind: '域名注册服务商' }).total).toBe(0);
    // % and _ are literal characters in the name filter.
    expect(listProviders({ name: '%' }).total).toBe(0);
    const newest = createProvider({ kind: '域名注册服务商', name: '最新的服务商', scope: '境外' }, actorId);
    expect(listProviders().rows[0].id).toBe(newest.id);
  });
});

describe('searchProviders', () => {
  beforeAll(() => {
    importProvidersCsv(
      [
        '类型,名称,管辖,地区代码',
        '接入服务商,检索测试西湖云有限公司,境内,330106',
        '接入服务商,检索测试杭州云有限公司,境内,330100',
        '接入服务商,检索测试宁波云有限公司,境内,330203',
        '域名注册服务商,检索测试西湖域名有限公司,境内,330106',
        '接入服务商,Search Test Overseas Inc.,境外,',
      ].join('\n'),
      actorId,
    );
  });

  const names = (r: ReturnType<typeof searchProviders>) => r.rows.map((x) => x.name).filter((n) => /检索测试|Search Test/.test(n));

  it('finds providers registered anywhere inside the chosen region', () => {
    expect(names(searchProviders({ kind: '接入服务商', scope: '境内', regionCode: '330000' })).sort()).toEqual(
      ['检索测试宁波云有限公司', '检索测试杭州云有限公司', '检索测试西湖云有限公司'].sort(),
    );
    expect(names(searchProviders({ kind: '接入服务商', scope: '境内', regionCode: '330100' })).sort()).toEqual(['检索测试杭州云有限公司', '检索测试西湖云有限公司'].sort());
    expect(names(searchProviders({ kind: '接入服务商', scope: '境内', regionCode: '330106' }))).toEqual(['检索测试西湖云有限公司']);
    expect(names(searchProviders({ kind: '域名注册服务商', scope: '境内', regionCode: '330000' }))).toEqual(['检索测试西湖域名有限公司']);
  });

  it('narrows by name and searches 境外 providers without a region', () => {
    expect(names(searchProviders({ kind: '接入服务商', scope: '境内', regionCode: '330000', name: '宁波' }))).toEqual(['检索测试宁波云有限公司']);
    const overseas = searchProviders({ kind: '接入服务商', scope: '境外', name: 'Search Test' });
    expect(overseas.rows).toEqual([expect.objectContaining({ name: 'Search Test Overseas Inc.', scope: '境外', regionCode: null })]);
    expect(overseas.pageSize).toBe(10);
  });
});
