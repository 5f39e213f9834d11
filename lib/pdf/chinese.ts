/**
 * A4 PDFs with Chinese text (网站注销说明 template, 自评估报告, 申请回执). The font is Noto Sans SC,
 * subset by harfbuzz (`subset-font`) to exactly the characters used and embedded whole
 * (`subset: false`): pdf-lib's own subsetter drops CJK glyphs (SPEC §14).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { notdefGlyph, withNotdefOutline } from './notdef';

/** 标签, 内容, and for an empty 内容 how many blank lines to leave for handwriting (default 1). */
export type PdfField = [label: string, value: string, blankLines?: number];

/**
 * A piece of the body, drawn in order:
 * - `heading`: a section heading (一、…), kept with the line that follows it;
 * - `paragraph`: first line indented two characters, `\n` starts a new indented line;
 * - `text`: text as the user typed it — every line break kept, blank lines too, no indent;
 * - `fields`: 标签：内容 rows (`ruled: false` leaves out the lines under the values, `compact` packs
 *   the rows closer to keep a form on one page).
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: PdfField[]; ruled?: boolean; compact?: boolean };

/**
 * Which font goes into the PDF. `subset` (the default) is Noto Sans SC cut by harfbuzz to the
 * characters used; `full` embeds the whole 10 MB TTF (slow and big: only for comparing renderings
 * in tests). `omit` leaves characters out of the subset on purpose (tests prove a lost glyph shows).
 */
export type PdfFontOptions = { embed?: 'subset' | 'full'; omit?: string };

export type ChinesePdfInput = {
  title: string;
  /** Body paragraphs before the fields; `\n` starts a new line. */
  paragraphs?: string[];
  /** Body blocks, after `paragraphs` and before `fields`. */
  blocks?: PdfBlock[];
  fields?: PdfField[];
  /** Paragraphs after the fields (a declaration before the signature). */
  closing?: string[];
  /** The 签字 / 盖章 / 日期 boxes at the end; on unless false. */
  signature?: boolean;
  font?: PdfFontOptions;
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
const HEADING_SIZE = 14;
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

let notdef: ReturnType<typeof notdefGlyph> | null = null;

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

/**
 * Text as it is drawn: a tab becomes four spaces, the Unicode line and paragraph separators line
 * breaks, other spaces (thin, narrow no-break…) a plain space, the ideographic space 　 stays;
 * control and invisible format characters (zero-width spaces, BOM…) are removed — none of these
 * has a glyph, they would show as boxes.
 */
export function normalizePdfText(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? c : ''))
    .replace(/[^\S\n\u3000]/gu, ' ');
}

/** Every text the document will draw, for the subset. */
function textsOf(title: string, blocks: PdfBlock[]): string[] {
  const out = [title];
  for (const b of blocks) {
    if (b.kind === 'fields') for (const [l, v] of b.fields) out.push(l, '：', v);
    else out.push(b.text);
  }
  return out;
}

type Face = { hasGlyphForCodePoint(cp: number): boolean };

/** The font bytes to embed and the characters it has no glyph for. */
async function fontFor(used: string[], opts: PdfFontOptions): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const full = await fullFont();
  let bytes: Uint8Array;
  if (opts.embed === 'full') bytes = full;
  else {
    const omit = new Set(opts.omit ?? '');
    // Exactly the characters used; 'truetype' keeps glyf outlines that pdf-lib embeds as CIDFontType2.
    const subset = await subsetFont(full, used.filter((c) => !omit.has(c)).join('') + ' ', { targetFormat: 'truetype' });
    // harfbuzz empties .notdef; put its box back so a missing character is seen, not silently blank.
    notdef ??= notdefGlyph(full);
    bytes = withNotdefOutline(subset, notdef);
  }
  const face: Face = fontkit.create(bytes);
  const missing = used.filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
  return { bytes, missing };
}

