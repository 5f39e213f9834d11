import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { providerDirectory } from '@/db/schema';
import { regionByCode } from '@/lib/regions/regions';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { nameCharsError } from '@/lib/validation/text';

export const PROVIDER_KINDS = ['接入服务商', '域名注册服务商'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** GB/T 2260 code → the prefix every code inside that region starts with (110000 → 11, 110100 → 1101). */
export function regionPrefix(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

/**
 * 查询网络接入服务商 / 查询域名注册服务商: 境内 providers registered anywhere inside the
 * chosen region (required for 境内), or 境外 ones; by name; 10 a page.
 */
export function searchProviders(opts: { kind: ProviderKind; scope: '境内' | '境外'; regionCode?: string; name?: string; page?: number }) {
  const db = getDb();
  const page = Math.max(1, opts.page ?? 1);
  // A cancelled 服务商's entries stay in the directory (for the admin) but are no longer offered.
  const conds: SQL[] = [eq(providerDirectory.kind, opts.kind), eq(providerDirectory.scope, opts.scope), isNull(providerDirectory.cancelledAt)];
  if (opts.scope === '境内' && opts.regionCode) {
    // Registered inside the chosen region; or a filed 服务商 serving the province the region is in
    // (its entries are per 服务地区 province, SPEC §15.4).
    const inside = like(providerDirectory.regionCode, `${regionPrefix(opts.regionCode)}%`);
    const province = `${opts.regionCode.slice(0, 2)}0000`;
    conds.push(or(inside, and(isNotNull(providerDirectory.filingId), eq(providerDirectory.regionCode, province)))!);
  }
  if (opts.name?.trim()) conds.push(like(providerDirectory.name, `%${opts.name.trim()}%`));
  const where = and(...conds);
  const rows = db
    .select({ id: providerDirectory.id, name: providerDirectory.name, scope: providerDirectory.scope, regionCode: providerDirectory.regionCode })
    .from(providerDirectory)
    .where(where)
    .orderBy(asc(providerDirectory.name))
    .limit(10)
    .offset((page - 1) * 10)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(providerDirectory).where(where).get()!.n;
  return { rows, total, page, pageSize: 10 };
}

// ---------------------------------------------------------------------------
// 服务商名录 maintenance (/admin/providers)
// ---------------------------------------------------------------------------

export const PROVIDER_SCOPES = ['境内', '境外'] as const;
export type ProviderScope = (typeof PROVIDER_SCOPES)[number];

/** The header row 批量导入 expects, in this order. */
export const PROVIDER_CSV_HEADER = ['类型', '名称', '管辖', '地区代码'] as const;
export const PROVIDER_PAGE_SIZE = 20;
const MAX_IMPORT_ROWS = 10_000;

const providerFields = z.object({
  kind: z.enum(PROVIDER_KINDS, { error: '类型应为“接入服务商”或“域名注册服务商”' }),
  name: z
    .string({ error: '请填写名称' })
    .trim()
    .min(2, '名称应为2至100个字符')
    .max(100, '名称应为2至100个字符')
    .superRefine((v, ctx) => {
      const message = nameCharsError(v, '名称');
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  scope: z.enum(PROVIDER_SCOPES, { error: '管辖应为“境内”或“境外”' }),
  /** '' and null both mean "none" (the form sends '' for 境外). */
  regionCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
});

function checkRegion(v: { scope: ProviderScope; regionCode: string | null }, ctx: z.RefinementCtx) {
  if (v.scope === '境内') {
    if (!v.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '境内服务商须填写所属地区' });
    else if (!/^\d{6}$/.test(v.regionCode) || !regionByCode(v.regionCode))
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `所属地区代码“${v.regionCode}”无效，应为6位行政区划代码` });
  } else if (v.regionCode) {
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '境外服务商不填写所属地区' });
  }
}

/** 新增服务商 / 编辑 / one CSV row: name 2–100 chars; 境内 needs a known GB/T 2260 code (any level), 境外 none. */
export const providerInputSchema = providerFields.superRefine(checkRegion);
export const providerUpdateSchema = providerFields.extend({ id: z.number().int().positive() }).superRefine(checkRegion);
export type ProviderInput = z.input<typeof providerInputSchema>;
type ProviderValues = z.output<typeof providerInputSchema>;

