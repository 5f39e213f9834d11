import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applications, files, subjects } from '@/db/schema';
import { dataDir } from '@/lib/config/env';
import { canReadFile, type Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { checkPdf } from '@/lib/pdf/pool';
import { UPLOAD_QUOTA_WINDOW_MS, uploadQuotaBytes, uploadQuotaError } from './quota';

/** Largest accepted upload (SPEC §11.2). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest side of a thumbnail, in pixels. */
export const THUMB_MAX_PX = 240;
/** Decompression-bomb guard: a 5 MB PNG can describe a gigapixel image. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type FileKind = 'image' | 'pdf';
/** What an upload field accepts: 'document' is an image or a PDF, decided by the bytes. */
export type UploadKind = FileKind | 'document';

export const UPLOAD_ERRORS = {
  empty: '请选择要上传的文件',
  tooLarge: '文件大小不能超过 5MB',
  imageType: '仅支持 PNG 或 JPEG 格式的图片',
  pdfType: '仅支持 PDF 格式的文件',
  documentType: '仅支持 PNG、JPEG 格式的图片或 PDF 文件',
  imageBroken: '图片文件已损坏，无法读取',
  pdfBroken: 'PDF 文件已损坏，无法读取',
  imageTooManyPixels: '图片尺寸过大（超过 5000 万像素），请缩小后重新上传',
  pdfTimeout: 'PDF 文件无法在限定时间内解析，请重新导出后上传',
  pdfActive: 'PDF 含有脚本、启动命令或嵌入文件等活动内容，请另存为普通 PDF 后上传',
  busy: '系统繁忙，请稍后重试',
  kind: '上传类型无效',
} as const;

export type StoredFile = {
  id: number;
  kind: FileKind;
  mime: string;
  size: number;
  originalName: string;
  width: number | null;
  height: number | null;
  hasThumb: boolean;
};

export type StoreUploadInput = {
  ownerId: number;
  kind: UploadKind;
  originalName: string;
  bytes: Buffer;
};

function invalid(message: string): AppError {
  return new AppError('invalid', message, { file: message });
}

/** DATA_DIR/uploads — outside the web root; created on demand. */
export function uploadsDir(): string {
  return path.join(dataDir(), 'uploads');
}

/** Where the blob with this sha256 lives: uploads/<first 2 hex>/<sha256>. */
export function blobPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256);
}

function sha256Of(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes a content-addressed blob atomically (temp file in the same directory,
 * fsync, rename). Skips the write when the blob already exists.
 */
function writeBlob(bytes: Buffer): string {
  const sha = sha256Of(bytes);
  const target = blobPath(sha);
  if (fs.existsSync(target)) return sha;
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${sha}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  // Make the rename itself durable (best effort: not every platform can fsync a directory).
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* ignore */
  }
  return sha;
}

/** Keeps only the base name, drops control characters, caps the length. */
export function sanitizeFileName(name: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length > 200) {
    const ext = path.extname(clean).slice(0, 16);
    clean = clean.slice(0, 200 - ext.length) + ext;
  }
  return clean || '未命名文件';
}

type Processed = {
  mime: string;
  stored: Buffer;
  width: number | null;
  height: number | null;
  thumb: Buffer | null;
};

async function processImage(bytes: Buffer): Promise<Processed> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!detected || (detected.mime !== 'image/png' && detected.mime !== 'image/jpeg')) {
    throw invalid(UPLOAD_ERRORS.imageType);
  }
  const format = detected.mime === 'image/png' ? 'png' : 'jpeg';

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw invalid(UPLOAD_ERRORS.imageBroken);
  }
  if (meta.format !== format || !meta.width || !meta.height) throw invalid(UPLOAD_ERRORS.imageBroken);
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw invalid(UPLOAD_ERRORS.imageTooManyPixels);

  let stored: Buffer;
  let width: number;
  let height: number;
  try {
    // Re-encoding drops every metadata block (EXIF, GPS, XMP, comments); rotate() first
    // bakes the EXIF orientation into the pixels. failOn 'warning' rejects truncated data.
    const pipeline = sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const out =
      format === 'png'
        ? await pipeline.png().toBuffer({ resolveWithObject: true })
        : await pipeline.jpeg({ quality: 90 }).toBuffer({ resolveWithObject: true });
    stored = out.data;
    width = out.info.width;
    height = out.info.height;
  } catch {
    throw invalid(UPLOAD_ERRORS.imageBroken);
  }

  let thumb: Buffer;
  try {
    thumb = await sharp(stored)
      .resize(THUMB_MAX_PX, THUMB_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    throw invalid(UPLOAD_ERRORS.imageBroken);
  }

  return { mime: detected.mime, stored, width, height, thumb };
}

