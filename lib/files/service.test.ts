import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { files, policeUnits, subjects, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import {
  MAX_UPLOAD_BYTES,
  attachFileToSubject,
  blobPath,
  getFileForActor,
  storeUpload,
  uploadsDir,
} from './service';
import { uploadQuotaBytes } from './quota';
import { ACTIVE_PDFS, junkPdf, plainPdf } from '@/lib/test/hostile-pdfs';
import type { StoredSubject } from '@/lib/subjects/types';

// ---------------------------------------------------------------- fixtures

let seq = 0;
function createUser(role: Role, unitId: number | null = null): Actor {
  seq += 1;
  const now = Date.now();
  const row = getDb()
    .insert(users)
    .values({
      role,
      name: `用户${seq}`,
      phoneEnc: `enc-${seq}`,
      phoneHmac: `hmac-${seq}-${crypto.randomUUID()}`,
      phoneMasked: '137****0000',
      passwordHash: 'x',
      unitId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id })
    .get();
  return { id: row.id, role, unitId, phoneVerified: true };
}

function createUnit(name: string, code: string): number {
  return getDb()
    .insert(policeUnits)
    .values({ name, code, createdAt: Date.now() })
    .returning({ id: policeUnits.id })
    .get().id;
}

function createSubject(ownerId: number, unitId: number): number {
  const now = Date.now();
  return getDb()
    .insert(subjects)
    .values({
      ownerId,
      nature: '个人',
      name: '张三',
      principalName: '张三',
      principalIdType: '居民身份证',
      principalIdEnc: 'enc',
      principalIdHmac: `hmac-${crypto.randomUUID()}`,
      principalIdMasked: '110*****34',
      principalPhoneEnc: 'enc',
      principalPhoneHmac: 'hmac',
      principalPhoneMasked: '137****2945',
      jurisdictionCode: '110105',
      unitId,
      status: '待审核',
      data: {} as StoredSubject,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: subjects.id })
    .get().id;
}

/** Every regular file under DATA_DIR/uploads (temp files included). */
function listUploads(dir = uploadsDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listUploads(p));
    else out.push(p);
  }
  return out;
}

function fileRowCount(): number {
  return getDb().select({ n: count() }).from(files).get()!.n;
}

function clearUploads() {
  getDb().delete(files).run();
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
}

let pngWithExif: Buffer;
let jpeg: Buffer;
let pdf: Buffer;