function parseProvider(input: ProviderInput): ProviderValues {
  const parsed = providerInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', '请检查填写的内容', fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** kind + name + regionCode identify a directory entry (境外 ones have no region). */
const dupKey = (v: { kind: string; name: string; regionCode: string | null }) => `${v.kind}\u0000${v.name}\u0000${v.regionCode ?? ''}`;


function findDuplicate(tx: Tx, v: ProviderValues, exceptId?: number) {
  const conds: SQL[] = [
    eq(providerDirectory.kind, v.kind),
    eq(providerDirectory.name, v.name),
    v.regionCode ? eq(providerDirectory.regionCode, v.regionCode) : isNull(providerDirectory.regionCode),
  ];
  if (exceptId !== undefined) conds.push(ne(providerDirectory.id, exceptId));
  return tx.select({ id: providerDirectory.id }).from(providerDirectory).where(and(...conds)).get();
}

const duplicateError = () => new AppError('conflict', '名录中已有该服务商', { name: '名录中已有同类型、同名称、同地区的服务商' });

const providerColumns = {
  id: providerDirectory.id,
  kind: providerDirectory.kind,
  name: providerDirectory.name,
  scope: providerDirectory.scope,
  regionCode: providerDirectory.regionCode,
  createdAt: providerDirectory.createdAt,
  filingId: providerDirectory.filingId,
  cancelledAt: providerDirectory.cancelledAt,
};

/** LIKE pattern for "contains", with the user's % and _ taken literally. */
const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** 服务商名录: filters by 类型, 管辖 and 名称 (contains); newest first, 20 a page. */
export function listProviders(opts: { kind?: ProviderKind; scope?: ProviderScope; name?: string; page?: number } = {}) {
  const db = getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const conds: SQL[] = [];
  if (opts.kind) conds.push(eq(providerDirectory.kind, opts.kind));
  if (opts.scope) conds.push(eq(providerDirectory.scope, opts.scope));
  const name = opts.name?.trim();
  if (name) conds.push(sql`${providerDirectory.name} like ${containsPattern(name)} escape '\\'`);
  const where = conds.length ? and(...conds) : undefined;
  const rows = db
    .select(providerColumns)
    .from(providerDirectory)
    .where(where)
    .orderBy(desc(providerDirectory.createdAt), desc(providerDirectory.id))
    .limit(PROVIDER_PAGE_SIZE)
    .offset((page - 1) * PROVIDER_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(providerDirectory).where(where).get()!.n;
  return { rows, total, page, pageSize: PROVIDER_PAGE_SIZE };
}

/** An entry that comes from a filed 服务商 follows its filing: 变更服务商 / 注销服务商 change it, not the admin. */
function refuseFiledEntry(tx: Tx, id: number) {
  const row = tx.select({ filingId: providerDirectory.filingId }).from(providerDirectory).where(eq(providerDirectory.id, id)).get();
  if (row?.filingId) throw new AppError('conflict', '该服务商来自服务商备案，由服务商办理变更服务商或注销服务商后自动更新');
}

export function createProvider(input: ProviderInput, actorId: number | null) {
  const v = parseProvider(input);
  return getDb().transaction((tx) => {
    if (findDuplicate(tx, v)) throw duplicateError();
    const row = tx.insert(providerDirectory).values({ ...v, createdAt: Date.now() }).returning(providerColumns).get();
    writeAudit({ actorId, action: 'provider.create', objectType: 'provider_directory', objectId: row.id, after: v }, tx);
    return row;
  });
}

export function updateProvider(id: number, input: ProviderInput, actorId: number | null) {
  const v = parseProvider(input);
  return getDb().transaction((tx) => {
    const before = tx
      .select({ kind: providerDirectory.kind, name: providerDirectory.name, scope: providerDirectory.scope, regionCode: providerDirectory.regionCode })
      .from(providerDirectory)
      .where(eq(providerDirectory.id, id))
      .get();
    if (!before) throw new AppError('not_found', '该服务商不存在或已被删除');
    refuseFiledEntry(tx, id);
    if (findDuplicate(tx, v, id)) throw duplicateError();
    const row = tx.update(providerDirectory).set(v).where(eq(providerDirectory.id, id)).returning(providerColumns).get();
    writeAudit({ actorId, action: 'provider.update', objectType: 'provider_directory', objectId: id, before, after: v }, tx);
    return row;
  });
}

export function deleteProvider(id: number, actorId: number | null): void {
  getDb().transaction((tx) => {
    const before = tx
      .select({ kind: providerDirectory.kind, name: providerDirectory.name, scope: providerDirectory.scope, regionCode: providerDirectory.regionCode })
      .from(providerDirectory)
      .where(eq(providerDirectory.id, id))
      .get();
    if (!before) throw new AppError('not_found', '该服务商不存在或已被删除');
    refuseFiledEntry(tx, id);
    tx.delete(providerDirectory).where(eq(providerDirectory.id, id)).run();
    writeAudit({ actorId, action: 'provider.delete', objectType: 'provider_directory', objectId: id, before }, tx);
  });
}

/** A record of a CSV file and the 1-based line it starts on. */
export type CsvRecord = { line: number; fields: string[] };

/**
 * RFC 4180 CSV: comma-separated, CRLF / LF / CR line ends, fields in double quotes may
 * hold commas, line breaks and "" for a quote. A leading UTF-8 BOM is dropped.
 * Throws AppError on an unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was a quoted one (so "" is a field, not nothing)
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && field === '' && !quoted) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new AppError('invalid', `第${startLine}行：引号未闭合`);
        if (s[i] === '"') {
          if (s[i + 1] !== '"') break;
          field += '"';
          i += 2;
          continue;
        }
        if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] !== '\n')) line++;
        field += s[i];
        i++;
      }
      i++;
      quoted = true;
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new AppError('invalid', `第${line}行：引号后只能是逗号或换行`);
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      records.push({ line: recordLine, fields });
      fields = [];
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quoted || fields.length > 0) {
    endField();
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** 批量导入 refused: every bad row as "第N行：…" (N counts the file's lines, the header being 第1行). */
export class ProviderImportError extends AppError {
  constructor(public readonly errors: string[]) {
    super('invalid', `导入失败：发现${errors.length}处错误，未导入任何数据`);
    this.name = 'ProviderImportError';
  }
}

export function isProviderImportError(e: unknown): e is ProviderImportError {
  return e instanceof ProviderImportError;
}

/**
 * 批量导入 from CSV (`类型,名称,管辖,地区代码`): all rows or none, in one transaction.
 * Rows already in the directory (or repeated in the file) are skipped and counted.
 */
export function importProvidersCsv(text: string, actorId: number | null): { imported: number; skipped: number } {
  if (text.includes('\uFFFD')) throw new ProviderImportError(['文件不是UTF-8编码，请另存为UTF-8编码的CSV文件后再导入']);
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof AppError) throw new ProviderImportError([e.message]);
    throw e;
  }
  // Blank lines (a trailing newline, an empty row from a spreadsheet) carry nothing.
  records = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [head, ...rows] = records;
  if (!head) throw new ProviderImportError(['文件为空']);
  const headerOk = head.fields.length === PROVIDER_CSV_HEADER.length && head.fields.every((f, i) => f.trim() === PROVIDER_CSV_HEADER[i]);
  if (!headerOk) throw new ProviderImportError([`第${head.line}行：表头应为“${PROVIDER_CSV_HEADER.join(',')}”`]);
  if (rows.length === 0) throw new ProviderImportError(['文件中没有数据行']);
  if (rows.length > MAX_IMPORT_ROWS) throw new ProviderImportError([`单次最多导入${MAX_IMPORT_ROWS}条，本文件有${rows.length}条`]);

  const errors: string[] = [];
  const values: ProviderValues[] = [];
  for (const r of rows) {
    if (r.fields.length !== PROVIDER_CSV_HEADER.length) {
      errors.push(`第${r.line}行：应有${PROVIDER_CSV_HEADER.length}列，实际为${r.fields.length}列`);
      continue;
    }
    const [kind, name, scope, regionCode] = r.fields.map((f) => f.trim());
    const parsed = providerInputSchema.safeParse({ kind, name, scope, regionCode });
    if (!parsed.success) {
      for (const msg of new Set(parsed.error.issues.map((i) => i.message))) errors.push(`第${r.line}行：${msg}`);
      continue;
    }
    values.push(parsed.data);
  }
  if (errors.length) throw new ProviderImportError(errors);

  return getDb().transaction((tx) => {
    const seen = new Set(
      tx
        .select({ kind: providerDirectory.kind, name: providerDirectory.name, regionCode: providerDirectory.regionCode })
        .from(providerDirectory)
        .all()
        .map(dupKey),
    );
    const fresh: ProviderValues[] = [];
    for (const v of values) {
      const key = dupKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(v);
    }
    const now = Date.now();
    const ids: number[] = [];
    // Chunked so a large file stays under SQLite's bound-parameter limit.
    for (let i = 0; i < fresh.length; i += 500) {
      const chunk = fresh.slice(i, i + 500).map((v) => ({ ...v, createdAt: now }));
      ids.push(...tx.insert(providerDirectory).values(chunk).returning({ id: providerDirectory.id }).all().map((r) => r.id));
    }
    const result = { imported: fresh.length, skipped: values.length - fresh.length };
    writeAudit({ actorId, action: 'provider.import', objectType: 'provider_directory', after: { ...result, ids } }, tx);
    return result;
  });
}

/** Entries of the 服务商名录 (管理后台's count). */
export function countProviders(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(providerDirectory).get()!.n;
}
