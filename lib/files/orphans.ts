/**
 * Orphan sweep (SPEC §13): an upload never attached to a record is deleted, row and blob, 24 hours
 * after it was uploaded. A file counts as attached when it belongs to a subject (files.subject_id)
 * or when any row of any table refers to it: an integer column named *file_id
 * (website_domains.certificate_file_id) or a file id inside a JSON column (drafts.data,
 * subjects.data, websites.data, applications.payload/previous, assessments.data… under keys such
 * as fileId, frontFileId, sealedReportFileId). The tables are read from the schema, so a table
 * added later is covered without touching this file.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import { getDb, schema } from '@/db/client';
import { uploadsDir } from './service';

export const ORPHAN_AGE_MS = 24 * 60 * 60_000;

/** A JSON key that holds a file id or a list of them: fileId, idFrontFileId, fileIds, file_id… */
const FILE_KEY = /file_?ids?$/i;

function addId(out: Set<number>, v: unknown): void {
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) out.add(n);
}

/** Every file id in a parsed JSON value (pure; exported for tests). */
export function fileIdsInJson(value: unknown, out = new Set<number>()): Set<number> {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (FILE_KEY.test(k)) {
          if (Array.isArray(child)) child.forEach((c) => addId(out, c));
          else addId(out, child);
        }
        if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ids of files some row of some table (other than files) refers to. */
export function referencedFileIds(): Set<number> {
  const client = getDb().$client;
  const out = new Set<number>();
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const cfg = getTableConfig(table);
    if (cfg.name === 'files') continue;
    for (const col of cfg.columns) {
      const c = quote(col.name);
      const t = quote(cfg.name);
      if (col.columnType === 'SQLiteInteger' && /(^|_)file_id$/.test(col.name)) {
        for (const r of client.prepare(`select distinct ${c} as v from ${t} where ${c} is not null`).iterate()) addId(out, (r as { v: unknown }).v);
      } else if (col.columnType === 'SQLiteTextJson') {
        const rows = client.prepare(`select ${c} as v from ${t} where ${c} like '%fileid%' or ${c} like '%file\\_id%' escape '\\'`).iterate();
        for (const r of rows) {
          try {
            fileIdsInJson(JSON.parse(String((r as { v: unknown }).v)), out);
          } catch {
            /* not JSON: nothing to keep */
          }
        }
      }
    }
  }
  return out;
}

export type OrphanSweep = { files: number; blobs: number; bytes: number };

/** Blob (or upload temp file) names under uploads/<2 hex>/. */
const BLOB_NAME = /^([0-9a-f]{64}|\.[0-9a-f]{64}\..+\.tmp)$/;

/**
 * Deletes files that are unattached, unreferenced and older than 24 hours (rows, then blobs no
 * other row uses), and blobs on disk no row knows that are as old (left by an interrupted upload).
 * Synchronous from the first read to the last unlink, so no upload or submission of this process
 * interleaves with it.
 */
export function sweepOrphanFiles(now = Date.now()): OrphanSweep {
  const db = getDb();
  const client = db.$client;
  const cutoff = now - ORPHAN_AGE_MS;
  const result: OrphanSweep = { files: 0, blobs: 0, bytes: 0 };

  const shas = client.transaction(() => {
    const candidates = client
      .prepare('select id, sha256, thumb_sha256 as thumb, size from files where subject_id is null and created_at < ?')
      .all(cutoff) as { id: number; sha256: string; thumb: string | null; size: number }[];
    if (candidates.length === 0) return [] as string[];
    const keep = referencedFileIds();
    const del = client.prepare('delete from files where id = ?');
    const gone = new Set<string>();
    for (const f of candidates) {
      if (keep.has(f.id)) continue;
      del.run(f.id);
      result.files++;
      result.bytes += f.size;
      gone.add(f.sha256);
      if (f.thumb) gone.add(f.thumb);
    }
    // Content-addressed: a blob stays while any other row still uses it.
    const used = client.prepare('select 1 from files where sha256 = ? or thumb_sha256 = ? limit 1');
    return [...gone].filter((sha) => !used.get(sha, sha));
  })();

  const dir = uploadsDir();
  for (const sha of shas) {
    try {
      fs.rmSync(path.join(dir, sha.slice(0, 2), sha), { force: true });
      result.blobs++;
    } catch (e) {
      console.error(`[files] orphan blob ${sha} not removed`, e);
    }
  }

  // Blobs no row knows (an upload interrupted between the write and the insert).
  if (!fs.existsSync(dir)) return result;
  const known = client.prepare('select 1 from files where sha256 = ? or thumb_sha256 = ? limit 1');
  for (const sub of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    const subDir = path.join(dir, sub);
    for (const name of fs.readdirSync(subDir)) {
      if (!BLOB_NAME.test(name)) continue;
      const file = path.join(subDir, name);
      try {
        if (fs.statSync(file).mtimeMs >= cutoff) continue;
        if (!name.startsWith('.') && known.get(name, name)) continue;
        fs.rmSync(file, { force: true });
        result.blobs++;
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return result;
}
