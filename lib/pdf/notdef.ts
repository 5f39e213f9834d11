/**
 * harfbuzz's subsetter empties the outline of glyph 0 (.notdef) unless HB_SUBSET_FLAGS_NOTDEF_OUTLINE
 * is set, and `subset-font` does not expose that flag: a character the font lacks would then be drawn
 * as nothing at all. `withNotdefOutline` copies the full font's .notdef outline (Noto Sans SC: a box
 * with a cross) back into glyph 0 of a TrueType subset, so a missing character shows as that box.
 */

type Table = { tag: string; offset: number; length: number };

function tablesOf(font: Uint8Array): Map<string, Table> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const n = v.getUint16(4);
  const out = new Map<string, Table>();
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
    out.set(tag, { tag, offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
  }
  return out;
}

function need(tables: Map<string, Table>, tag: string): Table {
  const t = tables.get(tag);
  if (!t) throw new Error(`字体缺少 ${tag} 表`);
  return t;
}

/** Glyph offsets into glyf from loca (short: offset / 2 as uint16, long: uint32). */
function locaOf(font: Uint8Array, tables: Map<string, Table>): number[] {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const head = need(tables, 'head');
  const loca = need(tables, 'loca');
  const long = v.getInt16(head.offset + 50) === 1;
  const count = long ? loca.length / 4 : loca.length / 2;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(long ? v.getUint32(loca.offset + 4 * i) : v.getUint16(loca.offset + 2 * i) * 2);
  return out;
}

/** The bytes of glyph 0 in a TrueType font, and its point and contour counts (0 if composite). */
export function notdefGlyph(font: Uint8Array): { bytes: Uint8Array; points: number; contours: number } {
  const tables = tablesOf(font);
  const glyf = need(tables, 'glyf');
  const loca = locaOf(font, tables);
  const bytes = font.subarray(glyf.offset + loca[0], glyf.offset + loca[1]);
  if (bytes.length < 10) return { bytes, points: 0, contours: 0 };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const contours = v.getInt16(0);
  if (contours <= 0) return { bytes, points: 0, contours: 0 };
  return { bytes, points: v.getUint16(10 + 2 * (contours - 1)) + 1, contours };
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = ((data[i] << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0)) >>> 0;
    sum = (sum + word) >>> 0;
  }
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** A table's bytes in a buffer of their own (a Node Buffer's slice would share memory). */
const copy = (font: Uint8Array, t: Table) => new Uint8Array(font.subarray(t.offset, t.offset + t.length));

/**
 * A copy of the TrueType `subset` whose glyph 0 has `notdef`'s outline (loca rewritten in the long
 * format, maxp's point and contour limits raised when needed, checksums recomputed). A subset that
 * already has an outline for glyph 0 is returned unchanged.
 */
export function withNotdefOutline(subset: Uint8Array, notdef: ReturnType<typeof notdefGlyph>): Uint8Array {
  const tables = tablesOf(subset);
  const loca = locaOf(subset, tables);
  if (loca[1] - loca[0] > 0 || notdef.bytes.length === 0) return subset;
  const glyf = need(tables, 'glyf');

  const glyph = new Uint8Array(pad4(notdef.bytes.length));
  glyph.set(notdef.bytes);
  const oldGlyf = subset.subarray(glyf.offset + loca[1], glyf.offset + loca[loca.length - 1]);
  const newGlyf = new Uint8Array(glyph.length + oldGlyf.length);
  newGlyf.set(glyph);
  newGlyf.set(oldGlyf, glyph.length);

  const newLoca = new Uint8Array(loca.length * 4);
  const lv = new DataView(newLoca.buffer);
  loca.forEach((off, i) => lv.setUint32(4 * i, i === 0 ? 0 : off - loca[1] + glyph.length));

  const replaced = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['loca', newLoca],
  ]);
  const head = need(tables, 'head');
  const headBytes = copy(subset, head);
  const hv = new DataView(headBytes.buffer);
  hv.setInt16(50, 1); // indexToLocFormat: long
  hv.setUint32(8, 0); // checkSumAdjustment, set below
  replaced.set('head', headBytes);
  const maxp = tables.get('maxp');
  if (maxp && maxp.length >= 10) {
    const maxpBytes = copy(subset, maxp);
    const mv = new DataView(maxpBytes.buffer);
    if (mv.getUint32(0) === 0x00010000) {
      mv.setUint16(6, Math.max(mv.getUint16(6), notdef.points));
      mv.setUint16(8, Math.max(mv.getUint16(8), notdef.contours));
    }
    replaced.set('maxp', maxpBytes);
  }

  const order = [...tables.values()];
  const dirSize = 12 + 16 * order.length;
  const datas = order.map((t) => replaced.get(t.tag) ?? subset.subarray(t.offset, t.offset + t.length));
  const total = dirSize + datas.reduce((s, d) => s + pad4(d.length), 0);
  const out = new Uint8Array(total);
  const ov = new DataView(out.buffer);
  out.set(subset.subarray(0, 12));
  let at = dirSize;
  order.forEach((t, i) => {
    const d = datas[i];
    const rec = 12 + 16 * i;
    out.set(subset.subarray(12 + 16 * i, 12 + 16 * i + 4), rec); // tag (the directory keeps its order)
    ov.setUint32(rec + 4, checksum(d));
    ov.setUint32(rec + 8, at);
    ov.setUint32(rec + 12, d.length);
    out.set(d, at);
    at += pad4(d.length);
  });
  const headAt = ov.getUint32(12 + 16 * order.findIndex((t) => t.tag === 'head') + 8);
  ov.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
