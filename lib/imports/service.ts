/**
 * /admin/imports (SPEC §8.2, §8.3): preview and import of a 未备案网站 or 旧备案 CSV, all rows or
 * none in one transaction; the lists of imported rows. PII of the rows: 证件号码 as HMAC + masked,
 * 负责人手机号码 encrypted + HMAC + masked.
 */
import 'server-only';
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, gte, or, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { filings, imports, legacyFilings, subjects, unfiledWebsites, websiteDomains, websites, type ImportKind } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { encryptPii, hmacPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { IMPORT_MAX_BYTES, parseLegacyCsv, parseUnfiledCsv, type LegacyRow, type LineError, type UnfiledRow } from './csv';
import { PUSHABLE_SUBJECT_STATUSES, pushUnfiled, unfiledState, type UnfiledState } from './unfiled';

export const PREVIEW_ROWS = 20;
export const IMPORT_PAGE_SIZE = 20;

type Parsed = { kind: '未备案网站'; rows: UnfiledRow[] } | { kind: '旧备案'; rows: LegacyRow[] };
export type ImportCheck = { ok: true; parsed: Parsed; total: number } | { ok: false; fatal?: string; errors: LineError[] };

function decode(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // A file the browser read as text had its invalid bytes replaced by U+FFFD.
    return text.includes('\uFFFD') ? null : text;
  } catch {
    return null;
  }
}

/** Parses and checks the file (in the database too: 旧备案号 already used). */
function check(tx: Tx, kind: ImportKind, bytes: Uint8Array, now: number): ImportCheck {
  if (bytes.byteLength === 0) return { ok: false, fatal: '请选择导入文件', errors: [] };
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, fatal: '文件不能超过2MB', errors: [] };
  const text = decode(bytes);
  if (text === null) return { ok: false, fatal: '文件应为UTF-8编码的CSV', errors: [] };
  if (kind === '未备案网站') {
    const r = parseUnfiledCsv(text, now);
    if ('fatal' in r) return { ok: false, fatal: r.fatal, errors: [] };
    if (r.errors.length) return { ok: false, errors: r.errors };
    return { ok: true, parsed: { kind, rows: r.rows }, total: r.rows.length };
  }
  const r = parseLegacyCsv(text, now);
  if ('fatal' in r) return { ok: false, fatal: r.fatal, errors: [] };
  const errors = [...r.errors];
  const digits = r.rows.map((x) => x.oldDigits);
  if (digits.length) {
    const used = new Set<string>();
    for (let i = 0; i < digits.length; i += 500) {
      const part = digits.slice(i, i + 500);
      for (const w of tx.select({ d: websites.filingDigits }).from(websites).where(inArray(websites.filingDigits, part)).all()) used.add(w.d!);
      for (const f of tx.select({ d: filings.filingDigits }).from(filings).where(inArray(filings.filingDigits, part)).all()) used.add(f.d!);
      for (const l of tx.select({ d: legacyFilings.oldDigits }).from(legacyFilings).where(inArray(legacyFilings.oldDigits, part)).all()) used.add(l.d);
    }
    for (const row of r.rows) if (used.has(row.oldDigits)) errors.push({ line: row.line, message: '旧备案号已被使用' });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, parsed: { kind, rows: r.rows }, total: r.rows.length };
}

export type PreviewRow = { line: number; cells: string[] };
export type Preview = { ok: true; total: number; rows: PreviewRow[] } | { ok: false; fatal?: string; errors: LineError[] };

/** The first rows as they would be imported (证件号码 and phone masked), or the errors. */
export function previewImport(kind: ImportKind, bytes: Uint8Array, now = Date.now()): Preview {
  const r = check(getDb(), kind, bytes, now);
  if (!r.ok) return r;
  const rows: PreviewRow[] =
    r.parsed.kind === '未备案网站'
      ? r.parsed.rows.slice(0, PREVIEW_ROWS).map((x) => ({ line: x.line, cells: [x.name, x.domain, x.certType, maskIdNumber(x.certNumber), x.discoveredOn] }))
      : r.parsed.rows
          .slice(0, PREVIEW_ROWS)
          .map((x) => ({ line: x.line, cells: [x.oldNumber, x.name, x.domain, x.subjectName, x.certType, maskIdNumber(x.certNumber), maskPhone(x.phone), x.filedOn] }));
  return { ok: true, total: r.total, rows };
}

