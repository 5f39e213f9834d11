/**
 * A4 PDFs with Chinese text (templates such as 网站注销说明). The font is Noto Sans SC,
 * subset by harfbuzz (`subset-font`) to exactly the characters used and embedded whole
 * (`subset: false`): pdf-lib's own subsetter drops CJK glyphs (SPEC §14).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';

/** 标签, 内容, and for an empty 内容 how many blank lines to leave for handwriting (default 1). */
export type PdfField = [label: string, value: string, blankLines?: number];

export type ChinesePdfInput = {
  title: string;
  /** Body paragraphs before the fields; `\n` starts a new line. */
  paragraphs: string[];
  fields?: PdfField[];
  /** Paragraphs after the fields (a declaration before the signature). */
  closing?: string[];
  /** The 签字 / 盖章 / 日期 boxes at the end; on unless false. */
  signature?: boolean;
};

export type ChinesePdf = {
  bytes: Uint8Array;
  /** Characters the font has no glyph for: drawn as the font's blank box, never dropped silently. */
  missing: string[];
  /** Every text line drawn, in order (for checking the rendered PDF). */
  lines: string[];
};

const FONT_FILE = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN_X = 64;
const MARGIN_TOP = 72;
const MARGIN_BOTTOM = 64;
const TITLE_SIZE = 20;
const BODY_SIZE = 12;
const LEADING = BODY_SIZE * 1.75;
const SMALL_SIZE = 9;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.45, 0.45, 0.45);

export const SIGNATURE_LABELS = { sign: '负责人签字：', seal: '单位盖章：', date: '日期：      年      月      日' } as const;
const PAGE_LABEL = (n: number, total: number) => `第 ${n} 页 / 共 ${total} 页`;

let fontBytes: Promise<Buffer> | null = null;
/** The 10 MB TTF is read once per process. */
function fullFont(): Promise<Buffer> {
  fontBytes ??= fs.readFile(FONT_FILE).catch((e) => {
    fontBytes = null;
    throw e;
  });
  return fontBytes;
}

/** Not allowed at the start of a line (GB/T 15834 usage): they hang at the end of the previous one. */
const NO_LINE_START = new Set('，。、；：？！）》」』〉】”’…—%,.;:?!)]}');
/** Latin words, numbers and URLs stay together where they fit. */
const WORD = /[A-Za-z0-9@#&_\-./:%+=~?]+|\s+|[\s\S]/gu;

/** Breaks one line of text into lines no wider than `width` (first line `firstWidth`). */
export function wrapText(text: string, measure: (s: string) => number, width: number, firstWidth = width): string[] {
  const out: string[] = [];
  const tokens = text.match(WORD) ?? [];
  let line = '';
  let limit = firstWidth;
  const push = () => {
    out.push(line.trimEnd());
    line = '';
    limit = width;
  };
  for (let tok of tokens) {
    if (!line && /^\s+$/.test(tok) && out.length) continue; // no leading blanks on wrapped lines
    if (measure(line + tok) <= limit) {
      line += tok;
      continue;
    }
    if ([...tok].length === 1 && NO_LINE_START.has(tok) && line) {
      line += tok; // hanging punctuation: slightly past the margin is better than a line starting with "，"
      push();
      continue;
    }
    if (/^\s+$/.test(tok)) {
      push();
      continue;
    }
    if (line) push();
    // A token wider than a whole line is broken by character.
    while (measure(tok) > limit) {
      const chars = [...tok];
      let n = 1;
      while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= limit) n++;
      line = chars.slice(0, n).join('');
      push();
      tok = chars.slice(n).join('');
    }
    line = tok;
  }
  if (line || !out.length) out.push(line.trimEnd());
  return out;
}

function splitLines(s: string): string[] {
  return s.replace(/\r\n?/g, '\n').split('\n');
}