beforeAll(async () => {
  pngWithExif = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'x' } } })
    .toBuffer();
  jpeg = await sharp({ create: { width: 300, height: 800, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg({ quality: 85 })
    .withMetadata({ exif: { IFD0: { Copyright: 'secret', Make: 'Phone' } }, orientation: 6 })
    .toBuffer();
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('hello');
  pdf = Buffer.from(await doc.save());
});

let owner: Actor;

beforeEach(() => {
  clearUploads();
  owner = createUser('applicant');
});

async function expectRejected(promise: Promise<unknown>, message: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('invalid');
  expect((err as AppError).message).toBe(message);
  expect((err as AppError).fieldErrors).toEqual({ file: message });
  expect(listUploads()).toEqual([]);
  expect(fileRowCount()).toBe(0);
}

// ---------------------------------------------------------------- storing

describe('storeUpload', () => {
  it('fixture PNG really carries EXIF', async () => {
    expect((await sharp(pngWithExif).metadata()).exif).toBeDefined();
  });

  it('stores a valid PNG re-encoded without metadata, plus a JPEG thumbnail', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'image', originalName: '证件 正面.png', bytes: pngWithExif });
    expect(res).toMatchObject({
      kind: 'image',
      mime: 'image/png',
      originalName: '证件 正面.png',
      width: 640,
      height: 480,
      hasThumb: true,
    });

    const row = getDb().select().from(files).where(eq(files.id, res.id)).get()!;
    expect(row.ownerId).toBe(owner.id);
    expect(row.subjectId).toBeNull();

    const storedPath = blobPath(row.sha256);
    expect(storedPath).toBe(path.join(uploadsDir(), row.sha256.slice(0, 2), row.sha256));
    expect(storedPath.startsWith(path.join(process.env.DATA_DIR!, 'uploads'))).toBe(true);
    const stored = fs.readFileSync(storedPath);
    expect(crypto.createHash('sha256').update(stored).digest('hex')).toBe(row.sha256);
    expect(stored.length).toBe(res.size);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('png');
    expect(meta.exif).toBeUndefined();

    expect(row.thumbSha256).toMatch(/^[0-9a-f]{64}$/);
    const thumb = fs.readFileSync(blobPath(row.thumbSha256!));
    const tmeta = await sharp(thumb).metadata();
    expect(tmeta.format).toBe('jpeg');
    expect(Math.max(tmeta.width!, tmeta.height!)).toBe(240);
    expect(tmeta.width).toBe(240);
    expect(tmeta.height).toBe(180);

    // No temp files left behind.
    expect(listUploads().sort()).toEqual([storedPath, blobPath(row.thumbSha256!)].sort());
  });

  it('stores a JPEG, applying the EXIF orientation and stripping EXIF', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'photo.jpg', bytes: jpeg });
    expect(res.mime).toBe('image/jpeg');
    // orientation 6 = rotate 90°: 300×800 becomes 800×300.
    expect([res.width, res.height]).toEqual([800, 300]);
    const row = getDb().select().from(files).where(eq(files.id, res.id)).get()!;
    const meta = await sharp(fs.readFileSync(blobPath(row.sha256))).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('decides the image type by bytes, not by name', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'really-a-png.jpg', bytes: pngWithExif });
    expect(res.mime).toBe('image/png');
  });

  it('stores identical content once (content-addressed) but records each upload', async () => {
    const a = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'a.pdf', bytes: pdf });
    const b = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'b.pdf', bytes: pdf });
    expect(a.id).not.toBe(b.id);
    expect(listUploads()).toHaveLength(1);
    expect(fileRowCount()).toBe(2);
  });

  it('stores a valid PDF unchanged, without thumbnail', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: '自评估报告.pdf', bytes: pdf });
    expect(res).toMatchObject({ kind: 'pdf', mime: 'application/pdf', size: pdf.length, width: null, height: null, hasThumb: false });
    const row = getDb().select().from(files).where(eq(files.id, res.id)).get()!;
    expect(row.thumbSha256).toBeNull();
    expect(fs.readFileSync(blobPath(row.sha256)).equals(pdf)).toBe(true);
  });

  it('keeps only the base name of the original name', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'C:\\Users\\x\\..\\报告.pdf', bytes: pdf });
    expect(res.originalName).toBe('报告.pdf');
  });

  it('rejects a PNG renamed .pdf in a PDF field', async () => {
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'scan.pdf', bytes: pngWithExif }),
      '仅支持 PDF 格式的文件',
    );
  });

  it('rejects a PDF in an image field', async () => {
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'scan.png', bytes: pdf }),
      '仅支持 PNG 或 JPEG 格式的图片',
    );
  });

  it('rejects a random-noise PNG over 5 MB', async () => {
    const side = 1450;
    const raw = crypto.randomBytes(side * side * 3);
    const big = await sharp(raw, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'big.png', bytes: big }),
      '文件大小不能超过 5MB',
    );
  });

  it('rejects a 6 MB buffer with PNG magic', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    pngWithExif.copy(big, 0, 0, 64);
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'big.png', bytes: big }),
      '文件大小不能超过 5MB',
    );
  });

  it('rejects a text file renamed .jpg', async () => {
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'notes.jpg', bytes: Buffer.from('这不是图片，只是一段文字。\n'.repeat(20)) }),
      '仅支持 PNG 或 JPEG 格式的图片',
    );
  });

  it('rejects a truncated PNG', async () => {
    const truncated = pngWithExif.subarray(0, Math.floor(pngWithExif.length / 2));
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'half.png', bytes: Buffer.from(truncated) }),
      '图片文件已损坏，无法读取',
    );
  });

  it('rejects a truncated JPEG', async () => {
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'half.jpg', bytes: Buffer.from(truncated) }),
      '图片文件已损坏，无法读取',
    );
  });

  it('rejects a PDF header followed by garbage', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(4096)]);
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'broken.pdf', bytes: garbage }),
      'PDF 文件已损坏，无法读取',
    );
  });

  it('rejects a truncated PDF', async () => {
    const truncated = pdf.subarray(0, Math.floor(pdf.length / 2));
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'half.pdf', bytes: Buffer.from(truncated) }),
      'PDF 文件已损坏，无法读取',
    );
  });

  it('rejects an empty file', async () => {
    await expectRejected(
      storeUpload({ ownerId: owner.id, kind: 'image', originalName: 'empty.png', bytes: Buffer.alloc(0) }),
      '请选择要上传的文件',
    );
  });
});

