/** What active content a PDF holds, and the dictionary entry that gave it away (e.g. `/S /JavaScript`). */
export type ActiveContent = { kind: 'JavaScript' | 'Launch' | 'EmbeddedFile' | 'RichMedia'; key: string };

export function findActiveContentIn(objects: Iterable<unknown>): ActiveContent | null;
export function findActiveContent(doc: { context: { enumerateIndirectObjects(): [unknown, unknown][] } }): ActiveContent | null;
export function pdfEnd(bytes: Uint8Array): number;
