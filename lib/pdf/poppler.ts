/**
 * For tests: what poppler (Debian's poppler-utils: pdftotext, pdftoppm) makes of a PDF. PDFs are
 * checked by rendering them, not only by their size (SPEC §14). Without poppler these fail with
 * the install instruction; they never skip.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const POPPLER_MISSING = (tool: string) =>
  `${tool} 不存在：请安装 poppler-utils（apt-get install -y poppler-utils），CI 会安装它；PDF 必须经渲染核对，不能跳过`;

function withPdf<T>(bytes: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-pdf-'));
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(POPPLER_MISSING(tool));
    throw e;
  }
}

/** The text of every page (pages separated by a form feed), UTF-8. */
export function pdftotext(bytes: Uint8Array): string {
  return withPdf(bytes, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

export type GrayPage = { width: number; height: number; pixels: Uint8Array };

/** One page rasterised by `pdftoppm -gray` (8-bit PGM) at `dpi`. */
export function rasterizePage(bytes: Uint8Array, page = 1, dpi = 72): GrayPage {
  return withPdf(bytes, (file, dir) => {
    const out = path.join(dir, 'page');
    run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    const pgm = fs.readFileSync(`${out}.pgm`);
    // Binary PGM: "P5 <width> <height> <maxval>" and one whitespace byte, then the pixels.
    const m = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!m || m[3] !== '255') throw new Error('pdftoppm 输出的不是 8 位 PGM');
    return { width: Number(m[1]), height: Number(m[2]), pixels: new Uint8Array(pgm.subarray(m[0].length)) };
  });
}

/** How many pixels differ between two renderings of the same size (and the largest difference). */
export function pixelDiff(a: GrayPage, b: GrayPage): { differing: number; total: number; maxDelta: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`页面尺寸不同：${a.width}×${a.height} / ${b.width}×${b.height}`);
  let differing = 0;
  let maxDelta = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs(a.pixels[i] - b.pixels[i]);
    if (d) {
      differing++;
      if (d > maxDelta) maxDelta = d;
    }
  }
  return { differing, total: a.pixels.length, maxDelta };
}

/** Whitespace-free text (pdftotext breaks and spaces lines its own way); page footers removed. */
export function squashPdfText(s: string): string {
  return s.replace(/\s+/gu, '').replace(/第\d+页\/共\d+页/g, '');
}