// ---------------------------------------------------------------- access

describe('getFileForActor / attachFileToSubject', () => {
  it('lets the owner, admins and the reviewers of the subject unit read; nobody else', async () => {
    const unitA = createUnit(`朝阳分局-${seq}`, `110105-${seq}`);
    const unitB = createUnit(`海淀分局-${seq}`, `110108-${seq}`);
    const other = createUser('applicant');
    const admin = createUser('admin');
    const reviewerA = createUser('reviewer', unitA);
    const reviewerB = createUser('reviewer', unitB);

    const img = await storeUpload({ ownerId: owner.id, kind: 'image', originalName: '手持.png', bytes: pngWithExif });
    const doc = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: '报告.pdf', bytes: pdf });

    const mine = getFileForActor(owner, img.id, 'original');
    expect(mine.mime).toBe('image/png');
    expect(mine.originalName).toBe('手持.png');
    expect((await sharp(mine.bytes).metadata()).width).toBe(640);

    const thumb = getFileForActor(owner, img.id, 'thumb');
    expect(thumb.mime).toBe('image/jpeg');
    expect((await sharp(thumb.bytes).metadata()).format).toBe('jpeg');

    expect(getFileForActor(admin, doc.id, 'original').bytes.equals(pdf)).toBe(true);

    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (e) {
        return e instanceof AppError ? e.code : String(e);
      }
    };

    expect(codeOf(() => getFileForActor(other, img.id, 'original'))).toBe('forbidden');
    expect(codeOf(() => getFileForActor(null, img.id, 'original'))).toBe('unauthenticated');
    // Not yet attached: no reviewer may read it.
    expect(codeOf(() => getFileForActor(reviewerA, img.id, 'original'))).toBe('forbidden');
    expect(codeOf(() => getFileForActor(owner, 999_999, 'original'))).toBe('not_found');
    expect(codeOf(() => getFileForActor(owner, doc.id, 'thumb'))).toBe('not_found');

    const subjectId = createSubject(owner.id, unitA);
    // Another user's files cannot be attached by this owner.
    const foreign = await storeUpload({ ownerId: other.id, kind: 'pdf', originalName: 'x.pdf', bytes: pdf });
    const attached = attachFileToSubject([img.id, doc.id, foreign.id], subjectId, owner.id);
    expect(attached.sort()).toEqual([img.id, doc.id].sort());
    expect(getDb().select().from(files).where(eq(files.id, foreign.id)).get()!.subjectId).toBeNull();

    expect(codeOf(() => getFileForActor(reviewerA, img.id, 'original'))).toBe('ok');
    expect(codeOf(() => getFileForActor(reviewerA, img.id, 'thumb'))).toBe('ok');
    expect(codeOf(() => getFileForActor(reviewerA, doc.id, 'original'))).toBe('ok');
    expect(codeOf(() => getFileForActor(reviewerA, foreign.id, 'original'))).toBe('forbidden');
    expect(codeOf(() => getFileForActor(reviewerB, img.id, 'original'))).toBe('forbidden');
    expect(codeOf(() => getFileForActor(other, img.id, 'original'))).toBe('forbidden');
    expect(codeOf(() => getFileForActor(owner, img.id, 'original'))).toBe('ok');
    expect(codeOf(() => getFileForActor(admin, img.id, 'thumb'))).toBe('ok');

    // A file attached to one subject is not moved to another.
    const subject2 = createSubject(owner.id, unitB);
    expect(attachFileToSubject([img.id], subject2, owner.id)).toEqual([]);
    expect(codeOf(() => getFileForActor(reviewerB, img.id, 'original'))).toBe('forbidden');
  });

  it('attaches inside a caller transaction', async () => {
    const unit = createUnit(`东城分局-${seq}`, `110101-${seq}`);
    const subjectId = createSubject(owner.id, unit);
    const f = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'a.pdf', bytes: pdf });
    const ids = getDb().transaction((tx) => attachFileToSubject([f.id], subjectId, owner.id, tx));
    expect(ids).toEqual([f.id]);
    expect(getDb().select().from(files).where(eq(files.id, f.id)).get()!.subjectId).toBe(subjectId);
  });
});