export type ImportResult = { ok: true; importId: number; count: number; pushed: number; filed: number } | { ok: false; fatal?: string; errors: LineError[] };

const FILED_STATUSES = ['已备案', '变更中', '注销中'] as const;

/** Imports the whole file or nothing (any line error → nothing written, the errors returned). */
export function importFile(adminId: number, kind: ImportKind, fileName: string, bytes: Uint8Array, now = Date.now()): ImportResult {
  return getDb().transaction((tx) => {
    const r = check(tx, kind, bytes, now);
    if (!r.ok) return r;
    const imp = tx.insert(imports).values({ kind, fileName: fileName.slice(0, 200) || 'import.csv', rowCount: r.total, adminId, createdAt: now }).returning({ id: imports.id }).get();
    let pushed = 0;
    let filed = 0;
    if (r.parsed.kind === '未备案网站') {
      const rows = r.parsed.rows;
      const filedBy = new Map<string, number>();
      const asciis = rows.map((x) => x.domainAscii);
      for (let i = 0; i < asciis.length; i += 500) {
        const hits = tx
          .select({ ascii: websiteDomains.ascii, websiteId: websites.id })
          .from(websiteDomains)
          .innerJoin(websites, eq(websites.id, websiteDomains.websiteId))
          .where(and(inArray(websiteDomains.ascii, asciis.slice(i, i + 500)), inArray(websites.status, [...FILED_STATUSES])))
          .all();
        for (const h of hits) filedBy.set(h.ascii, h.websiteId);
      }
      for (const x of rows) {
        const websiteId = filedBy.get(x.domainAscii) ?? null;
        if (websiteId) filed++;
        tx.insert(unfiledWebsites)
          .values({
            importId: imp.id,
            name: x.name,
            domain: x.domain,
            domainAscii: x.domainAscii,
            certType: x.certType,
            certNumberHmac: hmacPii(x.certNumber),
            certNumberMasked: maskIdNumber(x.certNumber),
            discoveredOn: x.discoveredOn,
            filedWebsiteId: websiteId,
            filedAt: websiteId ? now : null,
            importedAt: now,
          })
          .run();
      }
      // Push to the approved subjects with one of these 证件号码 (HMAC only, never decrypted).
      const hmacs = [...new Set(rows.map((x) => hmacPii(x.certNumber)))];
      const subjectIds = new Set<number>();
      for (let i = 0; i < hmacs.length; i += 400) {
        const part = hmacs.slice(i, i + 400);
        const found = tx
          .select({ id: subjects.id })
          .from(subjects)
          .where(and(inArray(subjects.status, [...PUSHABLE_SUBJECT_STATUSES]), or(inArray(subjects.certNumberHmac, part), and(eq(subjects.nature, '个人'), inArray(subjects.principalIdHmac, part)))))
          .all();
        for (const s of found) subjectIds.add(s.id);
      }
      for (const id of subjectIds) pushed += pushUnfiled(tx, id, now);
    } else {
      for (const x of r.parsed.rows) {
        tx.insert(legacyFilings)
          .values({
            importId: imp.id,
            oldDigits: x.oldDigits,
            oldNumber: x.oldNumber,
            name: x.name,
            domain: x.domain,
            domainAscii: x.domainAscii,
            subjectName: x.subjectName,
            certType: x.certType,
            certNumberHmac: hmacPii(x.certNumber),
            certNumberMasked: maskIdNumber(x.certNumber),
            principalPhoneEnc: encryptPii(x.phone),
            principalPhoneHmac: hmacPii(x.phone),
            principalPhoneMasked: maskPhone(x.phone),
            filedOn: x.filedOn,
            importedAt: now,
          })
          .run();
      }
    }
    writeAudit(
      {
        actorId: adminId,
        actorRole: 'admin',
        action: kind === '未备案网站' ? 'import.unfiled' : 'import.legacy',
        objectType: 'import',
        objectId: imp.id,
        after: { fileName, count: r.total, pushed, filed },
      },
      tx,
    );
    return { ok: true, importId: imp.id, count: r.total, pushed, filed };
  });
}