export async function chinesePdf(input: ChinesePdfInput): Promise<ChinesePdf> {
  const fields = input.fields ?? [];
  const closing = input.closing ?? [];
  const withSignature = input.signature !== false;

  const allText = [
    input.title,
    ...input.paragraphs,
    ...fields.flatMap(([l, v]) => [l, '：', v]),
    ...closing,
    ...(withSignature ? Object.values(SIGNATURE_LABELS) : []),
    PAGE_LABEL(0, 0),
    '0123456789',
  ].join('');
  const used = [...new Set([...allText].filter((c) => !/\s/u.test(c)))];

  // Exactly the characters used; 'truetype' keeps glyf outlines that pdf-lib embeds as CIDFontType2.
  const subset = await subsetFont(await fullFont(), used.join('') + ' ', { targetFormat: 'truetype' });
  const face = fontkit.create(subset);
  const missing = used.filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setCreator('联网备案平台');
  doc.setProducer('联网备案平台');
  const font = await doc.embedFont(subset, { subset: false });

  const lines: string[] = [];
  const contentWidth = PAGE[0] - 2 * MARGIN_X;
  const measure = (size: number) => (s: string) => font.widthOfTextAtSize(s, size);
  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN_TOP;

  const ensure = (height: number) => {
    if (y - height < MARGIN_BOTTOM) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - MARGIN_TOP;
    }
  };
  const draw = (text: string, x: number, size: number) => {
    if (!text) return;
    page.drawText(text, { x, y, size, font, color: INK });
    lines.push(text);
  };

  // Title, centred (wrapped if very long).
  for (const t of wrapText(input.title, measure(TITLE_SIZE), contentWidth)) {
    ensure(TITLE_SIZE * 1.6);
    y -= TITLE_SIZE;
    draw(t, MARGIN_X + (contentWidth - font.widthOfTextAtSize(t, TITLE_SIZE)) / 2, TITLE_SIZE);
    y -= TITLE_SIZE * 0.6;
  }
  y -= BODY_SIZE;

  const indent = BODY_SIZE * 2; // 首行缩进两字
  const paragraph = (p: string) => {
    for (const raw of splitLines(p)) {
      const wrapped = wrapText(raw, measure(BODY_SIZE), contentWidth, contentWidth - indent);
      wrapped.forEach((t, i) => {
        ensure(LEADING);
        y -= LEADING;
        draw(t, MARGIN_X + (i === 0 ? indent : 0), BODY_SIZE);
      });
    }
    y -= BODY_SIZE * 0.4;
  };
  input.paragraphs.forEach(paragraph);

  if (fields.length) {
    y -= BODY_SIZE * 0.5;
    const labelWidth = Math.min(contentWidth * 0.4, Math.max(...fields.map(([l]) => font.widthOfTextAtSize(`${l}：`, BODY_SIZE))) + 6);
    const valueX = MARGIN_X + labelWidth;
    const valueWidth = contentWidth - labelWidth;
    for (const [label, value, blank = 1] of fields) {
      const labelLines = wrapText(`${label}：`, measure(BODY_SIZE), labelWidth - 6);
      const valueLines = value ? splitLines(value).flatMap((v) => wrapText(v, measure(BODY_SIZE), valueWidth - 4)) : Array<string>(Math.max(1, blank)).fill('');
      const rows = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < rows; i++) {
        ensure(LEADING * 1.3);
        y -= LEADING * 1.3;
        if (labelLines[i]) draw(labelLines[i], MARGIN_X, BODY_SIZE);
        if (i < valueLines.length) {
          draw(valueLines[i], valueX + 2, BODY_SIZE);
          page.drawLine({ start: { x: valueX, y: y - 4 }, end: { x: MARGIN_X + contentWidth, y: y - 4 }, thickness: 0.6, color: RULE });
        }
      }
    }
    y -= BODY_SIZE;
  }

  closing.forEach(paragraph);

  if (withSignature) {
    const boxHeight = 110;
    ensure(boxHeight + BODY_SIZE * 2);
    y -= BODY_SIZE;
    const gap = 16;
    const boxWidth = (contentWidth - gap) / 2;
    const top = y;
    for (const [i, label] of [SIGNATURE_LABELS.sign, SIGNATURE_LABELS.seal].entries()) {
      const x = MARGIN_X + i * (boxWidth + gap);
      page.drawRectangle({ x, y: top - boxHeight, width: boxWidth, height: boxHeight, borderColor: RULE, borderWidth: 0.8 });
      y = top - BODY_SIZE - 10;
      draw(label, x + 10, BODY_SIZE);
      y = top - boxHeight + 14;
      draw(SIGNATURE_LABELS.date, x + boxWidth - 10 - font.widthOfTextAtSize(SIGNATURE_LABELS.date, BODY_SIZE), BODY_SIZE);
    }
    y = top - boxHeight;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = PAGE_LABEL(i + 1, pages.length);
    p.drawText(label, { x: (PAGE[0] - font.widthOfTextAtSize(label, SMALL_SIZE)) / 2, y: MARGIN_BOTTOM / 2, size: SMALL_SIZE, font, color: RULE });
    lines.push(label);
  });

  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, missing, lines };
}
