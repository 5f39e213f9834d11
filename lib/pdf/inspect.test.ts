import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { ACTIVE_PDFS, plainPdf } from '@/lib/test/hostile-pdfs';
import { findActiveContent, pdfEnd } from './inspect.mjs';

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });

describe('findActiveContent', () => {
  it('finds nothing in a plain PDF with a web link and a GoTo open action', async () => {
    expect(findActiveContent(await load(await plainPdf()))).toBeNull();
  });

  for (const [name, c] of Object.entries(ACTIVE_PDFS)) {
    it(`finds ${c.kind}: ${name}`, async () => {
      const found = findActiveContent(await load(await c.build()));
      expect(found?.kind).toBe(c.kind);
    });
  }
});

describe('pdfEnd', () => {
  it('ends after the last %%EOF and its end-of-line; -1 without one', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(pdfEnd(enc('%PDF-1.7\n1 0 obj\n%%EOF\r\n'))).toBe(24);
    expect(pdfEnd(enc('%PDF-1.7\n%%EOF\nupdate\n%%EOF\ngarbage garbage'))).toBe(28);
    expect(pdfEnd(enc('%PDF-1.7\nno end marker'))).toBe(-1);
  });
});
