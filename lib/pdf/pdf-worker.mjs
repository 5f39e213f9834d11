// @ts-check
/**
 * Worker thread of the PDF pool (lib/pdf/pool.ts): parses an uploaded PDF with pdf-lib, counts its
 * pages and looks for active content, so a hostile or merely huge file never blocks the server's
 * event loop. Plain JavaScript, loaded by path at run time (never bundled by Turbopack): it must run
 * in the built server as it is in the tests.
 *
 * Message in: { id, bytes: Uint8Array }.
 * Message out: { id, ok: true, pages, end } (end: the length to keep, see pdfEnd)
 *           or { id, ok: false, reason: 'broken' | 'active', detail }.
 */
import { parentPort } from 'node:worker_threads';
import pdfLib from 'pdf-lib';
import { findActiveContent, pdfEnd } from './inspect.mjs';

const { PDFDocument, ParseSpeeds } = pdfLib;

/** @param {Uint8Array} bytes */
async function check(bytes) {
  const end = pdfEnd(bytes);
  if (end < 0) return { ok: false, reason: 'broken', detail: 'no %%EOF' };
  let doc;
  try {
    // Fastest: no yielding to the event loop every 100 objects — this thread has nothing else to do.
    doc = await PDFDocument.load(bytes.subarray(0, end), { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    return { ok: false, reason: 'broken', detail: String(/** @type {Error} */ (e)?.message ?? e).slice(0, 200) };
  }
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    return { ok: false, reason: 'broken', detail: 'no page tree' };
  }
  if (pages < 1) return { ok: false, reason: 'broken', detail: 'no pages' };
  const active = findActiveContent(doc);
  if (active) return { ok: false, reason: 'active', detail: `${active.kind} ${active.key}` };
  return { ok: true, pages, end };
}

if (!parentPort) throw new Error('pdf-worker.mjs runs as a worker thread of lib/pdf/pool.ts');
const port = parentPort;
port.on('message', (/** @type {{ id: number; bytes: Uint8Array }} */ msg) => {
  check(msg.bytes).then(
    (result) => port.postMessage({ id: msg.id, ...result }),
    (e) => port.postMessage({ id: msg.id, ok: false, reason: 'broken', detail: String(e?.message ?? e).slice(0, 200) }),
  );
});