export async function chinesePdf(input: ChinesePdfInput): Promise<ChinesePdf> {
  const withSignature = input.signature !== false;
  const blocks: PdfBlock[] = [
    ...(input.paragraphs ?? []).map((text): PdfBlock => ({ kind: 'paragraph', text })),
    ...(input.blocks ?? []),
    ...(input.fields?.length ? [{ kind: 'fields', fields: input.fields } as PdfBlock] : []),
    ...(input.closing ?? []).map((text): PdfBlock => ({ kind: 'paragraph', text })),
  ].map((b) =>
    b.kind === 'fields'
      ? { ...b, fields: b.fields.map(([l, v, n]): PdfField => [normalizePdfText(l), normalizePdfText(v), n]) }
      : { ...b, text: normalizePdfText(b.text) },
  );
  const title = normalizePdfText(input.title).replace(/\n/g, ' ');

  const allText = [
    ...textsOf(title, blocks),
    ...(withSignature ? Object.values(SIGNATURE_LABELS) : []),
    PAGE_LABEL(0, 0),
    '0123456789',
  ].join('');
  // Spaces are always in the subset; every other character, visible or not, is checked for a glyph.
  const used = [...new Set([...allText].filter((c) => c !== '\n' && c !== ' '))];
  const { bytes: fontBytes, missing } = await fontFor(used, input.font ?? {});

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreator('联网备案平台');
  doc.setProducer('联网备案平台');
  // The font's defaults are the Simplified Chinese forms; fontkit would otherwise apply another
  // language's `locl` forms to runs without Chinese (digits in 911****X0 lose their text mapping).
  const font = await doc.embedFont(fontBytes, { subset: false, features: { locl: false } });

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
  for (const t of wrapText(title, measure(TITLE_SIZE), contentWidth)) {
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

  // The user's own lines: each starts a new line, a blank one leaves a blank line.
  const text = (p: string) => {
    for (const raw of splitLines(p)) {
      for (const t of wrapText(raw, measure(BODY_SIZE), contentWidth)) {
        ensure(LEADING);
        y -= LEADING;
        draw(t, MARGIN_X, BODY_SIZE);
      }
    }
    y -= BODY_SIZE * 0.4;
  };

  const heading = (h: string) => {
    const wrapped = wrapText(h, measure(HEADING_SIZE), contentWidth);
    // A heading never ends a page: it keeps the first body line with it.
    ensure(HEADING_SIZE * 0.6 + wrapped.length * HEADING_SIZE * 1.5 + LEADING * 1.3);
    y -= HEADING_SIZE * 0.6;
    for (const t of wrapped) {
      y -= HEADING_SIZE * 1.5;
      draw(t, MARGIN_X, HEADING_SIZE);
    }
    y -= BODY_SIZE * 0.2;
  };

  const fieldRows = (fields: PdfField[], ruled: boolean, compact: boolean) => {
    if (!fields.length) return;
    const rowHeight = LEADING * (compact ? 1.1 : 1.3);
    y -= BODY_SIZE * (compact ? 0.2 : 0.5);
    const labelWidth = Math.min(contentWidth * 0.4, Math.max(...fields.map(([l]) => font.widthOfTextAtSize(`${l}：`, BODY_SIZE))) + 6);
    const valueX = MARGIN_X + labelWidth;
    const valueWidth = contentWidth - labelWidth;
    for (const [label, value, blank = 1] of fields) {
      const labelLines = wrapText(`${label}：`, measure(BODY_SIZE), labelWidth - 6);
      const valueLines = value ? splitLines(value).flatMap((v) => wrapText(v, measure(BODY_SIZE), valueWidth - 4)) : Array<string>(Math.max(1, blank)).fill('');
      const rows = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < rows; i++) {
        ensure(rowHeight);
        y -= rowHeight;
        if (labelLines[i]) draw(labelLines[i], MARGIN_X, BODY_SIZE);
        if (i < valueLines.length) {
          draw(valueLines[i], valueX + 2, BODY_SIZE);
          if (ruled) page.drawLine({ start: { x: valueX, y: y - 4 }, end: { x: MARGIN_X + contentWidth, y: y - 4 }, thickness: 0.6, color: RULE });
        }
      }
    }
    y -= BODY_SIZE * (compact ? 0.6 : 1);
  };

  for (const b of blocks) {
    if (b.kind === 'heading') heading(b.text);
    else if (b.kind === 'paragraph') paragraph(b.text);
    else if (b.kind === 'text') text(b.text);
    else fieldRows(b.fields, b.ruled !== false, b.compact === true);
  }

  if (withSignature) {
    const boxHeight = 100;
    ensure(boxHeight + BODY_SIZE);
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
