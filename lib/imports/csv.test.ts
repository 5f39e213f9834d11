import { describe, it, expect } from 'vitest';
import { formatLineError, legacyDigits, type LineError, parseCsvRecords, parseLegacyCsv, parseUnfiledCsv } from './csv';
import { usccWithCheck } from '@/lib/test/fixtures';

const NOW = Date.UTC(2026, 5, 15, 4); // 2026-06-15 12:00 Beijing
const USCC = usccWithCheck('91110105MA01C8K2X');
const HEAD = '网站名称,域名,证件类型,证件号码,发现日期';
const LHEAD = '旧备案号,网站名称,域名,开办主体名称,证件类型,证件号码,负责人手机号码,备案时间';

function ok<R>(r: { rows: R[]; errors: LineError[] } | { fatal: string }) {
  if ('fatal' in r) throw new Error(r.fatal);
  return r;
}

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks per RFC 4180', () => {
    const r = parseCsvRecords('a,"b,c","say ""hi"""\r\n"x\ny",z,\n');
    expect(r).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"'] },
      { line: 2, fields: ['x\ny', 'z', ''] },
    ]);
  });
  it('reports an unclosed quote with its line', () => {
    expect(parseCsvRecords('a\n"b,c\n')).toEqual({ error: '第2行：引号未闭合' });
  });
});

describe('parseUnfiledCsv', () => {
  it('accepts a BOM and CRLF and returns the rows', () => {
    const r = ok(parseUnfiledCsv(`\uFEFF${HEAD}\r\n"云帆,官网",Yunfan.example.com,统一社会信用代码证,${USCC},2026-06-01\r\n`, NOW));
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, name: '云帆,官网', domain: 'yunfan.example.com', domainAscii: 'yunfan.example.com', certType: '统一社会信用代码证', certNumber: USCC, discoveredOn: '2026-06-01' },
    ]);
  });
  it('refuses a wrong header', () => {
    expect(parseUnfiledCsv('网站名称,域名,证件号码,发现日期\na,b.com,1,2026-01-01\n', NOW)).toEqual({ fatal: `第1行：表头应为 ${HEAD}` });
  });
  it('gives line-numbered errors: bad 证件号码, future date, bad domain, duplicates, column count', () => {
    const csv = [
      HEAD,
      `甲,a.example.com,统一社会信用代码证,${USCC},2026-06-01`,
      `乙,b.example.com,居民身份证,110105199001011234,2026-06-01`,
      `丙,c.example.com,统一社会信用代码证,${USCC},2026-06-16`,
      `丁,not a domain,统一社会信用代码证,${USCC},2026-06-01`,
      `戊,A.example.com,统一社会信用代码证,${USCC},2026-06-15`,
      `己,f.example.com`,
    ].join('\n');
    const r = ok(parseUnfiledCsv(csv, NOW));
    expect(r.errors.map(formatLineError)).toEqual([
      '第3行：证件号码格式不正确',
      '第4行：发现日期不能晚于今天',
      expect.stringMatching(/^第5行：域名：/),
      '第6行：域名与第2行重复',
      '第7行：应有5列，实际2列',
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });
});

describe('parseLegacyCsv', () => {
  it('normalises 旧备案号 to the stored number and checks the province prefix', () => {
    expect(legacyDigits('11010502000001')).toEqual({ digits: '11010502000001', number: '京公网安备11010502000001号' });
    expect(legacyDigits('京公网安备 11010502000001号')).toEqual({ digits: '11010502000001', number: '京公网安备11010502000001号' });
    expect(legacyDigits('沪公网安备11010502000001号')).toEqual({ error: '旧备案号的省份简称与号码不一致' });
    expect(legacyDigits('1101050200001')).toEqual({ error: '旧备案号格式不正确' });
  });
  it('parses rows and reports duplicates and a bad phone by line', () => {
    const csv = [
      LHEAD,
      `京公网安备11010502000001号,旧站,old.example.com,北京云帆网络科技有限公司,统一社会信用代码证,${USCC},13800000006,2015-03-02`,
      `11010502000001,旧站二,old2.example.com,某公司,统一社会信用代码证,${USCC},13900001111,2015-03-02`,
      `11010502000002,旧站三,old3.example.com,某公司,统一社会信用代码证,${USCC},1390000111,2015-03-02`,
    ].join('\r\n');
    const r = ok(parseLegacyCsv(csv, NOW));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ oldDigits: '11010502000001', oldNumber: '京公网安备11010502000001号', phone: '13800000006', filedOn: '2015-03-02' });
    expect(r.errors.map(formatLineError)).toEqual(['第3行：旧备案号与第2行重复', '第4行：负责人手机号码格式不正确']);
  });
});
