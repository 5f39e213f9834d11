import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, dbFile, getDb, schema } from '@/db/client';
import { uploadsDir } from '@/lib/files/service';
import { checkHealth } from './health';

/** The check as /api/health answers it (app/api/health/route.test.ts: 200 for ok, 503 otherwise). */
async function health() {
  const body = checkHealth();
  return { status: body.status === 'ok' ? 200 : 503, body };
}

afterEach(() => {
  closeDb();
  fs.mkdirSync(uploadsDir(), { recursive: true });
});

describe('checkHealth, behind /api/health (SPEC §13)', () => {
  it('answers 200 when the database accepts writes and the uploads folder exists', async () => {
    getDb();
    fs.mkdirSync(uploadsDir(), { recursive: true });
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'ok', uploads: 'ok' });
  });

  it('answers 503 with the reason when the database is read-only', async () => {
    getDb();
    closeDb();
    fs.mkdirSync(uploadsDir(), { recursive: true });
    // What SQLite does with a write-protected app.db (or a read-only mount): it opens it read-only.
    const sqlite = new Database(dbFile(), { readonly: true });
    (globalThis as { __wlbaDb?: unknown }).__wlbaDb = { db: Object.assign(drizzle(sqlite, { schema }), { $client: sqlite }), file: dbFile() };
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.database).toBe('readonly');
    expect(body.reason).toContain('数据库只读，无法写入');
  });

  it('answers 503 with the reason when the uploads folder is missing', async () => {
    getDb();
    fs.rmSync(uploadsDir(), { recursive: true, force: true });
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.uploads).toBe('missing');
    expect(body.reason).toContain('上传文件目录');
    expect(body.reason).toContain('不存在');
  });

  it('a writer holding the write lock does not make health wait or fail', async () => {
    getDb();
    fs.mkdirSync(uploadsDir(), { recursive: true });
    const other = new Database(dbFile());
    other.exec('BEGIN IMMEDIATE');
    try {
      const t0 = Date.now();
      const { status } = await health();
      expect(status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(500);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
