import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chinesePdf, wrapText } from './chinese';

/** The text of a PDF as poppler renders it; fails (never skips) when poppler-utils is missing. */
function pdftotext(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-pdf-')), 'out.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext 不存在：请安装 poppler-utils（apt-get install -y poppler-utils），CI 会安装它；PDF 的文字必须经渲染核对，不能跳过');
    throw e;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const squash = (s: string) => s.replace(/\s+/gu, '');

async function expectRendered(pdf: { bytes: Uint8Array; lines: string[] }) {
  const text = squash(pdftotext(pdf.bytes));
  for (const line of pdf.lines) expect(text, `渲染结果缺少：${line}`).toContain(squash(line));
}

describe('chinesePdf', () => {
  it('renders every Chinese line on an A4 page, small, with the signature boxes', async () => {
    const started = Date.now();
    const pdf = await chinesePdf({
      title: '网站注销说明',
      paragraphs: ['本单位申请注销下列网站的公安联网备案（京公网安备11010502000001号），现说明如下：'],
      fields: [
        ['网站名称', '北京云帆科技官网'],
        ['网站域名', 'www.yunfan-tech.com.cn、yunfan.cn'],
        ['注销原因', ''],
      ],
      closing: ['本单位承诺以上内容真实、准确。'],
    });
    expect(pdf.missing).toEqual([]);
    expect(pdf.bytes.byteLength).toBeLessThan(200 * 1024);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('网站注销说明');
    expect(pdf.lines).toEqual(expect.arrayContaining(['网站注销说明', '网站名称：', '北京云帆科技官网', '负责人签字：', '单位盖章：']));
    await expectRendered(pdf);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('wraps long text to the page width over as many pages as needed', async () => {
    const long = '网站注销必须保证网站已经处于关闭状态，域名不再解析到原服务器，相关服务全部停止。'.repeat(12);
    const pdf = await chinesePdf({ title: '长文本测试', paragraphs: Array(8).fill(long) });
    expect(pdf.missing).toEqual([]);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(pdf.lines).toContain(`第 1 页 / 共 ${doc.getPageCount()} 页`);
    // Every drawn line fits between the margins (595 − 2 × 64, plus one hanging punctuation mark).
    for (const line of pdf.lines) expect([...line].length).toBeLessThanOrEqual(40);
    await expectRendered(pdf);
  });

  it('reports characters the font lacks instead of dropping them silently', async () => {
    const pdf = await chinesePdf({ title: '缺字测试', paragraphs: ['表情😀与扩展汉字𠀀'], signature: false });
    expect(pdf.missing).toEqual(['😀', '𠀀']);
    expect(pdf.lines).toContain('表情😀与扩展汉字𠀀');
  });
});

describe('wrapText', () => {
  const measure = (s: string) => [...s].length * 10; // every character 10 wide
  it('breaks Chinese by character and keeps Latin words together', () => {
    expect(wrapText('一二三四五六七八九十', measure, 40)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('域名 example.com 已关闭', measure, 150)).toEqual(['域名 example.com', '已关闭']);
  });
  it('never starts a line with closing punctuation', () => {
    expect(wrapText('一二三四，五六', measure, 40)).toEqual(['一二三四，', '五六']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghij', measure, 40)).toEqual(['abcd', 'efgh', 'ij']);
  });
  it('honours a shorter first line (indent)', () => {
    expect(wrapText('一二三四五六', measure, 40, 20)).toEqual(['一二', '三四五六']);
  });
});