/**
 * Parses the PDF in a worker thread with a time limit (lib/pdf/pool.ts), so a hostile file never
 * blocks other requests; refuses active content. Bytes after the last %%EOF are no part of the
 * document and are not stored: what reviewers get is exactly what was checked.
 */
async function processPdf(bytes: Buffer): Promise<Processed> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!detected || detected.mime !== 'application/pdf' || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw invalid(UPLOAD_ERRORS.pdfType);
  }
  const r = await checkPdf(bytes);
  if (!r.ok) {
    if (r.reason === 'timeout') throw invalid(UPLOAD_ERRORS.pdfTimeout);
    if (r.reason === 'active') throw invalid(UPLOAD_ERRORS.pdfActive);
    if (r.reason === 'busy') throw new AppError('rate_limited', UPLOAD_ERRORS.busy, { file: UPLOAD_ERRORS.busy });
    if (r.reason === 'failed') throw new Error(`PDF worker failed: ${r.detail}`);
    throw invalid(UPLOAD_ERRORS.pdfBroken);
  }
  return { mime: 'application/pdf', stored: bytes.subarray(0, r.end), width: null, height: null, thumb: null };
}

/** An image or a PDF, by its first bytes (the full checks follow in processImage / processPdf). */
function documentKind(bytes: Buffer): FileKind {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) || head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  throw invalid(UPLOAD_ERRORS.documentType);
}

/** Bytes the account uploaded in the 24 hours before `now`. */
export function uploadedBytesSince(ownerId: number, now: number): number {
  const row = getDb()
    .select({ total: sql<number>`coalesce(sum(${files.size}), 0)` })
    .from(files)
    .where(and(eq(files.ownerId, ownerId), gt(files.createdAt, now - UPLOAD_QUOTA_WINDOW_MS)))
    .get();
  return Number(row?.total ?? 0);
}

function assertWithinQuota(ownerId: number, incoming: number, now: number): void {
  const message = uploadQuotaError(uploadedBytesSince(ownerId, now), incoming, uploadQuotaBytes());
  if (message) throw new AppError('rate_limited', message, { file: message });
}

/**
 * Validates, re-encodes (images) and stores an upload, then records it. Every check
 * runs before anything touches the disk, so a rejected file leaves no trace; the row
 * is inserted only after the blobs are safely renamed into place. Each account may upload
 * WLBA_UPLOAD_QUOTA_MB (200) MB over a rolling 24 hours; `now` is the clock (tests inject one).
 */