/** importFile for a signed-in actor: admins only (lib/auth/policy). */
export function importFileAs(actor: Actor | null, kind: ImportKind, fileName: string, bytes: Uint8Array, now = Date.now()): ImportResult {
  assertCan(actor, 'admin.area');
  return importFile(actor.id, kind, fileName, bytes, now);
}

/** previewImport for a signed-in actor: admins only. */
export function previewImportAs(actor: Actor | null, kind: ImportKind, bytes: Uint8Array, now = Date.now()): Preview {
  assertCan(actor, 'admin.area');
  return previewImport(kind, bytes, now);
}

function stateWhere(state: UnfiledState | undefined, now: number): SQL | undefined {
  switch (state) {
    case '已备案':
      return isNotNull(unfiledWebsites.filedWebsiteId);
    case '待推送':
      return and(isNull(unfiledWebsites.filedWebsiteId), isNull(unfiledWebsites.pushedAt));
    case '已逾期':
      return and(isNull(unfiledWebsites.filedWebsiteId), isNotNull(unfiledWebsites.pushedAt), lt(unfiledWebsites.deadline, now));
    case '已推送':
      return and(isNull(unfiledWebsites.filedWebsiteId), isNotNull(unfiledWebsites.pushedAt), gte(unfiledWebsites.deadline, now));
    default:
      return undefined;
  }
}

/** The admin list of 未备案网站, 20 a page, newest first. */
export function listUnfiled(opts: { state?: UnfiledState; page?: number; pageSize?: number } = {}, now = Date.now()) {
  const pageSize = opts.pageSize ?? IMPORT_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const where = stateWhere(opts.state, now);
  const db = getDb();
  const total = db.select({ n: count() }).from(unfiledWebsites).where(where).get()!.n;
  const rows = db
    .select()
    .from(unfiledWebsites)
    .where(where)
    .orderBy(desc(unfiledWebsites.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => ({ ...r, state: unfiledState(r, now) }));
  return { rows, total, page, pageSize };
}

export const LEGACY_STATES = ['待认领', '认领中', '已认领'] as const;
export type LegacyState = (typeof LEGACY_STATES)[number];

export function legacyState(r: { claimedWebsiteId: number | null; claimApplicationId: number | null }): LegacyState {
  if (r.claimedWebsiteId) return '已认领';
  if (r.claimApplicationId) return '认领中';
  return '待认领';
}

/** The admin list of 旧备案, 20 a page, newest first. */
export function listLegacy(opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = opts.pageSize ?? IMPORT_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const db = getDb();
  const total = db.select({ n: count() }).from(legacyFilings).get()!.n;
  const rows = db
    .select({
      id: legacyFilings.id,
      oldNumber: legacyFilings.oldNumber,
      name: legacyFilings.name,
      domain: legacyFilings.domain,
      subjectName: legacyFilings.subjectName,
      claimedWebsiteId: legacyFilings.claimedWebsiteId,
      claimApplicationId: legacyFilings.claimApplicationId,
    })
    .from(legacyFilings)
    .orderBy(desc(legacyFilings.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => ({ ...r, state: legacyState(r) }));
  return { rows, total, page, pageSize };
}

/** The pushed rows of a subject, for /my/unfiled. */
export function listPushedForSubject(subjectId: number, now = Date.now()) {
  return getDb()
    .select()
    .from(unfiledWebsites)
    .where(and(eq(unfiledWebsites.matchedSubjectId, subjectId), isNotNull(unfiledWebsites.pushedAt)))
    .orderBy(desc(unfiledWebsites.id))
    .all()
    .map((r) => ({ ...r, state: unfiledState(r, now) }));
}

/** A row pushed to a subject owned by this user (for the 新办网站 prefill), or null. */
export function unfiledForOwner(userId: number, id: number) {
  return (
    getDb()
      .select({ name: unfiledWebsites.name, domain: unfiledWebsites.domain, subjectId: unfiledWebsites.matchedSubjectId })
      .from(unfiledWebsites)
      .innerJoin(subjects, eq(subjects.id, unfiledWebsites.matchedSubjectId))
      .where(and(eq(unfiledWebsites.id, id), eq(subjects.ownerId, userId), isNotNull(unfiledWebsites.pushedAt)))
      .get() ?? null
  );
}
