// @ts-check
/**
 * Active content in a parsed PDF (SPEC §13: PDFs with JavaScript, Launch or embedded files are
 * refused). Plain JavaScript with types in inspect.d.mts, because the PDF worker (pdf-worker.mjs)
 * runs it in a bare Node worker thread, outside the Next.js bundle and without a TypeScript loader.
 *
 * Pure: it only reads the objects pdf-lib parsed. Objects are recognised by shape, not instanceof,
 * so a PDFDocument from either of pdf-lib's builds (CommonJS or ES) can be inspected.
 */

/** Dictionary keys whose mere presence is active content. */
const ACTIVE_KEYS = new Map([
  ['JavaScript', 'JavaScript'], // document-level scripts in the Names tree
  ['JS', 'JavaScript'], // the script of a JavaScript action
  ['Launch', 'Launch'],
  ['EmbeddedFiles', 'EmbeddedFile'], // the Names tree of attached files
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EF', 'EmbeddedFile'], // a file specification carrying the file itself
  ['RichMedia', 'RichMedia'],
  ['RichMediaContent', 'RichMedia'],
  ['RichMediaSettings', 'RichMedia'],
  ['XFA', 'JavaScript'], // XFA forms carry their own scripts
]);

/** Values of /S (action type), /Type and /Subtype that are active content. */
const ACTIVE_NAMES = new Map([
  ['JavaScript', 'JavaScript'], // /OpenAction or /AA entries with /S /JavaScript
  ['Launch', 'Launch'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['FileAttachment', 'EmbeddedFile'],
  ['RichMedia', 'RichMedia'],
]);
const TYPED_KEYS = new Set(['S', 'Type', 'Subtype']);

/** @param {any} o */
const isName = (o) => o != null && typeof o.encodedName === 'string' && typeof o.decodeText === 'function';
/** @param {any} o */
const isDict = (o) => o != null && o.dict instanceof Map;
/** @param {any} o */
const isStream = (o) => o != null && o.dict != null && o.dict.dict instanceof Map;
/** @param {any} o */
const isArray = (o) => o != null && Array.isArray(o.array);

/** The name as a viewer reads it: every #xx escape decoded (pdf-lib itself decodes only upper-case hex). */
const nameText = (/** @type {any} */ n) => /** @type {string} */ (n.decodeText());

/**
 * The first active content found among `objects` (pdf-lib objects: dictionaries, streams, arrays…),
 * walking nested direct objects; references are not followed (every indirect object is passed in).
 * @param {Iterable<unknown>} objects
 * @returns {import('./inspect.d.mts').ActiveContent | null}
 */
export function findActiveContentIn(objects) {
  /** @type {unknown[]} */
  const stack = [...objects];
  while (stack.length > 0) {
    /** @type {any} */
    let o = stack.pop();
    if (isStream(o)) o = o.dict;
    if (isDict(o)) {
      for (const [k, v] of o.dict) {
        if (!isName(k)) continue;
        const key = nameText(k);
        const byKey = ACTIVE_KEYS.get(key);
        if (byKey) return { kind: byKey, key: `/${key}` };
        if (TYPED_KEYS.has(key) && isName(v)) {
          const byName = ACTIVE_NAMES.get(nameText(v));
          if (byName) return { kind: byName, key: `/${key} /${nameText(v)}` };
        }
        stack.push(v);
      }
    } else if (isArray(o)) {
      for (const v of o.array) stack.push(v);
    }
  }
  return null;
}

/**
 * The first active content of a parsed document: document scripts, JavaScript or Launch actions
 * (/OpenAction, /AA, links), embedded or attached files, rich media, XFA forms.
 * @param {{ context: { enumerateIndirectObjects(): [unknown, unknown][] } }} doc a pdf-lib PDFDocument
 * @returns {import('./inspect.d.mts').ActiveContent | null}
 */
export function findActiveContent(doc) {
  return findActiveContentIn(doc.context.enumerateIndirectObjects().map(([, obj]) => obj));
}

/**
 * Where the document ends: just after its last `%%EOF` marker (and the end-of-line after it), or
 * -1 when there is none. Bytes after it are no part of the PDF (garbage appended to a file, which
 * the parser would otherwise crawl through byte by byte).
 * @param {Uint8Array} bytes
 */
export function pdfEnd(bytes) {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf('%%EOF', undefined, 'latin1');
  if (at < 0) return -1;
  let end = at + 5;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return end;
}
