import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { chinesePdf, normalizePdfText, wrapText } from './chinese';
import { notdefGlyph, withNotdefOutline } from './notdef';
import { pdftotext, rasterizePage, pixelDiff } from './poppler';

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

describe('chinesePdf blocks', () => {
  it('draws headings, the user’s own lines (breaks and blank lines kept) and fields without rules', async () => {
    const pdf = await chinesePdf({
      title: '区块测试',
      blocks: [
        { kind: 'heading', text: '一、情况' },
        { kind: 'text', text: '第一行\n\n第三行\t缩进' },
        { kind: 'fields', fields: [['证件号码', '911*************X0']], ruled: false, compact: true },
      ],
      signature: false,
    });
    expect(pdf.missing).toEqual([]);
    expect(pdf.lines).toEqual(['区块测试', '一、情况', '第一行', '第三行    缩进', '证件号码：', '911*************X0', '第 1 页 / 共 1 页']);
    const text = pdftotext(pdf.bytes);
    // Digits next to asterisks keep their text (fontkit's locl forms of another language would lose it).
    expect(text).toContain('911*************X0');
    expect(text.split('\n').map((l) => l.trim())).toEqual(expect.arrayContaining(['第一行', '第三行 缩进']));
  });

  it('normalises text: tabs become spaces, invisible format characters go', () => {
    expect(normalizePdfText('a\tb\u200b\ufeffc\r\nd\u0007')).toBe('a    bc\nd');
    expect(normalizePdfText('甲\u2009乙\u00a0丙\u3000丁\u2028戊')).toBe('甲 乙 丙\u3000丁\n戊');
  });
});

describe('.notdef', () => {
  it('puts the full font’s .notdef box back into glyph 0 of a harfbuzz subset, other glyphs untouched', async () => {
    const full = fs.readFileSync(path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'));
    const subset = await subsetFont(full, '网站备案 ', { targetFormat: 'truetype' });
    type Font = { numGlyphs: number; getGlyph(id: number): { path: { commands: unknown[] } } };
    const before = fontkit.create(subset) as unknown as Font;
    expect(before.getGlyph(0).path.commands).toEqual([]); // what harfbuzz leaves
    const nd = notdefGlyph(full);
    expect(nd.contours).toBeGreaterThan(0);
    const after = fontkit.create(Buffer.from(withNotdefOutline(subset, nd))) as unknown as Font;
    expect(after.numGlyphs).toBe(before.numGlyphs);
    expect(after.getGlyph(0).path.commands.length).toBeGreaterThan(0);
    for (let g = 1; g < before.numGlyphs; g++) expect(after.getGlyph(g).path.commands, `glyph ${g}`).toEqual(before.getGlyph(g).path.commands);
  });

  it('draws a missing character as the same box as the full font does', async () => {
    const input = { title: '缺字', paragraphs: ['吉祥的𠮷字'], signature: false };
    const subset = await chinesePdf(input);
    const full = await chinesePdf({ ...input, font: { embed: 'full' } });
    const blank = await chinesePdf({ ...input, paragraphs: ['吉祥的　字'] });
    expect(subset.missing).toEqual(['𠮷']);
    expect(pixelDiff(rasterizePage(subset.bytes), rasterizePage(full.bytes)).differing).toBe(0);
    expect(pixelDiff(rasterizePage(subset.bytes), rasterizePage(blank.bytes)).differing).toBeGreaterThan(20);
  }, 30_000);
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