export async function storeUpload(input: StoreUploadInput, now: () => number = Date.now): Promise<StoredFile> {
  const { ownerId, bytes } = input;
  if (input.kind !== 'image' && input.kind !== 'pdf' && input.kind !== 'document') throw invalid(UPLOAD_ERRORS.kind);
  if (!bytes || bytes.length === 0) throw invalid(UPLOAD_ERRORS.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid(UPLOAD_ERRORS.tooLarge);
  const kind: FileKind = input.kind === 'document' ? documentKind(bytes) : input.kind;
  // Refused before any work is done, and again with the stored size just before the write.
  assertWithinQuota(ownerId, bytes.length, now());

  const originalName = sanitizeFileName(input.originalName);
  const processed = kind === 'image' ? await processImage(bytes) : await processPdf(bytes);

  // From here to the insert nothing awaits, so concurrent uploads of one account cannot overrun the quota.
  const createdAt = now();
  assertWithinQuota(ownerId, processed.stored.length, createdAt);
  const sha256 = writeBlob(processed.stored);
  const thumbSha256 = processed.thumb ? writeBlob(processed.thumb) : null;

  const row = getDb()
    .insert(files)
    .values({
      ownerId,
      subjectId: null,
      kind,
      mime: processed.mime,
      sha256,
      size: processed.stored.length,
      originalName,
      width: processed.width,
      height: processed.height,
      thumbSha256,
      createdAt,
    })
    .returning({ id: files.id })
    .get();

  return {
    id: row.id,
    kind,
    mime: processed.mime,
    size: processed.stored.length,
    originalName,
    width: processed.width,
    height: processed.height,
    hasThumb: thumbSha256 != null,
  };
}

export type FileVariant = 'original' | 'thumb';

export type FileContent = { bytes: Buffer; mime: string; originalName: string };

/** File metadata plus the unit reviewing the subject it is attached to (if any). */
export function getFileRecord(fileId: number) {
  if (!Number.isSafeInteger(fileId) || fileId <= 0) return undefined;
  return getDb()
    .select({
      id: files.id,
      ownerId: files.ownerId,
      subjectId: files.subjectId,
      kind: files.kind,
      mime: files.mime,
      sha256: files.sha256,
      size: files.size,
      originalName: files.originalName,
      width: files.width,
      height: files.height,
      thumbSha256: files.thumbSha256,
      subjectUnitId: subjects.unitId,
    })
    .from(files)
    .leftJoin(subjects, eq(subjects.id, files.subjectId))
    .where(eq(files.id, fileId))
    .get();
}

/** Units with an open application of the subject in their queue (one 转办 away from the subject's unit). */
function openReviewUnits(subjectId: number | null): number[] {
  if (!subjectId) return [];
  return getDb()
    .selectDistinct({ unitId: applications.unitId })
    .from(applications)
    .where(and(eq(applications.subjectId, subjectId), eq(applications.queued, true), inArray(applications.status, ['待审核', '审核中', '待面审'])))
    .all()
    .map((r) => r.unitId)
    .filter((v): v is number => v != null);
}

function thumbName(originalName: string): string {
  const ext = path.extname(originalName);
  const stem = ext ? originalName.slice(0, -ext.length) : originalName;
  return `${stem || 'thumb'}_缩略图.jpg`;
}

/**
 * The bytes of a file, for an actor allowed to read it (owner, admins, reviewers of
 * the attached subject's unit). Throws AppError 'unauthenticated' for no actor,
 * 'not_found' for an unknown file (or a missing thumbnail), 'forbidden' otherwise.
 */
export function getFileForActor(actor: Actor | null, fileId: number, variant: FileVariant = 'original'): FileContent {
  if (!actor) throw new AppError('unauthenticated', '请先登录');
  const rec = getFileRecord(fileId);
  if (!rec) throw new AppError('not_found', '文件不存在');
  if (!canReadFile(actor, { ownerId: rec.ownerId, subjectUnitId: rec.subjectUnitId ?? null, reviewUnitIds: openReviewUnits(rec.subjectId) })) {
    throw new AppError('forbidden', '您没有权限查看此文件');
  }
  const sha = variant === 'thumb' ? rec.thumbSha256 : rec.sha256;
  if (!sha) throw new AppError('not_found', '文件不存在');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(blobPath(sha));
  } catch (e) {
    console.error(`file ${rec.id}: blob ${sha} unreadable`, e);
    throw new AppError('not_found', '文件不存在');
  }
  return variant === 'thumb'
    ? { bytes, mime: 'image/jpeg', originalName: thumbName(rec.originalName) }
    : { bytes, mime: rec.mime, originalName: rec.originalName };
}


/**
 * Attaches the owner's files to a subject so its unit's reviewers may read them.
 * Files of other owners, and files already attached to a different subject, are left
 * alone. Returns the ids now attached to the subject. Pass the transaction of the
 * submission so the attachment commits with it.
 */
export function attachFileToSubject(fileIds: number[], subjectId: number, ownerId: number, tx: Tx = getDb()): number[] {
  const ids = [...new Set(fileIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (ids.length === 0) return [];
  return tx
    .update(files)
    .set({ subjectId })
    .where(
      and(
        inArray(files.id, ids),
        eq(files.ownerId, ownerId),
        or(isNull(files.subjectId), eq(files.subjectId, subjectId)),
      ),
    )
    .returning({ id: files.id })
    .all()
    .map((r) => r.id);
}

/** Image or PDF per file (only images have a thumbnail), for the read-only pages that show uploads. */
export function fileKindsOf(ids: number[]): Record<number, 'image' | 'pdf'> {
  if (!ids.length) return {};
  const rows = getDb().select({ id: files.id, kind: files.kind }).from(files).where(inArray(files.id, [...new Set(ids)])).all();
  return Object.fromEntries(rows.map((r) => [r.id, r.kind]));
}