describe('document uploads (image or PDF, decided by the bytes)', () => {
  it('stores a PDF as pdf and a PNG as an image', async () => {
    const a = await storeUpload({ ownerId: owner.id, kind: 'document', originalName: '域名证书.pdf', bytes: pdf });
    expect(a.kind).toBe('pdf');
    const b = await storeUpload({ ownerId: owner.id, kind: 'document', originalName: '域名证书.png', bytes: pngWithExif });
    expect(b).toMatchObject({ kind: 'image', hasThumb: true });
  });

  it('refuses anything else, and a broken PDF, storing nothing', async () => {
    await expectRejected(storeUpload({ ownerId: owner.id, kind: 'document', originalName: 'a.pdf', bytes: Buffer.from('plain text, not a document') }), '仅支持 PNG、JPEG 格式的图片或 PDF 文件');
    await expectRejected(storeUpload({ ownerId: owner.id, kind: 'document', originalName: 'b.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(200)]) }), 'PDF 文件已损坏，无法读取');
  });
});

// ---------------------------------------------------------------- hostile PDFs (issue 12, item 5)

describe('hostile PDFs are parsed off the event loop', () => {
  it('refuses a 1 MB junk PDF within the time limit while the main thread keeps answering in < 500 ms', async () => {
    const before = process.env.WLBA_PDF_TIMEOUT_MS;
    process.env.WLBA_PDF_TIMEOUT_MS = '1500';
    try {
      // The main thread's other work during the upload: a timer every 20 ms (its worst lateness)
      // and, 200 ms in, a request like /api/health (a database read), timed from when it was made.
      let worstLag = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const t = performance.now();
        worstLag = Math.max(worstLag, t - last - 20);
        last = t;
      }, 20);
      const madeAt = performance.now() + 200;
      const health = new Promise<number>((resolve) =>
        setTimeout(async () => {
          await new Promise((r) => setImmediate(r));
          getDb().select({ n: count() }).from(files).get();
          resolve(performance.now() - madeAt);
        }, 200),
      );
      const upload = storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'junk.pdf', bytes: junkPdf(1024 * 1024) });
      const err = await upload.then(() => null, (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 60)); // lets a late tick report its lateness
      clearInterval(ticker);

      expect(await health).toBeLessThan(500);
      expect(worstLag).toBeLessThan(500);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toBe('PDF 文件无法在限定时间内解析，请重新导出后上传');
      expect(listUploads()).toEqual([]);
      expect(fileRowCount()).toBe(0);
    } finally {
      if (before === undefined) delete process.env.WLBA_PDF_TIMEOUT_MS;
      else process.env.WLBA_PDF_TIMEOUT_MS = before;
    }
  });

  it('stores a valid PDF with a 1 MB random tail, without the tail', async () => {
    const withTail = Buffer.concat([pdf, crypto.randomBytes(1024 * 1024)]);
    const res = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: '扫描件.pdf', bytes: withTail });
    const row = getDb().select().from(files).where(eq(files.id, res.id)).get()!;
    expect(fs.readFileSync(blobPath(row.sha256)).equals(pdf)).toBe(true);
    expect(row.size).toBe(pdf.length);
  });

  it('refuses a PDF without an end marker as broken', async () => {
    await expectRejected(storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'cut.pdf', bytes: pdf.subarray(0, pdf.lastIndexOf('%%EOF')) }), 'PDF 文件已损坏，无法读取');
  });

  it('accepts a plain PDF with a web link and a GoTo open action', async () => {
    const res = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: '说明.pdf', bytes: await plainPdf() });
    expect(res.kind).toBe('pdf');
  });

  for (const [name, c] of Object.entries(ACTIVE_PDFS)) {
    it(`refuses active content, storing nothing: ${name}`, async () => {
      const bytes = await c.build();
      for (const kind of ['pdf', 'document'] as const) {
        await expectRejected(
          storeUpload({ ownerId: owner.id, kind, originalName: '附件说明.pdf', bytes }),
          'PDF 含有脚本、启动命令或嵌入文件等活动内容，请另存为普通 PDF 后上传',
        );
      }
    });
  }
});

