import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { ACTIVE_PDFS, junkPdf } from '@/lib/test/hostile-pdfs';
import { PdfWorkerPool } from './pool';

const pool = new PdfWorkerPool(1);
afterAll(() => pool.close());

async function onePage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  return doc.save();
}

describe('PdfWorkerPool', () => {
  it('counts pages and finds active content in a worker', async () => {
    const bytes = await onePage();
    expect(await pool.check(bytes, 10_000)).toEqual({ ok: true, pages: 1, end: bytes.length });
    const active = await pool.check(await ACTIVE_PDFS['/Launch 启动命令'].build(), 10_000);
    expect(active).toMatchObject({ ok: false, reason: 'active' });
  });

  it('ends a worker that runs out of time, and the next task gets a fresh one', async () => {
    const slow = pool.check(junkPdf(2 * 1024 * 1024), 300);
    // A task queued behind it (one worker) still gets its answer.
    const next = pool.check(await onePage(), 10_000);
    expect(await slow).toEqual({ ok: false, reason: 'timeout' });
    expect(await next).toMatchObject({ ok: true, pages: 1 });
    expect(pool.workers).toBe(1);
  });

  it('refuses a file without %%EOF as broken without parsing it', async () => {
    expect(await pool.check(new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n'), 10_000)).toMatchObject({ ok: false, reason: 'broken' });
  });

  it('reports a worker that cannot start as its own failure, not a broken file', async () => {
    const broken = new PdfWorkerPool(1, '/nonexistent/pdf-worker.mjs');
    const err = console.error;
    console.error = () => {};
    try {
      expect(await broken.check(await onePage(), 10_000)).toMatchObject({ ok: false, reason: 'failed' });
    } finally {
      console.error = err;
      await broken.close();
    }
  });
});
