/**
 * Test PDFs built with pdf-lib: plain ones, and ones carrying the active content the upload check
 * refuses (document JavaScript, JavaScript and Launch actions, embedded files, rich media).
 */
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage } from 'pdf-lib';

async function build(add: (doc: PDFDocument, page: PDFPage) => void | Promise<void>, opts: { useObjectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('test');
  await add(doc, page);
  return Buffer.from(await doc.save({ useObjectStreams: opts.useObjectStreams ?? true }));
}

/** A one-page PDF with nothing active (a link to a web page and a GoTo open action are fine). */
export function plainPdf(): Promise<Buffer> {
  return build((doc, page) => {
    const ctx = doc.context;
    doc.catalog.set(PDFName.of('OpenAction'), ctx.obj([page.ref, 'Fit']));
    const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: { S: 'URI', URI: PDFString.of('https://beian.example/') } }));
    page.node.set(PDFName.of('Annots'), ctx.obj([link]));
  });
}

/** Name of the case → a PDF with that active content; what a viewer would run or open. */
export const ACTIVE_PDFS: Record<string, { kind: string; build: () => Promise<Buffer> }> = {
  'OpenAction 执行 JavaScript': {
    kind: 'JavaScript',
    build: () =>
      build((doc) => {
        const action = doc.context.register(doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
        doc.catalog.set(PDFName.of('OpenAction'), action);
      }),
  },
  '文档级 JavaScript（Names 树）': {
    kind: 'JavaScript',
    build: () =>
      build((doc) => {
        const ctx = doc.context;
        const js = ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFHexString.fromText('this.print()') }));
        doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: { Names: [PDFString.of('init'), js] } }));
      }),
  },
  '页面 /AA 中的 JavaScript': {
    kind: 'JavaScript',
    build: () =>
      build((doc, page) => {
        page.node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.launchURL("x")') } }));
      }),
  },
  '/Launch 启动命令': {
    kind: 'Launch',
    build: () =>
      build((doc, page) => {
        const ctx = doc.context;
        const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: { S: 'Launch', F: PDFString.of('calc.exe') } }));
        page.node.set(PDFName.of('Annots'), ctx.obj([link]));
      }),
  },
  '嵌入文件（EmbeddedFiles）': {
    kind: 'EmbeddedFile',
    build: () => build((doc) => doc.attach(new TextEncoder().encode('hello'), 'readme.txt', { mimeType: 'text/plain' })),
  },
  'RichMedia 注释': {
    kind: 'RichMedia',
    build: () =>
      build((doc, page) => {
        const ctx = doc.context;
        const annot = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 50, 50] }));
        page.node.set(PDFName.of('Annots'), ctx.obj([annot]));
      }),
  },
  '名称以 #xx 转义的 JavaScript（/J#61vaScript）': {
    kind: 'JavaScript',
    build: async () => {
      const bytes = await build(
        (doc) => {
          const action = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(2)') }));
          doc.catalog.set(PDFName.of('OpenAction'), action);
        },
        { useObjectStreams: false },
      );
      // Viewers decode #61 (lower-case hex too) to "a": /J#61vaScript is /JavaScript; /#4aS is /JS.
      const text = bytes.toString('latin1').replace('/S /JavaScript', '/S /J#61vaScript').replace('/JS (', '/#4aS (');
      if (!text.includes('/J#61vaScript') || !text.includes('/#4aS')) throw new Error('fixture: escaped names not written');
      return Buffer.from(text, 'latin1');
    },
  },
};

/**
 * "%PDF-", `size` pseudo-random bytes and %%EOF: nothing a parser can use, but pdf-lib crawls it
 * byte by byte for seconds. Seeded, so every run parses the same bytes (some random draws end early).
 */
export function junkPdf(size: number, seed = 2026): Buffer {
  const body = Buffer.alloc(size + 3);
  let a = seed >>> 0;
  for (let i = 0; i < size; i += 4) {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    body.writeUInt32LE((t ^ (t >>> 14)) >>> 0, i);
  }
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), body.subarray(0, size), Buffer.from('\n%%EOF\n')]);
}