// ---------------------------------------------------------------- daily quota (issue 12, item 7)

describe('per-account upload quota over a rolling 24 hours', () => {
  const MB = 1024 * 1024;
  const HOUR = 60 * 60_000;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.WLBA_UPLOAD_QUOTA_MB;
    process.env.WLBA_UPLOAD_QUOTA_MB = '1';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.WLBA_UPLOAD_QUOTA_MB;
    else process.env.WLBA_UPLOAD_QUOTA_MB = saved;
  });

  /** A distinct valid PDF of about `size` bytes (a stream of random bytes keeps it from compressing). */
  async function pdfOfSize(size: number): Promise<Buffer> {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    doc.context.register(doc.context.flateStream(crypto.randomBytes(size - 1200)));
    const out = Buffer.from(await doc.save());
    expect(Math.abs(out.length - size)).toBeLessThan(3000);
    return out;
  }

  async function quotaRefusal(promise: Promise<unknown>) {
    const err = await promise.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('rate_limited');
    return (err as AppError).message;
  }

  it('refuses an upload past the limit with the limit in the message, counting each account alone, and frees it 24 hours later', async () => {
    const t0 = Date.now();
    let clock = t0;
    const now = () => clock;
    const other = createUser('applicant');
    const a = await pdfOfSize(400 * 1024);
    const b = await pdfOfSize(400 * 1024);
    const c = await pdfOfSize(400 * 1024);

    await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'a.pdf', bytes: a }, now);
    clock = t0 + 2 * HOUR;
    await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'b.pdf', bytes: b }, now);
    clock = t0 + 3 * HOUR;
    const rowsBefore = fileRowCount();
    const message = await quotaRefusal(storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'c.pdf', bytes: c }, now));
    expect(message).toMatch(/^每个账号 24 小时内最多上传 1 MB 文件，您已上传 0\.8 MB，请稍后再试$/);
    expect(fileRowCount()).toBe(rowsBefore);

    // Another account has its own quota.
    await storeUpload({ ownerId: other.id, kind: 'pdf', originalName: 'c.pdf', bytes: c }, now);

    // Still inside the window of the first upload: refused; just past it: accepted.
    clock = t0 + 24 * HOUR - 1;
    await quotaRefusal(storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'c.pdf', bytes: c }, now));
    clock = t0 + 24 * HOUR + 1;
    const ok = await storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'c.pdf', bytes: c }, now);
    expect(ok.kind).toBe('pdf');
    // b (2 h) and c now fill it again.
    await quotaRefusal(storeUpload({ ownerId: owner.id, kind: 'pdf', originalName: 'a.pdf', bytes: a }, now));
  });

  it('defaults to 200 MB and reads WLBA_UPLOAD_QUOTA_MB', () => {
    expect(uploadQuotaBytes({})).toBe(200 * MB);
    expect(uploadQuotaBytes({ WLBA_UPLOAD_QUOTA_MB: '50' })).toBe(50 * MB);
    expect(uploadQuotaBytes({ WLBA_UPLOAD_QUOTA_MB: 'abc' })).toBe(200 * MB);
  });
});
